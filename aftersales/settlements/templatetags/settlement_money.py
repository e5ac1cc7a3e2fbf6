"""`{% amount value currency %}`: an amount whose number is kept whole and left to right
(`<bdi dir="ltr">`, so a minus sign or a separator is not reordered in Persian text) followed
by its currency's name; Persian digits for `fa`, toman for users who chose it."""

from django import template
from django.utils.html import format_html

from aftersales.core.money import show_money

register = template.Library()


@register.simple_tag(takes_context=True)
def amount(context, value, currency):
    if value is None:
        return ""
    request = context.get("request")
    toman = bool(getattr(getattr(request, "user", None), "money_in_toman", False))
    number, _space, label = show_money(value, currency, toman=toman).rpartition(" ")
    return format_html('<bdi dir="ltr" class="amount">{}</bdi> {}', number, label)


@register.filter
def normalize_percent(value):
    """2.50 -> 2.5, 5.00 -> 5."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
