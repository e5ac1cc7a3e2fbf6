"""How the agent network shows KPI values: rates as percentages, scores as they are."""

from decimal import ROUND_HALF_UP, Decimal

from django import template

from aftersales.core.templatetags.aftersales import digits

from ..choices import Metric

register = template.Library()

PLAIN = {Metric.NPS.value, Metric.COMPLAINTS.value}


@register.filter
def kpi(value, metric: str) -> str:
    """A KPI value for people: 0.875 → 87.5%, NPS 25 → 25, complaints per 100 jobs 1.5 → 1.5."""
    if value is None or value == "":
        return "—"
    value = Decimal(str(value))
    if metric in PLAIN:
        shown = value.quantize(Decimal("0.1"), ROUND_HALF_UP)
        return digits(int(shown) if shown == shown.to_integral() else shown)
    return digits(f"{(value * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%")


@register.filter
def points(value) -> str:
    """Points 0..1 as 0-100."""
    if value is None:
        return "—"
    return digits((Decimal(str(value)) * 100).quantize(Decimal("1"), ROUND_HALF_UP))
