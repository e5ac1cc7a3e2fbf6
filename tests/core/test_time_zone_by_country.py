"""A user who has not chosen a time zone reads times in their country's: an Italian customer or
an Italian agent's staff sees Rome's time, not the site's (Tehran); a chosen zone wins."""

import datetime as dt

import pytest

from aftersales.core.choices import Role
from tests.service.factories import open_request, scheduled_visit, technician_with_login

pytestmark = pytest.mark.django_db
# 07:00 UTC on 7 December: 08:00 in Rome, 10:30 in Tehran
START = dt.datetime(2026, 12, 7, 7, 0, tzinfo=dt.UTC)


@pytest.fixture
def visit(operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    return scheduled_visit(
        request=request, technician=technician_with_login(), by=operator, start=START
    )


def _window(client, visit) -> str:
    html = client.get(f"/service/my/{visit.request_id}/").content.decode()
    return html.split(visit.number, 1)[1][:200]


def test_an_italian_customer_reads_rome_time(visit, owner, login):
    owner.country = "IT"
    owner.save()
    owner.user.language = "it"
    owner.user.save()
    shown = _window(login(owner.user), visit)
    assert "08:00" in shown and "10:30" not in shown


def test_an_iranian_customer_reads_tehran_time(visit, owner, login):
    owner.user.language = "en"
    owner.user.save()
    shown = _window(login(owner.user), visit)
    assert "10:30" in shown


def test_a_chosen_zone_wins(visit, owner, login):
    owner.country = "IT"
    owner.save()
    owner.user.time_zone = "Asia/Tehran"
    owner.user.save()
    assert "10:30" in _window(login(owner.user), visit)


def test_an_italian_agents_staff_read_rome_time(make_user, agent, login, visit):
    from aftersales.core.middleware import zone_of

    agent.country = "IT"
    agent.save()
    staff = make_user(Role.AGENT, agent=agent)
    request = type("Request", (), {"session": {}})()
    assert zone_of(request, staff) == "Europe/Rome"
    assert request.session  # found once, then kept for the session
    assert zone_of(request, make_user(Role.OPERATOR)) == "Europe/Rome"  # the session's
    assert zone_of(type("Request", (), {"session": {}})(), make_user(Role.OPERATOR)) == (
        "Asia/Tehran"
    )
