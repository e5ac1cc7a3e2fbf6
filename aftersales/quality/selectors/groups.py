"""Claim rates by production group: early-warning detection and CAPA verification."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, Value, When
from django.db.models.functions import TruncMonth

from aftersales.catalog.models import ProductModel

from .. import rates
from ..choices import GroupKind
from .scope import SERVICE_START, UNIT_SERVICE_START, claims_for, month_index, units_for, visible

# ---------------------------------------------------------------- claim rates by group


@dataclass
class GroupRate:
    group: str
    claims: int
    unit_months: float


def group_rates(units, claims, *, key, claim_key, window: int, on: dt.date) -> dict[str, GroupRate]:
    """Claims in the first `window` months of service and the unit-months in service (each
    unit counts min(window, months since its service began)), per value of `key` (a unit
    field or annotation, or a tuple of them; `claim_key` is the same seen from a claim).
    With a tuple, the result is keyed by tuples of the values' texts."""
    keys = key if isinstance(key, tuple) else (key,)
    claim_keys = claim_key if isinstance(claim_key, tuple) else (claim_key,)
    now = month_index(on)
    result: dict = {}
    rows = (
        units.annotate(began=TruncMonth(SERVICE_START))
        .filter(began__isnull=False)
        .values(**_named(keys), month=F("began"))
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        group = _group_of(row, len(keys), tuple_key=isinstance(key, tuple))
        if group is None:
            continue
        reached = max(0, min(window, now - month_index(row["month"])))
        entry = result.setdefault(group, GroupRate(_last(group), 0, 0.0))
        entry.unit_months += reached * row["n"]
    claim_rows = (
        claims.annotate(began=TruncMonth(UNIT_SERVICE_START), failed=TruncMonth("failure_date"))
        .filter(began__isnull=False)
        .values(**_named(claim_keys), month=F("began"), failed_month=F("failed"))
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    for row in claim_rows:
        group = _group_of(row, len(keys), tuple_key=isinstance(key, tuple))
        if group is None or group not in result:
            continue
        k = month_index(row["failed_month"]) - month_index(row["month"])
        if 0 <= k < window and month_index(row["failed_month"]) <= now:
            result[group].claims += row["n"]
    return result


def _named(keys) -> dict:
    return {f"key{i}": F(name) for i, name in enumerate(keys)}


def _group_of(row, size: int, *, tuple_key: bool):
    texts = tuple(_group_text(row[f"key{i}"]) for i in range(size))
    if any(text is None for text in texts):
        return None
    return texts if tuple_key else texts[0]


def _last(group) -> str:
    return group[-1] if isinstance(group, tuple) else group


def _group_text(value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m")
    return str(value)


def _scoped(user, kind: str, product_model=None):
    """Units and claims with the group key of `kind` (the batch, or the production month)."""
    units = units_for(user, product_model=product_model)
    claims = claims_for(user, product_model=product_model)
    if kind == GroupKind.BATCH:
        return units, claims, "batch", "unit__batch"
    units = units.annotate(made=TruncMonth("production_date"))
    claims = claims.annotate(made=TruncMonth("unit__production_date"))
    return units, claims, "made", "made"


def rates_by_group(
    user, *, product_model, kind: str, window: int, on: dt.date
) -> dict[str, GroupRate]:
    units, claims, key, claim_key = _scoped(user, kind, product_model)
    return group_rates(units, claims, key=key, claim_key=claim_key, window=window, on=on)


def rates_by_model_and_group(
    user, *, models, kind: str, window: int, on: dt.date
) -> dict[int, dict[str, GroupRate]]:
    """The same for many models in one pass: {model id: {group: rate}}."""
    units, claims, key, claim_key = _scoped(user, kind)
    ids = [m.pk for m in models]
    units = units.filter(product_model__in=ids)
    claims = claims.filter(unit__product_model__in=ids)
    grouped = group_rates(
        units,
        claims,
        key=("product_model", key),
        claim_key=("unit__product_model", claim_key),
        window=window,
        on=on,
    )
    result: dict[int, dict[str, GroupRate]] = {}
    for (model_id, group), rate in grouped.items():
        result.setdefault(int(model_id), {})[group] = rate
    return result


@dataclass
class Signal:
    product_model: ProductModel
    kind: str
    group: str
    comparison: rates.Comparison
    adjusted_p: float = 1.0
    flagged: bool = False


def detect(
    user,
    *,
    models=None,
    kinds=(GroupKind.BATCH, GroupKind.MONTH),
    window: int = 12,
    alpha: float = 0.01,
    min_claims: int = 3,
    on: dt.date | None = None,
) -> list[Signal]:
    """Test every production group of every model against the rest of its model; returns all
    the tests with Holm-adjusted p-values, the flagged ones first."""
    on = on or dt.date.today()
    models = models if models is not None else visible(ProductModel, user)
    models = list(models)
    by_id = {m.pk: m for m in models}
    signals: list[Signal] = []
    for kind in kinds:
        per_model = rates_by_model_and_group(user, models=models, kind=kind, window=window, on=on)
        for model_id in sorted(per_model):
            groups = per_model[model_id]
            if len(groups) < 2:
                continue
            total_x = sum(g.claims for g in groups.values())
            total_e = sum(g.unit_months for g in groups.values())
            for g in sorted(groups.values(), key=lambda g: g.group):
                if g.unit_months <= 0:
                    continue
                comparison = rates.compare(
                    g.claims, g.unit_months, total_x - g.claims, total_e - g.unit_months
                )
                signals.append(Signal(by_id[model_id], kind, g.group, comparison))
    adjusted = rates.holm([s.comparison.p_value for s in signals])
    for signal, p in zip(signals, adjusted, strict=True):
        signal.adjusted_p = p
        signal.flagged = p <= alpha and signal.comparison.x >= min_claims
    signals.sort(key=lambda s: (not s.flagged, s.adjusted_p))
    return signals


# ---------------------------------------------------------------- CAPA verification


def rates_before_after(
    user, *, product_model, effective: dt.date, failure_code=None, part=None, window: int, on
) -> tuple[GroupRate, GroupRate]:
    """Claim rates of units made before the action's effective date and on or after it."""

    def side(prefix):
        return Case(
            When(**{f"{prefix}production_date__lt": effective}, then=Value("before")),
            When(**{f"{prefix}production_date__gte": effective}, then=Value("after")),
            default=Value(""),
            output_field=CharField(),
        )

    units = units_for(user, product_model=product_model).annotate(side=side(""))
    claims = claims_for(
        user, product_model=product_model, failure_code=failure_code, part=part
    ).annotate(side=side("unit__"))
    groups = group_rates(units, claims, key="side", claim_key="side", window=window, on=on)
    empty = GroupRate("", 0, 0.0)
    return groups.get("before", empty), groups.get("after", empty)
