"""Reorder plans, suggestions from the forecast, and their approval."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.catalog.models import Part
from aftersales.core.models import User

from ..choices import (
    MoveKind,
    SuggestionKind,
    SuggestionStatus,
    WarehouseKind,
)
from ..models import (
    ReorderSuggestion,
    StockLevel,
    StockMove,
    Warehouse,
)
from .ledger import lock_level, writer
from .transfers import stock_transfer


@writer
def stock_level_plan(
    *,
    warehouse: Warehouse,
    part: Part,
    min_stock: int,
    max_stock: int,
    reorder_point: int,
    by: User | None,
) -> StockLevel:
    """Set the reorder plan of a part in a warehouse: min <= reorder point <= max."""
    if not (0 <= min_stock <= reorder_point <= max_stock) and not (
        min_stock == reorder_point == max_stock == 0
    ):
        raise ValidationError(
            _("The plan needs minimum ≤ reorder point ≤ maximum, none below zero.")
        )
    level = lock_level(warehouse, part)
    level.min_stock, level.max_stock, level.reorder_point = min_stock, max_stock, reorder_point
    level.save(update_fields=["min_stock", "max_stock", "reorder_point"])
    return level


@writer
def reorder_suggest(
    *, warehouse: Warehouse, by: User | None, today: dt.date | None = None
) -> list[ReorderSuggestion]:
    """Proposals to bring every part at or below its reorder point (available + in transit) up
    to its maximum: a transfer when a supplying warehouse has the units available (for an
    agent's technician's van, the agent's own warehouse first; then the central warehouse), a
    purchase otherwise. A part that already has an open proposal, or a purchase approved and
    not received since (on order), gets no second one."""
    from .. import selectors

    sources = _replenishment_sources(warehouse)
    received_since = StockMove.objects.filter(
        warehouse=warehouse,
        part=OuterRef("part"),
        kind=MoveKind.RECEIPT,
        at__gte=OuterRef("decided_at"),
    )
    open_parts = set(
        ReorderSuggestion.objects.filter(warehouse=warehouse)
        .filter(
            Q(status=SuggestionStatus.PROPOSED)
            | Q(status=SuggestionStatus.APPROVED, kind=SuggestionKind.PURCHASE)
            & ~Exists(received_since)
        )
        .values_list("part_id", flat=True)
    )
    made = []
    for level in selectors.levels_to_reorder(warehouse=warehouse):
        if level.part_id in open_parts:
            continue
        quantity = level.max_stock - (level.available + level.in_transit)
        if quantity <= 0:
            continue
        forecast = selectors.part_forecast(warehouse=warehouse, part=level.part, today=today)
        kind, source = SuggestionKind.PURCHASE, None
        for candidate in sources:
            stock = StockLevel.objects.filter(warehouse=candidate, part=level.part).first()
            if stock and stock.available >= quantity:
                kind, source = SuggestionKind.TRANSFER, candidate
                break
        made.append(
            ReorderSuggestion.objects.create(
                warehouse=warehouse,
                part=level.part,
                kind=kind,
                source=source,
                quantity=quantity,
                forecast=forecast,
            )
        )
    return made


def _replenishment_sources(warehouse: Warehouse) -> list[Warehouse]:
    """Where `warehouse` is replenished from, in order of preference."""
    active = Warehouse.objects.filter(is_active=True).exclude(pk=warehouse.pk)
    sources = []
    agent_id = warehouse.agent_id
    if warehouse.kind == WarehouseKind.VAN and warehouse.technician_id:
        agent_id = warehouse.technician.agent_id
    if agent_id and warehouse.kind == WarehouseKind.VAN:
        sources += list(active.filter(kind=WarehouseKind.AGENT, agent_id=agent_id).order_by("pk"))
    sources += list(active.filter(kind=WarehouseKind.CENTRAL).order_by("pk"))
    return sources


def _decide(suggestion: ReorderSuggestion, by: User | None, status: str) -> ReorderSuggestion:
    suggestion = ReorderSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.PROPOSED:
        raise ValidationError(_("This suggestion was already decided."), code="decided")
    suggestion.status = status
    suggestion.decided_by = by
    suggestion.decided_at = timezone.now()
    return suggestion


@writer
def suggestion_approve(*, suggestion: ReorderSuggestion, by: User | None) -> ReorderSuggestion:
    """Approve a proposal: a transfer is sent at once; a purchase is marked approved for the
    buyer (purchase orders are outside this app)."""
    suggestion = _decide(suggestion, by, SuggestionStatus.APPROVED)
    if suggestion.kind == SuggestionKind.TRANSFER:
        suggestion.transfer = stock_transfer(
            source=suggestion.source,
            destination=suggestion.warehouse,
            part=suggestion.part,
            quantity=suggestion.quantity,
            by=by,
        )
    suggestion.save()
    return suggestion


@writer
def suggestion_reject(*, suggestion: ReorderSuggestion, by: User | None) -> ReorderSuggestion:
    suggestion = _decide(suggestion, by, SuggestionStatus.REJECTED)
    suggestion.save()
    return suggestion
