"""Remote troubleshooting and training sessions are recorded with their outcome (R7.1)."""

import pytest

from aftersales.service.models import SupportSession

from .factories import open_request

pytestmark = pytest.mark.django_db


def test_a_solved_remote_session_resolves_the_request(login, operator, owner):
    request = open_request(by=operator, customer=owner, code="support")
    client = login(operator)
    assert 'id="support"' in client.get(request.get_absolute_url()).content.decode()
    client.post(
        f"/service/requests/{request.pk}/support/",
        {
            "kind": "remote",
            "channel": "phone",
            "outcome": "solved",
            "minutes": 12,
            "attendees": 0,
            "notes": "Reset the controller",
        },
    )
    request.refresh_from_db()
    session = SupportSession.objects.get()
    assert (session.outcome, session.minutes, session.by) == ("solved", 12, operator)
    assert request.status == "resolved" and request.first_time_fix is True


def test_a_training_counts_the_people_trained(login, operator, owner):
    request = open_request(by=operator, customer=owner, code="training")
    login(operator).post(
        f"/service/requests/{request.pk}/support/",
        {
            "kind": "training",
            "channel": "walk_in",
            "outcome": "trained",
            "minutes": 60,
            "attendees": 3,
        },
    )
    request.refresh_from_db()
    assert SupportSession.objects.get().attendees == 3
    assert request.status == "resolved"


def test_needs_a_visit_leaves_it_for_the_dispatcher(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    login(operator).post(
        f"/service/requests/{request.pk}/support/",
        {
            "kind": "remote",
            "channel": "phone",
            "outcome": "needs_visit",
            "minutes": 5,
            "attendees": 0,
        },
    )
    request.refresh_from_db()
    assert request.status == "triaged"


def test_a_customer_cannot_record_sessions(login, operator, owner):
    request = open_request(by=operator, customer=owner, code="support")
    response = login(owner.user).post(
        f"/service/requests/{request.pk}/support/",
        {"kind": "remote", "channel": "phone", "outcome": "solved", "minutes": 1, "attendees": 0},
    )
    assert response.status_code == 404
    assert not SupportSession.objects.exists()
