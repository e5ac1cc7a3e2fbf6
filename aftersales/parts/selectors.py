"""Reads on stock: availability (from the cached levels, or summed from the ledger), a part's
availability across warehouses following supersession, reorder candidates, consumption history
and its forecast, fill rate, and the availability obligation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from aftersales.catalog.models import Part, ProductModel
from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.core.search import contains_any

from . import forecast
from .choices import MoveKind, ReservationStatus
from .models import KEEPERS, DemandLine, Reservation, StockLevel, StockMove, Warehouse

INSPECTORS = KEEPERS | {Role.QUALITY, Role.ADMIN}
OBLIGATION_YEARS = 10  # default; settings.PARTS_AVAILABILITY_OBLIGATION_YEARS overrides it
FORECAST_MONTHS = 24
FORECAST_METHOD = "sba"


@dataclass(frozen=True)
class Availability:
    on_hand: int = 0
    reserved: int = 0
    in_transit: int = 0
    defective: int = 0

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def availability(*, warehouse_id: int, part_id: int) -> Availability:
    """The stock of one part in one warehouse, from the cached level (one indexed row)."""
    row = (
        StockLevel.objects.filter(warehouse_id=warehouse_id, part_id=part_id)
        .values_list("on_hand", "reserved", "in_transit", "defective")
        .first()
    )
    return Availability(*row) if row else Availability()


def ledger_availability(*, warehouse_id: int, part_id: int) -> Availability:
    """The same, summed from the ledger itself (the truth the cache must equal)."""
    sums = StockMove.objects.filter(warehouse_id=warehouse_id, part_id=part_id).aggregate(
        on_hand=Sum("on_hand"),
        reserved=Sum("reserved"),
        in_transit=Sum("in_transit"),
        defective=Sum("defective"),
    )
    return Availability(**{key: value or 0 for key, value in sums.items()})


def postable_warehouses(user) -> QuerySet[Warehouse]:
    """The active warehouses in which `user` may post stock moves."""
    if not StockMove.policy.allows(user, "add"):
        return Warehouse.objects.none()
    return Warehouse.objects.restrict(user, "view").filter(is_active=True)


def level_search(queryset: QuerySet[StockLevel], query: str) -> QuerySet[StockLevel]:
    return contains_any(queryset, query, ("part__sku", "part__name"))


def below_reorder_point(queryset: QuerySet[StockLevel]) -> QuerySet[StockLevel]:
    return queryset.filter(
        reorder_point__gt=0,
        on_hand__lte=F("reorder_point") + F("reserved") - F("in_transit"),
    )


def levels_to_reorder(*, warehouse: Warehouse) -> QuerySet[StockLevel]:
    return below_reorder_point(
        StockLevel.objects.filter(warehouse=warehouse).select_related("part")
    ).order_by("part__sku")


def serving_chain(part: Part) -> list[Part]:
    """`part` and the parts that supersede it, up to `part.current()`."""
    chain, seen, step = [part], {part.pk}, part
    while step.superseded_by_id and step.superseded_by_id not in seen:
        step = step.superseded_by
        chain.append(step)
        seen.add(step.pk)
    return chain


def part_availability(*, user: User, part: Part) -> dict:
    """Where `part` can be had: the levels, in the warehouses the user may see, of the part and
    of every number that supersedes it (an old number is served by its successor)."""
    chain = serving_chain(part)
    levels = (
        StockLevel.objects.restrict(user, "view")
        .filter(part__in=chain, warehouse__is_active=True)
        .select_related("warehouse", "part")
        .order_by("warehouse__code", "part__sku")
    )
    rows = [level for level in levels if level.on_hand or level.in_transit or level.reserved]
    return {
        "part": part,
        "current": chain[-1],
        "chain": chain,
        "levels": rows,
        "total_available": sum(level.available for level in rows),
        "total_in_transit": sum(level.in_transit for level in rows),
    }


def moves_of(*, user: User, warehouse: Warehouse | None = None, part: Part | None = None):
    moves = StockMove.objects.restrict(user, "view").select_related(
        "warehouse", "part", "by", "other_warehouse"
    )
    if warehouse is not None:
        moves = moves.filter(warehouse=warehouse)
    if part is not None:
        moves = moves.filter(part=part)
    return moves.order_by("-at", "-pk")


def _month_start(day: dt.date, back: int) -> dt.date:
    month = day.year * 12 + day.month - 1 - back
    return dt.date(month // 12, month % 12 + 1, 1)


def monthly_consumption(
    *, warehouse: Warehouse | None, part: Part, months: int = FORECAST_MONTHS, today=None
) -> list[int]:
    """Units issued to jobs in each of the last `months` whole months, oldest first (net of
    unused returns). `warehouse=None` means every warehouse."""
    today = today or timezone.localdate()
    start = _month_start(today, months)
    end = _month_start(today, 0)
    moves = StockMove.objects.filter(
        part=part,
        kind__in=[MoveKind.ISSUE, MoveKind.RETURN_UNUSED],
        at__date__gte=start,
        at__date__lt=end,
    )
    if warehouse is not None:
        moves = moves.filter(warehouse=warehouse)
    series = [0] * months
    for at, kind, quantity in moves.values_list("at", "kind", "quantity"):
        local = timezone.localtime(at).date()
        index = (local.year * 12 + local.month) - (start.year * 12 + start.month)
        if 0 <= index < months:
            series[index] += quantity if kind == MoveKind.ISSUE else -quantity
    return [max(value, 0) for value in series]


def units_in_service(*, part: Part, months: int = FORECAST_MONTHS, today=None) -> list[int]:
    """How many units of `part`'s compatible models were in service at the end of each of the
    last `months` whole months (oldest first), followed by the number in service today.

    A unit counts when its status is active, from its installation date (or its sale date when it
    has no installation date); a unit with neither date counts in every month. Units replaced or
    scrapped are left out altogether: the installed base does not record when they left service.
    """
    from aftersales.units.choices import UnitStatus
    from aftersales.units.models import Unit

    today = today or timezone.localdate()
    start = _month_start(today, months)
    counts = (
        Unit.objects.filter(
            status=UnitStatus.ACTIVE, product_model__in=part.compatible_models.values("pk")
        )
        .annotate(since=Coalesce("installation_date", "sale_date"))
        .values("since")
        .annotate(units=Count("pk"))
        .values_list("since", "units")
    )
    series = [0] * (months + 1)
    for since, units in counts:
        if since is not None and since > today:
            continue
        first = 0
        if since is not None:  # the first month whose end finds the unit in service
            first = max((since.year * 12 + since.month) - (start.year * 12 + start.month), 0)
        for index in range(first, months + 1):
            series[index] += units
    return series


@dataclass(frozen=True)
class Forecast:
    """A part's forecast demand per month, scaled by its installed base.

    `demand` is the intermittent-demand forecast (SBA by default) of the consumption history;
    `units_mean` the mean number of units in service over the months of that history in which
    any was; `units_now` the number in service today. The per-unit failure rate is
    demand / units_mean (units per unit in service per month) and the forecast is that rate ×
    units_now. Without any unit in service in the history (or today), the forecast is `demand`.
    """

    demand: Decimal
    units_now: int
    units_mean: Decimal | None

    @property
    def rate(self) -> Decimal | None:
        if not self.units_mean or not self.units_now:
            return None
        return self.demand / self.units_mean

    @property
    def value(self) -> Decimal:
        rate = self.rate
        if rate is None:
            return self.demand
        return (rate * self.units_now).quantize(Decimal("0.001"))


def forecast_of(
    *, warehouse: Warehouse | None, part: Part, today=None, method: str = FORECAST_METHOD
) -> Forecast:
    """The demand forecast of `part` in `warehouse` (or everywhere) and its installed base."""
    series = monthly_consumption(warehouse=warehouse, part=part, today=today)
    demand = Decimal(str(forecast.METHODS[method](series)))
    units = units_in_service(part=part, today=today)
    history = [count for count in units[:-1] if count]
    mean = Decimal(sum(history)) / len(history) if history else None
    return Forecast(demand=demand, units_now=units[-1], units_mean=mean)


def part_forecast(
    *, warehouse: Warehouse | None, part: Part, today=None, method: str = FORECAST_METHOD
) -> Decimal:
    """The forecast demand per month of `part` (SBA by default) from its consumption, scaled by
    its installed base (see `Forecast`), to three decimals."""
    value = forecast_of(warehouse=warehouse, part=part, today=today, method=method).value
    return value.quantize(Decimal("0.001"))


def pick_groups(reservations) -> list[dict]:
    """Reservations grouped by warehouse and document, in the order given."""
    groups: list[dict] = []
    for reservation in reservations:
        key = (reservation.warehouse_id, reservation.document_type, reservation.document_number)
        if not groups or groups[-1]["key"] != key:
            groups.append(
                {
                    "key": key,
                    "warehouse": reservation.warehouse,
                    "document_type": reservation.get_document_type_display(),
                    "document_number": reservation.document_number,
                    "lines": [],
                }
            )
        groups[-1]["lines"].append(reservation)
    return groups


def to_pick(reservations: QuerySet, *, day: dt.date, outstanding: bool = False) -> QuerySet:
    """The active ones among `reservations` made on `day` (or up to it, when `outstanding`).
    Until visits carry their dates, the day of a reservation is the day it was made."""
    reservations = reservations.filter(status=ReservationStatus.ACTIVE)
    if outstanding:
        return reservations.filter(created_at__date__lte=day)
    return reservations.filter(created_at__date=day)


def pick_list(
    *, user: User, warehouse: Warehouse | None, day: dt.date, outstanding: bool = False
) -> QuerySet[Reservation]:
    """The active reservations to pick in `warehouse` for `day`: those made that day (and the
    earlier ones still active when `outstanding`), ordered by warehouse and document."""
    reservations = Reservation.objects.restrict(user, "view")
    if warehouse is not None:
        reservations = reservations.filter(warehouse=warehouse)
    return (
        to_pick(reservations, day=day, outstanding=outstanding)
        .select_related("warehouse", "part", "requested_part")
        .order_by("warehouse__code", "document_type", "document_number", "part__sku", "pk")
    )


def unit_parts(*, user: User, unit) -> list[dict]:
    """The parts compatible with `unit`'s model, each with its availability (following
    supersession) in the warehouses `user` may see."""
    parts = (
        Part.objects.restrict(user, "view")
        .filter(compatible_models=unit.product_model_id)
        .select_related("superseded_by")
        .order_by("sku")
    )
    return [part_availability(user=user, part=part) for part in parts]


@dataclass(frozen=True)
class FillRate:
    requested: int
    served: int

    @property
    def rate(self) -> Decimal | None:
        if not self.requested:
            return None
        return (Decimal(self.served) / Decimal(self.requested)).quantize(Decimal("0.0001"))


def fill_rate(*, warehouse: Warehouse, since: dt.datetime | None = None) -> FillRate:
    """Parts fill rate of a warehouse: demand lines served from stock / lines requested."""
    lines = DemandLine.objects.filter(warehouse=warehouse)
    if since is not None:
        lines = lines.filter(at__gte=since)
    counts = lines.aggregate(requested=Count("pk"), served=Count("pk", filter=Q(served=True)))
    return FillRate(requested=counts["requested"], served=counts["served"])


def fill_rates(*, user: User, since: dt.datetime | None = None) -> list[tuple[Warehouse, FillRate]]:
    warehouses = Warehouse.objects.restrict(user, "view").order_by("code")
    return [(warehouse, fill_rate(warehouse=warehouse, since=since)) for warehouse in warehouses]


def obligation_years() -> int:
    return int(getattr(settings, "PARTS_AVAILABILITY_OBLIGATION_YEARS", OBLIGATION_YEARS))


@dataclass(frozen=True)
class ObligationWarning:
    product_model: ProductModel
    part: Part
    obligation_ends: dt.date
    available: int
    threshold: int


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def obligation_warnings(
    *, user: User, today: dt.date | None = None, years: int | None = None
) -> list[ObligationWarning]:
    """Parts of models under the availability obligation (out of production, but less than N
    years ago) whose stock runs low: available in all warehouses (following supersession) at
    or below the sum of their reorder points, and never above zero when none is planned."""
    today = today or timezone.localdate()
    years = obligation_years() if years is None else years
    earliest = _add_years(today, -years)
    models = (
        ProductModel.objects.restrict(user, "view")
        .filter(end_of_production__isnull=False, end_of_production__lte=today)
        .filter(end_of_production__gte=earliest)
        .prefetch_related("parts__superseded_by")
        .order_by("code")
    )
    warnings = []
    for product_model in models:
        for part in product_model.parts.all():
            chain = serving_chain(part)
            sums = StockLevel.objects.filter(part__in=chain).aggregate(
                on_hand=Sum("on_hand"), reserved=Sum("reserved"), reorder=Sum("reorder_point")
            )
            available = (sums["on_hand"] or 0) - (sums["reserved"] or 0)
            threshold = sums["reorder"] or 0
            if available <= threshold:
                warnings.append(
                    ObligationWarning(
                        product_model=product_model,
                        part=part,
                        obligation_ends=_add_years(product_model.end_of_production, years),
                        available=available,
                        threshold=threshold,
                    )
                )
    return warnings
