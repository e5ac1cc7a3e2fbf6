"""A customer asks for another day: the planned visit is called off, the dispatcher re-plans."""

import datetime as dt

import pytest
from django.utils import timezone

from .factories import open_request, scheduled_visit

pytestmark = pytest.mark.django_db


def test_the_customer_reschedules(login, operator, dispatcher, owner, owned_unit, technician):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    visit = scheduled_visit(request=request, technician=technician, by=dispatcher)
    client = login(owner.user)
    assert 'id="reschedule"' in client.get(f"/service/my/{request.pk}/").content.decode()
    day = timezone.localdate() + dt.timedelta(days=3)
    client.post(f"/service/requests/{request.pk}/reschedule/", {"preferred_date": day.isoformat()})
    request.refresh_from_db()
    visit.refresh_from_db()
    assert request.preferred_date == day
    assert request.status == "triaged" and visit.status == "cancelled"
    last = request.status_changes.last()
    assert (last.from_status, last.to_status, last.by) == ("scheduled", "triaged", owner.user)


def test_a_past_day_is_refused(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    login(owner.user).post(
        f"/service/requests/{request.pk}/reschedule/", {"preferred_date": "2020-01-01"}
    )
    request.refresh_from_db()
    assert request.preferred_date != dt.date(2020, 1, 1)


def test_another_customer_cannot(login, operator, owner, owned_unit, stranger):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    response = login(stranger.user).post(
        f"/service/requests/{request.pk}/reschedule/", {"preferred_date": "2030-01-01"}
    )
    assert response.status_code == 404
