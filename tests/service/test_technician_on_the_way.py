"""'On my way': the technician tells the customer when to expect them, in the customer's language
and time zone; the portal shows it; only a planned visit of one's own can be announced."""

import datetime as dt
import json

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from aftersales.core.services import api_token_create
from aftersales.service import services

from .factories import open_request, scheduled_visit, technician_with_login

pytestmark = pytest.mark.django_db
# 07:30 UTC: 11:00 in Tehran, 08:30 in Rome (both on standard time in December)
SET_OFF = dt.datetime(2026, 12, 7, 7, 30, tzinfo=dt.UTC)


@pytest.fixture
def visit(operator, owner, owned_unit, technician):
    owner.email = "sara@example.com"
    owner.save()
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    return scheduled_visit(request=request, technician=technician, by=operator)


def _announce(visit, by, minutes, callbacks):
    with callbacks(execute=True):
        return services.visit_depart(visit=visit, by=by, minutes=minutes, at=SET_OFF)


def test_the_customer_hears_when_to_expect_the_technician(
    visit, technician, owner, django_capture_on_commit_callbacks
):
    owner.preferred_language = "fa"
    owner.country = "IR"
    owner.save()
    mail.outbox.clear()
    visit = _announce(visit, technician.user, 45, django_capture_on_commit_callbacks)
    assert visit.departed_at == SET_OFF
    assert visit.expected_at == SET_OFF + dt.timedelta(minutes=45)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "۱۱:۴۵" in body  # Tehran time, Persian digits
    assert visit.request.number in body


def test_an_italian_customer_reads_rome_time(
    visit, technician, owner, django_capture_on_commit_callbacks
):
    owner.preferred_language = "it"
    owner.country = "IT"
    owner.save()
    mail.outbox.clear()
    _announce(visit, technician.user, 20, django_capture_on_commit_callbacks)
    assert "08:50" in mail.outbox[0].body
    assert "11:50" not in mail.outbox[0].body


def test_running_late_moves_the_time_and_keeps_when_they_set_off(
    visit, technician, django_capture_on_commit_callbacks
):
    _announce(visit, technician.user, 30, django_capture_on_commit_callbacks)
    later = services.visit_depart(
        visit=visit, by=technician.user, minutes=15, at=SET_OFF + dt.timedelta(minutes=40)
    )
    assert later.departed_at == SET_OFF
    assert later.expected_at == SET_OFF + dt.timedelta(minutes=55)


def test_only_a_planned_visit_of_ones_own_and_a_sensible_time(visit, technician):
    other = technician_with_login(username="other")
    with pytest.raises(PermissionDenied):
        services.visit_depart(visit=visit, by=other.user, minutes=30)
    for minutes in (0, 481):
        with pytest.raises(ValidationError):
            services.visit_depart(visit=visit, by=technician.user, minutes=minutes)
    services.visit_check_in(visit=visit, by=technician.user)
    with pytest.raises(ValidationError):
        services.visit_depart(visit=visit, by=technician.user, minutes=30)
    visit.refresh_from_db()
    assert visit.expected_at is None


def test_no_message_once_the_technician_has_arrived(visit, technician):
    from aftersales.service.notify import on_the_way_message

    services.visit_depart(visit=visit, by=technician.user, minutes=30)
    assert on_the_way_message(visit_id=visit.pk) is not None
    services.visit_check_in(visit=visit, by=technician.user)
    assert on_the_way_message(visit_id=visit.pk) is None  # a late worker sends nothing


def test_the_visit_page_and_the_portal(visit, technician, owner, login):
    page = login(technician.user)
    response = page.get(visit.get_absolute_url())
    assert b'id="depart"' in response.content
    refused = page.post(f"{visit.get_absolute_url()}depart/", {"minutes": "0"})
    assert refused.status_code == 400
    visit.refresh_from_db()
    assert visit.expected_at is None
    page.post(f"{visit.get_absolute_url()}depart/", {"minutes": "25"})
    visit.refresh_from_db()
    assert visit.expected_at is not None
    assert b'id="on-the-way"' in page.get(visit.get_absolute_url()).content
    portal = login(owner.user).get(visit.request.get_absolute_url(), follow=True)
    assert b'id="technician-on-the-way"' in portal.content


def test_the_api(visit, technician):
    from django.test import Client

    _token, key = api_token_create(user=technician.user, name="phone")
    client = Client(headers={"authorization": f"Bearer {key}"})
    url = f"/api/v1/service/visits/{visit.pk}/depart"
    refused = client.post(url, json.dumps({"minutes": 0}), content_type="application/json")
    assert refused.status_code == 422
    done = client.post(url, json.dumps({"minutes": 10}), content_type="application/json")
    assert done.status_code == 200
    assert done.json()["expected_at"] is not None
