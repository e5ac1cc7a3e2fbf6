"""Template filters used everywhere: dates, digits, money, phones (built in to every template)."""

from django import template
from django.utils.translation import get_language

from .. import calendars, money, phones, text

register = template.Library()


@register.filter
def jdate(value):
    """A date in the user's calendar: Jalali with Persian digits for `fa`."""
    return calendars.show_date(value)


@register.filter
def jdatetime(value):
    return calendars.show_date(value, with_time=True)


@register.filter
def digits(value):
    """Numbers in the user's script (Persian digits for `fa`)."""
    value = "" if value is None else str(value)
    return text.persian_digits(value) if (get_language() or "").startswith("fa") else value


@register.filter
def currency(value, code="IRR"):
    return money.show_money(value, code)


@register.filter
def phone(value):
    return phones.format_phone(value) if value else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
