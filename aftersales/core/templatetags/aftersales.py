"""Template filters used everywhere: dates, digits, money, phones (built in to every template)."""

from django import template
from django.utils.translation import get_language

from .. import calendars, identity, money, phones, text

register = template.Library()


@register.filter
def jdate(value):
    """A date in the user's calendar: Jalali with Persian digits for `fa`."""
    return calendars.show_date(value)


@register.filter
def jdatetime(value):
    return calendars.show_date(value, with_time=True)


@register.filter
def jtime(value):
    """A moment's time of day in the user's time zone and digits."""
    return calendars.show_time(value) if value else ""


@register.filter
def digits(value):
    """Numbers in the user's script (Persian digits for `fa`)."""
    value = "" if value is None else str(value)
    return text.persian_digits(value) if (get_language() or "").startswith("fa") else value


@register.filter
def prose_digits(value):
    """A sentence's numbers in the user's script, codes left as written (errors, messages)."""
    value = "" if value is None else str(value)
    return text.persian_digits_in_prose(value) if (get_language() or "").startswith("fa") else value


@register.simple_tag(takes_context=True)
def money_amount(context, amount, currency_code):
    """An amount in its currency; rials as toman for users who chose so on their account."""
    request = context.get("request")
    user = getattr(request, "user", None)
    toman = bool(getattr(user, "money_in_toman", False))
    return money.show_money(amount, currency_code, toman=toman)


@register.filter
def phone(value):
    return phones.format_phone(value) if value else ""


@register.filter
def iban(value):
    """A bank account in groups of four, as banks print it."""
    return identity.show_iban(value)


@register.filter
def may(user, permission: str) -> bool:
    """`{% if user|may:"billing.Quote:add" %}`: the model's policy allows the user the action.

    Lets one app's page link to another app's page without importing it."""
    from django.apps import apps

    label, action = permission.split(":")
    return apps.get_model(label).policy.allows(user, action)
