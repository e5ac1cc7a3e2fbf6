"""KPI values as the user reads them: per cent, hours, money, in the user's digits."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from aftersales.core.money import show_money
from aftersales.core.text import persian_digits

from .kpis import Kpi
from .rates import reporting_currency


def _number(value: Decimal, places: int) -> str:
    # rounded half up here: number_format cuts the digits beyond `places` off (2.29 -> "2.2")
    value = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    from django.utils.translation import get_language

    return persian_digits(text) if (get_language() or "").startswith("fa") else text


def kpi_text(kpi: Kpi, value: Decimal | None) -> str:
    """'81.3%', '12.50 h', '4.2', '1,250,000 Rial', or '—' when there is nothing to measure."""
    if value is None:
        return "—"
    if kpi.kind == "rate":
        return _("%(value)s%%") % {"value": _number(value * 100, 1)}
    if kpi.kind == "hours":
        return _("%(hours)s h") % {"hours": _number(value, 1)}
    if kpi.kind == "money":
        return show_money(value, reporting_currency())  # money KPIs are converted into it
    if kpi.kind == "nps":
        return _number(value, 0)
    return _number(value, 2)


def chart_value(kpi: Kpi, value: Decimal | None) -> float | None:
    """A plain number for the charts (rates in per cent)."""
    if value is None:
        return None
    return float(value * 100) if kpi.kind == "rate" else float(value)
