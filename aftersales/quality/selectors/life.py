"""Time to failure: life data (right-censored), the Weibull fit, Kaplan-Meier, and the
forecast of claims and warranty cost for the installed base."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from django.db.models import Avg, Count, OuterRef, Subquery

from aftersales.core.money import quantize
from aftersales.units.choices import UnitStatus
from aftersales.warranty.choices import ClaimStatus
from aftersales.warranty.models import Claim

from .. import weibull
from .scope import (
    COUNTED_CLAIMS,
    DAYS_PER_MONTH,
    SERVICE_START,
    claims_for,
    month_index,
    month_of,
    units_for,
    warranty_months,
)

# ---------------------------------------------------------------- life data and Weibull


@dataclass
class LifeData:
    ages: np.ndarray  # months in service
    failed: np.ndarray
    counts: np.ndarray
    observed_until: int | None  # warranty months: no claim is seen after

    @property
    def failures(self) -> int:
        return int(self.counts[self.failed].sum())

    @property
    def units(self) -> int:
        return int(self.counts.sum())


def life_data(
    user, *, product_model, failure_code=None, part=None, on: dt.date | None = None
) -> LifeData:
    """Each unit's age at its first claim (a failure), or its age today if it has none
    (right-censored). Claims are seen only under warranty, so ages are censored at the end of
    the model's warranty, and failures after it are counted as still working at it."""
    on = on or dt.date.today()
    limit_months = warranty_months(product_model)
    claims = Claim.objects.filter(COUNTED_CLAIMS, unit=OuterRef("pk"))
    if failure_code is not None:
        claims = claims.filter(failure_codes=failure_code)
    if part is not None:
        claims = claims.filter(parts__part=part)
    first = Subquery(claims.order_by("failure_date").values("failure_date")[:1])
    grouped = (
        units_for(user, product_model=product_model)
        .annotate(began=SERVICE_START, first=first)
        .filter(began__isnull=False, began__lt=on)
        .values("began", "first")
        .annotate(n=Count("id"))
        .order_by()
    )
    limit_days = limit_months * DAYS_PER_MONTH if limit_months else None
    tally: dict[tuple[float, bool], int] = defaultdict(int)
    for row in grouped:
        began = row["began"]
        first = row["first"]
        if first is not None and first < began:
            first = began
        if first is not None and first <= on:
            days, failed = (first - began).days, True
        else:
            days, failed = (on - began).days, False
        if limit_days is not None and days > limit_days:
            days, failed = limit_days, False
        tally[(max(days, 0.5), failed)] += row["n"]
    keys = list(tally)
    return LifeData(
        ages=np.array([k[0] / DAYS_PER_MONTH for k in keys], dtype=float),
        failed=np.array([k[1] for k in keys], dtype=bool),
        counts=np.array([tally[k] for k in keys], dtype=float),
        observed_until=limit_months,
    )


def fit_life(data: LifeData) -> weibull.WeibullFit | None:
    if not len(data.ages):
        return None
    try:
        return weibull.fit(data.ages, data.failed, data.counts)
    except weibull.NotEnoughData:
        return None


def kaplan_meier(data: LifeData, grid) -> list[float | None]:
    """The observed share failed by each age of `grid` (1 - the Kaplan-Meier survival), None
    past the oldest unit observed."""
    order = np.argsort(data.ages, kind="stable")
    ages, failed, counts = data.ages[order], data.failed[order], data.counts[order]
    at_risk = counts.sum() - np.concatenate([[0.0], np.cumsum(counts)[:-1]])
    times = np.unique(ages[failed])
    survival_at = []
    s = 1.0
    for t in times:
        first = np.searchsorted(ages, t, side="left")
        d = counts[(ages == t) & failed].sum()
        s *= 1.0 - d / at_risk[first]
        survival_at.append(s)
    oldest = float(ages.max()) if len(ages) else 0.0
    result: list[float | None] = []
    for g in grid:
        if g > oldest:
            result.append(None)
            continue
        k = np.searchsorted(times, g, side="right")
        result.append(1.0 - (survival_at[k - 1] if k else 1.0))
    return result


@dataclass
class Forecast:
    months: list[dt.date]
    claims: list[float]
    cost: list[Decimal]
    units: int
    cost_per_claim: Decimal
    currency: str

    @property
    def total_claims(self) -> float:
        return sum(self.claims)

    @property
    def total_cost(self) -> Decimal:
        return sum(self.cost, Decimal(0))


def forecast(
    user,
    *,
    product_model,
    model: weibull.WeibullFit,
    failure_code=None,
    part=None,
    months: int = 12,
    on: dt.date | None = None,
) -> Forecast:
    """Expected claims per month over the next `months` for the model's installed base (units
    in service today, each conditional on having worked to its age), and their warranty cost
    at the mean approved cost of the model's recent claims."""
    on = on or dt.date.today()
    limit = warranty_months(product_model)
    grouped = (
        units_for(user, product_model=product_model)
        .filter(status=UnitStatus.ACTIVE)
        .annotate(began=SERVICE_START)
        .filter(began__isnull=False, began__lte=on)
        .values("began")
        .annotate(n=Count("id"))
    )
    ages, counts = [], []
    for row in grouped:
        ages.append((on - row["began"]).days / DAYS_PER_MONTH)
        counts.append(row["n"])
    expected = (
        weibull.expected_failures(model, ages, counts, months=months, limit=limit) if ages else []
    ) or [0.0] * months
    recent = claims_for(
        user, product_model=product_model, failure_code=failure_code, part=part
    ).filter(
        status__in=[ClaimStatus.APPROVED, ClaimStatus.PARTLY],
        failure_date__gte=on - dt.timedelta(days=730),
    )
    currency_row = recent.values("currency").annotate(n=Count("id")).order_by("-n").first()
    currency = currency_row["currency"] if currency_row else "IRR"
    mean = recent.filter(currency=currency).aggregate(m=Avg("approved_total"))["m"]
    per_claim = quantize(Decimal(mean or 0), currency)
    first = month_index(on) + 1
    return Forecast(
        months=[month_of(first + m) for m in range(months)],
        claims=expected,
        cost=[quantize(per_claim * Decimal(str(round(n, 6))), currency) for n in expected],
        units=int(sum(counts)),
        cost_per_claim=per_claim,
        currency=currency,
    )
