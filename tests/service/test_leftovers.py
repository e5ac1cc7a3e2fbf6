"""Jalali input of the visit window, "today" in the technician's time zone, the late number."""

import datetime as dt
import zoneinfo

import pytest
from auditlog.models import LogEntry
from django.utils import timezone, translation

from aftersales.service.forms import DateTimeField
from aftersales.service.models import ServiceRequest
from aftersales.service.selectors import visits_today

from .factories import open_request, scheduled_visit

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")


def test_the_window_accepts_jalali_with_persian_digits():
    field = DateTimeField()
    with translation.override("fa"), timezone.override(TEHRAN):
        moment = field.clean("۱۴۰۵/۰۹/۰۲ ۱۰:۳۰")
        assert moment == dt.datetime(2026, 11, 23, 10, 30, tzinfo=TEHRAN)
        assert field.clean("1405/09/02 10:30") == moment
        assert field.clean("2026-11-23T10:30") == moment  # the browser's picker
        html = field.widget.render("window_start", moment)
        assert "۱۴۰۵/۰۹/۰۲ ۱۰:۳۰" in html and 'type="text"' in html


def test_the_window_stays_iso_in_english():
    field = DateTimeField()
    with translation.override("en"), timezone.override(dt.UTC):
        assert field.clean("2026-11-23T10:30") == dt.datetime(2026, 11, 23, 10, 30, tzinfo=dt.UTC)
        assert 'type="datetime-local"' in field.widget.render("w", None)


@pytest.mark.django_db
def test_today_is_the_technicians_day(operator, owner, owned_unit, technician):
    technician.user.time_zone = "Asia/Tehran"
    technician.user.save()
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    # 00:30 in Tehran on 24 November is still 23 November in UTC
    start = dt.datetime(2026, 11, 24, 0, 30, tzinfo=TEHRAN)
    visit = scheduled_visit(request=request, technician=technician, by=operator, start=start)
    with timezone.override(dt.UTC):
        assert list(visits_today(user=technician.user, day=dt.date(2026, 11, 24))) == [visit]
        assert list(visits_today(user=technician.user, day=dt.date(2026, 11, 23))) == []


@pytest.mark.django_db
def test_the_request_is_numbered_last_and_audited_with_its_number(operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    assert ServiceRequest.objects.get(pk=request.pk).number == request.number
    entries = LogEntry.objects.get_for_object(request)
    assert [entry.action for entry in entries] == [LogEntry.Action.CREATE]
    assert entries[0].changes_dict["number"][1] == request.number
