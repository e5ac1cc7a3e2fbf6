"""A list column for amounts of money: shown in the currency's precision, grouped, in the user's
digits; exported as a number so a spreadsheet can add it up."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import get_language

from aftersales.core.money import PRECISION, quantize
from aftersales.core.text import persian_digits
from aftersales.core.views.lists import Column


@dataclass
class AmountColumn(Column):
    """`currency` is the row's currency: an attribute path, or a function of the row."""

    kind: str = "number"
    currency: str | Callable = "currency"

    def text(self, obj) -> str:
        value = self.value(obj)
        if value is None:
            return ""
        currency = Column(self.currency, "").value(obj) or ""
        places = PRECISION.get(currency, 2)
        text = number_format(
            quantize(value, currency), decimal_pos=places, use_l10n=True, force_grouping=True
        )
        return persian_digits(text) if (get_language() or "").startswith("fa") else text

    def export(self, obj):
        value = self.value(obj)
        return "" if value is None else value  # a Decimal: a number cell in XLSX
