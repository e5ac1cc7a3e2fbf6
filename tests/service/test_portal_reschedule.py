"""A customer asks for another day: the planned visit is called off, the dispatcher re-plans."""

import datetime as dt

import jdatetime
import pytest
from django.utils import timezone

from aftersales.core.text import persian_digits

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


def test_a_refused_day_stays_in_the_box_next_to_the_reason(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    response = login(owner.user).post(
        f"/service/requests/{request.pk}/reschedule/", {"preferred_date": "2020-01-01"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="2020-01-01"' in page
    assert '<div class="invalid-feedback d-block">Choose a day from today on.</div>' in page


def test_a_mistyped_day_is_kept_too(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    owner.user.language = "fa"
    owner.user.save()
    client = login(owner.user)
    response = client.post(
        f"/service/requests/{request.pk}/reschedule/", {"preferred_date": "1405/13/40"}
    )
    assert response.status_code == 400
    assert 'value="1405/13/40"' in response.content.decode()


def test_the_asked_day_shows_in_jalali_with_persian_digits(login, operator, owner, owned_unit):
    day = timezone.localdate() + dt.timedelta(days=3)
    request = open_request(by=operator, customer=owner, unit=owned_unit, preferred_date=day)
    owner.user.language = "fa"
    owner.user.save()
    client = login(owner.user)
    page = client.get(f"/service/my/{request.pk}/").content.decode()
    jalali = persian_digits(jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d"))
    assert f'id="preferred-date">{jalali}</dd>' in page
    assert f'value="{jalali}"' in page  # the reschedule box, ready to change
