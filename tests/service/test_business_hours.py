"""business_add / business_between on the Iranian and Italian calendars, holidays skipped."""

import datetime as dt
import zoneinfo

import jdatetime
import pytest

from aftersales.service.business import (
    CALENDARS,
    business_add,
    business_between,
    calendar_for,
    with_holidays,
)

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")
ROME = zoneinfo.ZoneInfo("Europe/Rome")
IRAN = CALENDARS["IR"]
ITALY = CALENDARS["IT"]


def tehran(*args):
    return dt.datetime(*args, tzinfo=TEHRAN)


def rome(*args):
    return dt.datetime(*args, tzinfo=ROME)


def test_wednesday_1600_plus_8_hours_is_saturday_noon_in_tehran():
    # 2026-11-18 is a Wednesday: Thursday gives 4 hours (08-12), Friday is off, Saturday 4 more.
    due = business_add(tehran(2026, 11, 18, 16, 0), 8, IRAN)
    assert due == tehran(2026, 11, 21, 12, 0)
    assert due.weekday() == 5


def test_the_same_deadline_given_in_utc():
    start = tehran(2026, 11, 18, 16, 0).astimezone(dt.UTC)
    assert business_add(start, 8, IRAN) == tehran(2026, 11, 21, 12, 0)


def test_nowruz_is_skipped():
    # 1405/12/29 (2026-03-20) is a Friday; 1 to 4 Farvardin 1405 are 21-24 March.
    nowruz = [jdatetime.date(1405, 1, day).togregorian() for day in (1, 2, 3, 4)]
    calendar = with_holidays("IR", nowruz)
    start = tehran(2026, 3, 19, 11, 0)  # Thursday 11:00, one hour before closing
    due = business_add(start, 2, calendar)
    assert due == tehran(2026, 3, 25, 9, 0)  # Wednesday 25 March, 09:00
    assert business_between(start, due, calendar) == pytest.approx(2)


@pytest.mark.django_db
def test_shipped_nowruz_holidays_are_used():
    calendar = calendar_for("IR")
    assert jdatetime.date(1406, 1, 1).togregorian() in calendar.holidays
    due = business_add(tehran(2027, 3, 17, 16, 0), 1, calendar)  # Wednesday 17 March 2027
    assert due == tehran(2027, 3, 18, 9, 0)  # Thursday morning is open
    due = business_add(tehran(2027, 3, 18, 12, 0), 1, calendar)
    # Fri 19 off, Sat 20 open, 21-24 Nowruz (Sunday-Wednesday), so Saturday 20 at 09:00.
    assert due == tehran(2027, 3, 20, 9, 0)
    due = business_add(tehran(2027, 3, 20, 16, 0), 1, calendar)
    assert due == tehran(2027, 3, 25, 9, 0)  # Thursday after Nowruz


def test_italy_friday_evening_to_monday():
    due = business_add(rome(2026, 11, 20, 17, 0), 3, ITALY)  # Friday 17:00
    assert due == rome(2026, 11, 23, 11, 0)  # Monday 11:00


def test_before_opening_starts_at_opening():
    assert business_add(rome(2026, 11, 23, 6, 30), 1, ITALY) == rome(2026, 11, 23, 10, 0)


@pytest.mark.django_db
def test_italian_national_holiday_is_skipped():
    calendar = calendar_for("IT")
    # Tuesday 1 June 2027 17:00 + 2 hours: Festa della Repubblica (Wed 2 June) is off.
    assert business_add(rome(2027, 6, 1, 17, 0), 2, calendar) == rome(2027, 6, 3, 10, 0)


def test_deadline_at_closing_time_stays_there():
    assert business_add(tehran(2026, 11, 18, 8, 0), 8, IRAN) == tehran(2026, 11, 18, 16, 0)


def test_business_between_counts_only_working_hours():
    assert business_between(tehran(2026, 11, 18, 16, 0), tehran(2026, 11, 21, 12, 0), IRAN) == 8
    assert business_between(rome(2026, 11, 20, 17, 0), rome(2026, 11, 23, 11, 0), ITALY) == 3
    assert business_between(rome(2026, 11, 23, 11, 0), rome(2026, 11, 20, 17, 0), ITALY) == -3


def test_friday_in_iran_and_weekend_in_italy_count_nothing():
    assert business_between(tehran(2026, 11, 20, 0, 0), tehran(2026, 11, 21, 0, 0), IRAN) == 0
    assert business_between(rome(2026, 11, 21, 0, 0), rome(2026, 11, 23, 0, 0), ITALY) == 0


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        business_add(dt.datetime(2026, 11, 18, 16), 1, IRAN)


@pytest.mark.django_db
def test_a_new_holiday_is_seen_at_once():
    from aftersales.service.models import Holiday

    day = dt.date(2026, 11, 25)  # a Wednesday
    assert day not in calendar_for("IR").holidays
    Holiday.objects.create(calendar="IR", date=day, name="Test")
    assert day in calendar_for("IR").holidays
    Holiday.objects.filter(date=day).delete()  # a queryset delete sends post_delete per row
    assert day not in calendar_for("IR").holidays
