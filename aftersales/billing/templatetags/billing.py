"""Money on billing pages and documents: the figures kept left to right inside Persian text."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html

from aftersales.core.money import show_money

register = template.Library()


@register.simple_tag(takes_context=True)
def amount(context, value, currency_code):
    """'<bdi dir="ltr">۱٬۲۵۰٬۰۰۰</bdi> ریال': the number isolated, the currency in the text's
    direction; rials as toman for users who chose so on their account."""
    request = context.get("request")
    toman = bool(getattr(getattr(request, "user", None), "money_in_toman", False))
    text = show_money(value, currency_code, toman=toman)
    if not text:
        return ""
    number, _space, label = text.partition(" ")
    return format_html('<bdi dir="ltr">{}</bdi> {}', number, label)


@register.filter
def plain(value):
    """A Decimal without trailing zeros or an exponent, with the language's decimal separator:
    10.00 -> '10', 0.750 -> '0.75' ('0,75' in Italian)."""
    if value is None or value == "":
        return ""
    if not hasattr(value, "normalize"):
        return str(value)
    return number_format(Decimal(f"{value.normalize():f}"), use_l10n=True)
