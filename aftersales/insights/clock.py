"""The business-hours clock in SQL: for each calendar, half-hour slots since the Unix epoch with
the business seconds counted before each slot. Business seconds between two moments are then
B(b) - B(a), B(t) = seconds_before(slot(t)) + (t - slot start if the slot is working time), the
same figure as `aftersales.service.business.business_between` (every calendar's hours start and
end on the half hour, time zones included)."""

from __future__ import annotations

import datetime as dt

from django.db import connection, transaction

from aftersales.service.business import CALENDARS, calendar_for

from .models import BusinessClock

SLOT = 1800


def _epoch(moment: dt.datetime) -> int:
    return int(moment.timestamp())


@transaction.atomic
def build_clock(*, start: dt.date, end: dt.date) -> int:
    """Rebuild the clock of every calendar for the days `start`..`end`; returns the slots."""
    BusinessClock.objects.all().delete()
    rows = []
    for code in CALENDARS:
        calendar = calendar_for(code)
        day = start - dt.timedelta(days=1)
        first = dt.datetime.combine(day, dt.time(0), tzinfo=calendar.tz)
        slot = _epoch(first) // SLOT
        last = (
            _epoch(dt.datetime.combine(end + dt.timedelta(days=2), dt.time(0), tzinfo=calendar.tz))
            // SLOT
        )
        windows = {}
        cursor = day
        while cursor <= end + dt.timedelta(days=2):
            window = calendar.window(cursor)
            if window:
                windows[_epoch(window[0]) // SLOT] = (_epoch(window[1]) - _epoch(window[0])) // SLOT
            cursor += dt.timedelta(days=1)
        seconds = 0
        open_left = 0
        while slot <= last:
            if slot in windows:
                open_left = windows[slot]
            is_open = open_left > 0
            rows.append(
                BusinessClock(calendar=code, slot=slot, seconds_before=seconds, is_open=is_open)
            )
            if is_open:
                seconds += SLOT
                open_left -= 1
            slot += 1
    BusinessClock.objects.bulk_create(rows, batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE insights_businessclock")  # or the planner loops over it
    return len(rows)


def clock_covers(start: dt.date, end: dt.date) -> bool:
    bounds = (
        BusinessClock.objects.filter(calendar="IR").order_by("slot").values_list("slot", flat=True)
    )
    first = bounds.first()
    last = bounds.last()
    if first is None:
        return False
    need_first = _epoch(dt.datetime.combine(start, dt.time(0), tzinfo=dt.UTC)) // SLOT - 48
    need_last = _epoch(dt.datetime.combine(end, dt.time(0), tzinfo=dt.UTC)) // SLOT + 96
    return first <= need_first and last >= need_last
