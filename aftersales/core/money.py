"""Money is Decimal with the currency's own precision: IRR has no decimals, EUR two."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .text import persian_digits

PRECISION = {"IRR": 0, "EUR": 2}


def quantize(amount: Decimal, currency: str) -> Decimal:
    places = PRECISION.get(currency, 2)
    return Decimal(amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def show_money(amount: Decimal | None, currency: str, *, toman: bool = False) -> str:
    """'12,500,000 IRR', or '1,250,000 Toman' when asked; '1.234,50 €' in Italian."""
    if amount is None:
        return ""
    amount = quantize(amount, currency)
    label = currency
    if currency == "IRR" and toman:
        amount = (amount / 10).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        label = _("Toman")
    elif currency == "IRR":
        label = _("Rial")
    elif currency == "EUR":
        label = "€"
    places = 0 if currency == "IRR" else PRECISION.get(currency, 2)
    text = number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
    if (get_language() or "").startswith("fa"):
        text = persian_digits(text)
    return f"{text} {label}"
