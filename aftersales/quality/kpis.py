"""A service type's KPIs against its targets, for the periodic (PDCA) review.

The values come from `aftersales.insights.kpis.kpi_values(service_type=...)`, the one place KPIs
are computed; a KPI the insights app cannot give shows "—" (None).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from .models import ProcessVersion

# the contract's keys, with what "better" means; labels from insights when it has them
LOWER_IS_BETTER = frozenset(
    {
        "repeat_visit_rate",
        "mean_response_hours",
        "mean_resolution_hours",
        "complaints_per_1000_units",
        "claims_per_1000_units",
        "warranty_cost_per_unit",
    }
)
FALLBACK_LABELS = {
    "first_time_fix_rate": _("First-time fix rate"),
    "repeat_visit_rate": _("Repeat-visit rate (30 days)"),
    "mean_response_hours": _("Mean time to respond"),
    "mean_resolution_hours": _("Mean time to resolve"),
    "sla_compliance": _("SLA compliance"),
    "technician_utilization": _("Technician utilization"),
    "csat": _("CSAT"),
    "nps": _("NPS"),
    "complaints_per_1000_units": _("Complaints per 1,000 units"),
    "claims_per_1000_units": _("Warranty claims per 1,000 units"),
    "warranty_cost_per_unit": _("Warranty cost per unit"),
    "parts_fill_rate": _("Parts fill rate"),
}
RATES = frozenset(
    {
        "first_time_fix_rate",
        "repeat_visit_rate",
        "sla_compliance",
        "technician_utilization",
        "csat",  # the share of answers scoring 4 or 5, as insights counts it
        "parts_fill_rate",
    }
)


def target_error(key: str, value: Decimal) -> str | None:
    """Why a target cannot be right for its KPI, or None: rates are fractions, an NPS runs from
    -100 to 100, and no other figure (hours, counts, money) is negative."""
    if not value.is_finite():
        return str(_("A target must be a number."))
    if key in RATES:
        return None if Decimal(0) <= value <= Decimal(1) else str(_("A rate is between 0 and 1."))
    if key == "nps":
        return None if -100 <= value <= 100 else str(_("An NPS is between -100 and 100."))
    return None if value >= 0 else str(_("A target cannot be negative."))


def _insights():
    try:
        from aftersales.insights import kpis as insights_kpis
    except ImportError:
        return None
    return insights_kpis


def _labels() -> dict:
    module = _insights()
    labels = dict(FALLBACK_LABELS)
    for kpi in getattr(module, "KPIS", []) or []:
        if kpi.key in labels:
            labels[kpi.key] = kpi.label
    return labels


KPIS = tuple(FALLBACK_LABELS)


def kpi_label(key: str) -> str:
    return str(_labels().get(key, key))


def values_for(*, service_type, start: dt.date, end: dt.date) -> dict[str, Decimal | None]:
    module = _insights()
    if module is None or not hasattr(module, "kpi_values"):
        return dict.fromkeys(KPIS)
    try:
        values = module.kpi_values(start=start, end=end, service_type=service_type)
    except (TypeError, NotImplementedError):
        return dict.fromkeys(KPIS)
    return {key: values.get(key) for key in KPIS}


@dataclass
class ReviewRow:
    key: str
    label: str
    value: Decimal | None
    target: Decimal | None
    met: bool | None  # None: no target or no value

    @property
    def is_rate(self) -> bool:
        return self.key in RATES

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "value": None if self.value is None else str(self.value),
            "target": None if self.target is None else str(self.target),
            "met": self.met,
        }

    @classmethod
    def from_json(cls, data: dict) -> ReviewRow:
        value, target = _decimal(data.get("value")), _decimal(data.get("target"))
        return cls(data["key"], kpi_label(data["key"]), value, target, data.get("met"))


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def met(key: str, value: Decimal | None, target: Decimal | None) -> bool | None:
    if value is None or target is None:
        return None
    return value <= target if key in LOWER_IS_BETTER else value >= target


def version_on(service_type, day: dt.date) -> ProcessVersion | None:
    """The process version in force at the end of `day`; for a period before the process was
    first written, its first version (the first targets set)."""
    from django.utils import timezone

    end = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
    versions = ProcessVersion.objects.filter(service_type=service_type)
    in_force = versions.filter(created_at__lt=end).order_by("-version").first()
    return in_force or versions.order_by("version").first()


def review_rows(*, service_type, start: dt.date, end: dt.date, version=None) -> list[ReviewRow]:
    values = values_for(service_type=service_type, start=start, end=end)
    targets = (version.targets if version else {}) or {}
    labels = _labels()
    rows = []
    for key in KPIS:
        value = values.get(key)
        value = None if value is None else Decimal(str(value))
        target = _decimal(targets.get(key))
        rows.append(ReviewRow(key, str(labels[key]), value, target, met(key, value, target)))
    return rows
