"""Triage rules: the priority of a request, and the warranty summary attached to it.

Priority score = type weight x season x customer tier x unit age, where
- type weight is `ServiceType.priority_weight` (a repair 1.0, a training 0.5 ...);
- season is the category's `peak_weight` in its `peak_months` (air conditioners in summer),
  else 1;
- tier is 1 / 1.25 / 1.5 for standard / silver / gold customers;
- age is 1.2 for a unit in its first year (an early failure), 0.9 from its eighth year, else 1.
The score maps to a priority: >= 3 urgent, >= 1.8 high, >= 0.9 normal, below that low.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import translation

from .choices import Priority

TIER_WEIGHTS = {"standard": Decimal("1"), "silver": Decimal("1.25"), "gold": Decimal("1.5")}
NEW_UNIT_WEIGHT = Decimal("1.2")
OLD_UNIT_WEIGHT = Decimal("0.9")
OLD_UNIT_YEARS = 8
THRESHOLDS = [
    (Decimal("3"), Priority.URGENT),
    (Decimal("1.8"), Priority.HIGH),
    (Decimal("0.9"), Priority.NORMAL),
]


def season_weight(unit, day: dt.date) -> Decimal:
    if unit is None:
        return Decimal(1)
    category = unit.product_model.category
    return Decimal(category.peak_weight) if category.is_peak(day.month) else Decimal(1)


def age_weight(unit, day: dt.date) -> Decimal:
    start = unit and (unit.installation_date or unit.sale_date)
    if not start:
        return Decimal(1)
    days = (day - start).days
    if days < 365:
        return NEW_UNIT_WEIGHT
    if days >= OLD_UNIT_YEARS * 365:
        return OLD_UNIT_WEIGHT
    return Decimal(1)


def priority_for(*, service_type, customer, unit, day: dt.date) -> tuple[int, Decimal]:
    """The priority and its score for a request opened on `day` (local date)."""
    score = (
        Decimal(service_type.priority_weight)
        * season_weight(unit, day)
        * TIER_WEIGHTS.get(customer.tier, Decimal(1))
        * age_weight(unit, day)
    ).quantize(Decimal("0.01"))
    for threshold, priority in THRESHOLDS:
        if score >= threshold:
            return priority, score
    return Priority.LOW, score


@dataclass(frozen=True)
class WarrantySummary:
    covered: bool | None  # None: unknown (no unit)
    until: dt.date | None
    reason: str  # in the active language
    reasons: dict = field(default_factory=dict)  # {language code: the reason in it}


def warranty_summary(*, unit, on: dt.datetime) -> WarrantySummary:
    """The warranty engine's decision for a failure of `unit` at `on`, in a few words, written
    in every language of the UI: whoever reads the request later reads it in their own."""
    if unit is None:
        return WarrantySummary(None, None, "")
    from aftersales.warranty.coverage import coverage_for

    decision = coverage_for(unit=unit, on=on)
    reasons = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reasons[code] = _joined(decision.lines)
    return WarrantySummary(
        decision.covered, decision.covered_until, _joined(decision.lines), reasons
    )


def _joined(lines) -> str:
    texts = []
    for line in lines:
        text = str(line.reason)
        if text and text not in texts:
            texts.append(text)
    return " ".join(texts)[:2000]
