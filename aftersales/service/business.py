"""Business hours: add and count working time in a calendar's own time zone.

    due = business_add(opened_at, 8, calendar)          # 8 business hours later
    left = business_between(timezone.now(), due, calendar)  # hours, negative when overdue

Pure functions of their arguments: a `BusinessCalendar` carries the weekly hours, the time zone
and the holidays (read from `Holiday` rows by `calendar_for`). Datetimes may be given in any time
zone; results are aware datetimes in the calendar's zone.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal

Hours = float | int | Decimal

# Monday = 0 ... Sunday = 6
IRAN_WEEK = {
    5: (dt.time(8), dt.time(16)),  # Saturday
    6: (dt.time(8), dt.time(16)),
    0: (dt.time(8), dt.time(16)),
    1: (dt.time(8), dt.time(16)),
    2: (dt.time(8), dt.time(16)),  # Wednesday
    3: (dt.time(8), dt.time(12)),  # Thursday morning; Friday off
}
ITALY_WEEK = {day: (dt.time(9), dt.time(18)) for day in range(5)}  # Monday-Friday


@dataclass(frozen=True)
class BusinessCalendar:
    """Weekly working hours in a time zone, less the holidays."""

    code: str
    time_zone: str
    week: dict[int, tuple[dt.time, dt.time]]
    holidays: frozenset[dt.date] = field(default_factory=frozenset)

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        """The working hours of `day` as aware datetimes, or None on a day off."""
        hours = self.week.get(day.weekday())
        if hours is None or day in self.holidays:
            return None
        return (
            dt.datetime.combine(day, hours[0], tzinfo=self.tz),
            dt.datetime.combine(day, hours[1], tzinfo=self.tz),
        )


CALENDARS = {
    "IR": BusinessCalendar("IR", "Asia/Tehran", IRAN_WEEK),
    "IT": BusinessCalendar("IT", "Europe/Rome", ITALY_WEEK),
}
MAX_DAYS = 3660  # a calendar with no working day at all must not loop forever


def with_holidays(code: str, holidays) -> BusinessCalendar:
    base = CALENDARS[code]
    return BusinessCalendar(base.code, base.time_zone, base.week, frozenset(holidays))


def _local(moment: dt.datetime, calendar: BusinessCalendar) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("business hours need an aware datetime")
    return moment.astimezone(calendar.tz)


def business_add(start: dt.datetime, hours: Hours, calendar: BusinessCalendar) -> dt.datetime:
    """The moment `hours` business hours after `start` (a deadline that falls at closing time
    stays there rather than moving to the next opening)."""
    cursor = _local(start, calendar)
    remaining = dt.timedelta(hours=float(hours))
    if remaining <= dt.timedelta(0):
        return cursor
    day = cursor.date()
    for _ in range(MAX_DAYS):
        window = calendar.window(day)
        if window is not None:
            opens, closes = window
            if cursor < opens:
                cursor = opens
            if cursor < closes:
                available = closes - cursor
                if remaining <= available:
                    return cursor + remaining
                remaining -= available
        day += dt.timedelta(days=1)
        cursor = dt.datetime.combine(day, dt.time(0), tzinfo=calendar.tz)
    raise ValueError("the calendar has no working hours")


def business_between(a: dt.datetime, b: dt.datetime, calendar: BusinessCalendar) -> float:
    """Business hours from `a` to `b`; negative when `b` is before `a`."""
    a, b = _local(a, calendar), _local(b, calendar)
    if b < a:
        return -business_between(b, a, calendar)
    total = dt.timedelta(0)
    day = a.date()
    while day <= b.date():
        window = calendar.window(day)
        if window is not None:
            start, end = max(window[0], a), min(window[1], b)
            if end > start:
                total += end - start
        day += dt.timedelta(days=1)
    return total.total_seconds() / 3600


_cache: dict[str, BusinessCalendar] = {}


def calendar_for(code: str) -> BusinessCalendar:
    """The calendar `code` (IR or IT) with its holidays from the database, cached in the process
    (`forget_calendars` empties the cache whenever a holiday is saved or deleted)."""
    calendar = _cache.get(code)
    if calendar is None:
        from .models import Holiday

        days = Holiday.objects.filter(calendar=code).values_list("date", flat=True)
        calendar = _cache[code] = with_holidays(code, days)
    return calendar


def forget_calendars(**kwargs) -> None:
    _cache.clear()
