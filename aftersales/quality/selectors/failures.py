"""Failure counts: the Pareto of failure codes and parts, and the months-in-service by
production-month claim-rate matrix."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import Coalesce, TruncMonth

from aftersales.catalog.models import FailureCode, Part
from aftersales.service.models import Visit, VisitPart
from aftersales.warranty.models import Claim, ClaimPart

from ..choices import FailureSource
from .scope import (
    SERVICE_START,
    UNIT_SERVICE_START,
    claims_for,
    month_index,
    month_of,
    units_for,
    visible,
)

# ---------------------------------------------------------------- Pareto


@dataclass
class ParetoRow:
    key: str
    label: str
    count: int
    share: float = 0.0
    cumulative: float = 0.0
    pk: int | None = None
    vital: bool = False  # among the few causes that make up the first 80 %


def pareto(
    user,
    *,
    by: str = "code",
    product_model=None,
    category=None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str = FailureSource.BOTH,
    limit: int = 15,
) -> list[ParetoRow]:
    """Failures counted by failure code (`by="code"`) or by part replaced (`by="part"`), most
    frequent first, with each one's share and the cumulative share (the 80/20 line)."""
    counts: dict[int, int] = defaultdict(int)
    if source in (FailureSource.BOTH, FailureSource.CLAIMS):
        claims = claims_for(user, product_model=product_model, category=category)
        if start:
            claims = claims.filter(failure_date__gte=start)
        if end:
            claims = claims.filter(failure_date__lte=end)
        if by == "part":
            rows = (
                ClaimPart.objects.filter(claim__in=claims)
                .values("part")
                .annotate(n=Count("claim", distinct=True))
            )
            _add(counts, rows, "part")
        else:
            through = Claim.failure_codes.through.objects.filter(claim__in=claims)
            _add(counts, through.values("failurecode").annotate(n=Count("id")), "failurecode")
    if source in (FailureSource.BOTH, FailureSource.VISITS):
        visits = visible(Visit, user).filter(request__unit__isnull=False)
        if product_model is not None:
            visits = visits.filter(request__unit__product_model=product_model)
        if category is not None:
            visits = visits.filter(request__unit__product_model__category=category)
        visits = visits.annotate(day=Coalesce("checked_out_at", "window_start"))
        if start:
            visits = visits.filter(day__date__gte=start)
        if end:
            visits = visits.filter(day__date__lte=end)
        if by == "part":
            rows = (
                visible(VisitPart, user)
                .filter(visit__in=visits)
                .values("part")
                .annotate(n=Count("visit", distinct=True))
            )
            _add(counts, rows, "part")
        else:
            through = Visit.failure_codes.through.objects.filter(visit__in=visits)
            _add(counts, through.values("failurecode").annotate(n=Count("id")), "failurecode")
    if by == "part":
        names = {p.pk: (p.sku, f"{p.sku} · {p.name}") for p in Part.objects.filter(pk__in=counts)}
    else:
        names = {c.pk: (c.code, str(c)) for c in FailureCode.objects.filter(pk__in=counts)}
    rows = [
        ParetoRow(key=names[pk][0], label=names[pk][1], count=n, pk=pk)
        for pk, n in counts.items()
        if pk in names
    ]
    rows.sort(key=lambda row: (-row.count, row.key))
    total = sum(row.count for row in rows)
    if len(rows) > limit:
        rest = rows[limit:]
        rows = rows[:limit] + [ParetoRow(key="", label="", count=sum(r.count for r in rest))]
    running = 0
    for row in rows:
        row.vital = bool(row.key) and total > 0 and running / total < 0.8
        running += row.count
        row.share = row.count / total if total else 0.0
        row.cumulative = running / total if total else 0.0
    return rows


def _add(counts, rows, key):
    for row in rows:
        if row[key] is not None:
            counts[row[key]] += row["n"]


# ---------------------------------------------------------------- months in service matrix


@dataclass
class MatrixRow:
    month: dt.date
    units: int
    cells: list  # per month in service: (claims, units at risk, claims per 1,000) or None
    claims: int = 0


@dataclass
class Matrix:
    columns: list[int]
    rows: list[MatrixRow]
    total: list = field(default_factory=list)
    peak: float = 0.0


def claim_matrix(
    user,
    *,
    product_model=None,
    category=None,
    months: int = 24,
    since: dt.date | None = None,
    on: dt.date | None = None,
) -> Matrix:
    """Claims per 1,000 units by production month (rows) and months in service (columns).

    A cell counts the claims whose failure fell in that month of the unit's service, over the
    units of that production month that have reached it by `on`; an empty cell (None) is a
    month in service the production month has not reached yet."""
    on = on or dt.date.today()
    now = month_index(on)
    units = units_for(user, product_model=product_model, category=category).filter(
        production_date__isnull=False
    )
    claims = claims_for(user, product_model=product_model, category=category).filter(
        unit__production_date__isnull=False
    )
    if since is not None:
        units = units.filter(production_date__gte=since)
        claims = claims.filter(unit__production_date__gte=since)
    at_risk: dict[int, list[int]] = defaultdict(lambda: [0] * months)
    produced: dict[int, int] = defaultdict(int)
    grouped_units = units.values(
        made=TruncMonth("production_date"), began=TruncMonth(SERVICE_START)
    ).annotate(n=Count("id"))
    for row in grouped_units:
        made = month_index(row["made"])
        produced[made] += row["n"]
        reached = now - month_index(row["began"])  # months in service completed or started
        for k in range(min(months, reached + 1)):
            at_risk[made][k] += row["n"]
    failed: dict[int, list[int]] = defaultdict(lambda: [0] * months)
    grouped_claims = claims.values(
        made=TruncMonth("unit__production_date"),
        began=TruncMonth(UNIT_SERVICE_START),
        failed=TruncMonth("failure_date"),
    ).annotate(n=Count("id"))
    for row in grouped_claims:
        k = month_index(row["failed"]) - month_index(row["began"])
        if 0 <= k < months:
            failed[month_index(row["made"])][k] += row["n"]
    result = Matrix(columns=list(range(1, months + 1)), rows=[])
    total_claims, total_risk = [0] * months, [0] * months
    for made in sorted(produced):
        cells = []
        for k in range(months):
            risk = at_risk[made][k]
            if not risk:
                cells.append(None)
                continue
            n = failed[made][k]
            rate = 1000 * n / risk
            result.peak = max(result.peak, rate)
            cells.append((n, risk, rate))
            total_claims[k] += n
            total_risk[k] += risk
        result.rows.append(
            MatrixRow(
                month=month_of(made), units=produced[made], cells=cells, claims=sum(failed[made])
            )
        )
    result.total = [
        (n, risk, 1000 * n / risk) if risk else None
        for n, risk in zip(total_claims, total_risk, strict=True)
    ]
    return result
