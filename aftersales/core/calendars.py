"""Dates as each language shows them: Jalali with Persian digits for `fa`, the locale's otherwise.

Dates are stored Gregorian (and datetimes in UTC); only showing and typing change with language.
"""

import datetime as dt
import re

import jdatetime
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import get_language

from .text import latin_digits, persian_digits

COUNTRY_TIME_ZONES = {"IR": "Asia/Tehran", "IT": "Europe/Rome"}

_JALALI_INPUT = re.compile(r"^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


def country_time_zone(country: str | None) -> str:
    """The time zone a customer of `country` reads times in (the site's when unknown)."""
    return COUNTRY_TIME_ZONES.get(country or "", settings.TIME_ZONE)


def uses_jalali(language: str | None = None) -> bool:
    return (language or get_language() or "").startswith("fa")


def show_date(value: dt.date | dt.datetime | None, *, with_time: bool = False) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        if not with_time:
            value = value.date()
    if uses_jalali():
        if isinstance(value, dt.datetime):
            text = jdatetime.datetime.fromgregorian(datetime=value).strftime("%Y/%m/%d %H:%M")
        else:
            text = jdatetime.date.fromgregorian(date=value).strftime("%Y/%m/%d")
        return persian_digits(text)
    if isinstance(value, dt.datetime):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def show_time(value: dt.datetime) -> str:
    """A moment's time of day, 24-hour, in the reader's digits: '10:45' ('۱۰:۴۵')."""
    text = timezone.localtime(value).strftime("%H:%M")
    return persian_digits(text) if uses_jalali() else text


def show_month(month: dt.date) -> str:
    """A month of charts and tables: 'December 2026' ('Dicembre 2026'); in Persian the Jalali
    month covering most of it, in Persian digits (۱۴۰۵/۰۹)."""
    if uses_jalali():
        return show_date(month.replace(day=15))[:-3]
    return formats.date_format(month, "YEAR_MONTH_FORMAT")


def parse_jalali(text: str) -> dt.date | None:
    """'۱۴۰۳/۰۵/۱۲' or '1403-5-12' -> the Gregorian date; None when it is not a Jalali date."""
    match = _JALALI_INPUT.match(latin_digits(text or ""))
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


def jalali_text(value: dt.date | None) -> str:
    if value is None:
        return ""
    return jdatetime.date.fromgregorian(date=value).strftime("%Y/%m/%d")
