"""Every write on stock. Each service is keyword-only and atomic; it locks the stock level rows it
changes (`select_for_update` on PostgreSQL; SQLite serializes writers with IMMEDIATE
transactions), appends moves to the ledger, and updates the cached levels in the same
transaction. A request that would take stock below zero raises a `ValidationError` with the code
`not_enough_stock`, and the database's CHECK constraints stand behind it.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import ValidationError
from django.db import OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.catalog.models import Part
from aftersales.core.models import User
from aftersales.core.numbering import next_number

from .choices import (
    DocumentType,
    InspectionResult,
    MoveKind,
    ReservationStatus,
    ReturnStatus,
    SuggestionKind,
    SuggestionStatus,
    TransferStatus,
    WarehouseKind,
)
from .models import (
    DefectiveReturn,
    DemandLine,
    ReorderSuggestion,
    Reservation,
    StockCount,
    StockCountLine,
    StockLevel,
    StockMove,
    Transfer,
    Warehouse,
)

NOT_ENOUGH_STOCK = "not_enough_stock"
SQLITE_RETRY_SECONDS = 30


def writer(func: Callable) -> Callable:
    """Run `func` in a transaction; on SQLite, retry it when the database is locked.

    PostgreSQL serializes stock writers with row locks (`select_for_update`). SQLite serializes
    them with IMMEDIATE transactions; a writer that meets the lock waits for the busy timeout,
    but in shared-cache mode (the in-memory test database) it is refused at once with "database
    table is locked". Either way the whole transaction was rolled back, so running it again is
    safe, for up to `SQLITE_RETRY_SECONDS`. Inside a caller's transaction nothing is retried:
    the caller owns the transaction.
    """
    atomic = transaction.atomic(func)

    @wraps(func)
    def run(*args, **kwargs):
        connection = transaction.get_connection()
        if connection.vendor != "sqlite" or connection.in_atomic_block:
            return atomic(*args, **kwargs)
        deadline = time.monotonic() + SQLITE_RETRY_SECONDS
        attempt = 0
        while True:
            try:
                return atomic(*args, **kwargs)
            except OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
            attempt += 1
            time.sleep(random.uniform(0.001, 0.002 * min(attempt, 10)))

    return run


@dataclass(frozen=True)
class Effect:
    """A move's signed effect on the four buckets of a stock level."""

    on_hand: int = 0
    reserved: int = 0
    in_transit: int = 0
    defective: int = 0


# --- the one writer of the ledger --------------------------------------------------------------


def _lock_level(warehouse: Warehouse, part: Part) -> StockLevel:
    """The stock level of `part` in `warehouse`, created if missing, locked until commit."""
    level, _created = StockLevel.objects.get_or_create(warehouse=warehouse, part=part)
    return StockLevel.objects.select_for_update().get(pk=level.pk)


def _lock_levels(pairs: Iterable[tuple[Warehouse, Part]]) -> dict[tuple[int, int], StockLevel]:
    """Lock several levels in one fixed order (warehouse, part), so two writers never deadlock."""
    ordered = sorted(set(pairs), key=lambda pair: (pair[0].pk, pair[1].pk))
    return {(w.pk, p.pk): _lock_level(w, p) for w, p in ordered}


def _shortage(level: StockLevel, requested: int, available: int) -> ValidationError:
    return ValidationError(
        _(
            "Not enough stock of %(sku)s in %(warehouse)s: %(available)s available, "
            "%(requested)s requested."
        )
        % {
            "sku": level.part.sku,
            "warehouse": level.warehouse.code,
            "available": max(available, 0),
            "requested": requested,
        },
        code=NOT_ENOUGH_STOCK,
    )


def _post(
    *,
    level: StockLevel,
    kind: str,
    quantity: int,
    effect: Effect,
    document_type: str,
    document_number: str,
    by: User | None,
    **links,
) -> StockMove:
    """Append one move to the ledger and apply it to the locked, fresh `level`."""
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
        raise ValidationError({"quantity": _("Enter a whole number of units above zero.")})
    if not document_number:
        raise ValidationError({"document_number": _("Every stock move names its document.")})
    on_hand = level.on_hand + effect.on_hand
    reserved = level.reserved + effect.reserved
    if on_hand < reserved or on_hand < 0:
        raise _shortage(level, quantity, level.on_hand - level.reserved)
    if reserved < 0:
        raise ValidationError(_("Cannot release more than is reserved."), code="over_release")
    if level.in_transit + effect.in_transit < 0:
        raise ValidationError(_("Nothing in transit to receive."), code="nothing_in_transit")
    if level.defective + effect.defective < 0:
        raise _shortage(level, quantity, level.defective)
    move = StockMove.objects.create(
        warehouse_id=level.warehouse_id,
        part_id=level.part_id,
        kind=kind,
        quantity=quantity,
        on_hand=effect.on_hand,
        reserved=effect.reserved,
        in_transit=effect.in_transit,
        defective=effect.defective,
        document_type=document_type,
        document_number=document_number,
        by=by,
        **links,
    )
    StockLevel.objects.filter(pk=level.pk).update(
        on_hand=F("on_hand") + effect.on_hand,
        reserved=F("reserved") + effect.reserved,
        in_transit=F("in_transit") + effect.in_transit,
        defective=F("defective") + effect.defective,
    )
    level.on_hand = on_hand
    level.reserved = reserved
    level.in_transit += effect.in_transit
    level.defective += effect.defective
    return move


# --- receipts, issues, returns, scrap ----------------------------------------------------------


@writer
def stock_receive(
    *,
    warehouse: Warehouse,
    part: Part,
    quantity: int,
    document_number: str,
    by: User | None,
    document_type: str = DocumentType.PURCHASE,
    note: str = "",
) -> StockMove:
    """Units arriving from a supplier (or the factory) into `warehouse`."""
    level = _lock_level(warehouse, part)
    return _post(
        level=level,
        kind=MoveKind.RECEIPT,
        quantity=quantity,
        effect=Effect(on_hand=quantity),
        document_type=document_type,
        document_number=document_number,
        by=by,
        note=note,
    )


@writer
def stock_issue(
    *,
    by: User | None,
    reservation: Reservation | None = None,
    warehouse: Warehouse | None = None,
    part: Part | None = None,
    quantity: int | None = None,
    document_type: str = DocumentType.VISIT,
    document_number: str = "",
) -> StockMove:
    """Units leaving stock for a job: a whole reservation, or unreserved units on the spot."""
    if reservation is not None:
        reservation = Reservation.objects.select_for_update().get(pk=reservation.pk)
        if reservation.status != ReservationStatus.ACTIVE:
            raise ValidationError(_("This reservation is no longer active."), code="closed")
        level = _lock_level(reservation.warehouse, reservation.part)
        move = _post(
            level=level,
            kind=MoveKind.ISSUE,
            quantity=reservation.quantity,
            effect=Effect(on_hand=-reservation.quantity, reserved=-reservation.quantity),
            document_type=reservation.document_type,
            document_number=reservation.document_number,
            by=by,
            reservation=reservation,
        )
        reservation.status = ReservationStatus.ISSUED
        reservation.closed_at = timezone.now()
        reservation.save(update_fields=["status", "closed_at"])
        return move
    level = _lock_level(warehouse, part)
    return _post(
        level=level,
        kind=MoveKind.ISSUE,
        quantity=quantity,
        effect=Effect(on_hand=-(quantity or 0)),
        document_type=document_type,
        document_number=document_number,
        by=by,
    )


@writer
def stock_return(
    *,
    warehouse: Warehouse,
    part: Part,
    quantity: int,
    document_number: str,
    by: User | None,
    defective: bool = False,
    document_type: str = DocumentType.VISIT,
    note: str = "",
) -> StockMove:
    """Units coming back from a job: unused (back on hand) or defective (taken off the customer's
    unit, kept apart until returned under a return authorization)."""
    level = _lock_level(warehouse, part)
    effect = Effect(defective=quantity) if defective else Effect(on_hand=quantity)
    return _post(
        level=level,
        kind=MoveKind.DEFECTIVE_IN if defective else MoveKind.RETURN_UNUSED,
        quantity=quantity,
        effect=effect,
        document_type=document_type,
        document_number=document_number,
        by=by,
        note=note,
    )


@writer
def stock_scrap(
    *,
    warehouse: Warehouse,
    part: Part,
    quantity: int,
    document_number: str,
    by: User | None,
    defective: bool = False,
    note: str = "",
) -> StockMove:
    """Units written off: good stock (damaged in the warehouse) or defective parts."""
    level = _lock_level(warehouse, part)
    effect = Effect(defective=-quantity) if defective else Effect(on_hand=-quantity)
    return _post(
        level=level,
        kind=MoveKind.SCRAP,
        quantity=quantity,
        effect=effect,
        document_type=DocumentType.SCRAP,
        document_number=document_number,
        by=by,
        note=note,
    )


# --- transfers ---------------------------------------------------------------------------------


@writer
def stock_transfer(
    *,
    source: Warehouse,
    destination: Warehouse,
    part: Part,
    quantity: int,
    by: User | None,
    note: str = "",
) -> Transfer:
    """Send units from `source` to `destination`: off the source now, in transit at the
    destination until `transfer_receive`."""
    if source.pk == destination.pk:
        raise ValidationError({"destination": _("Choose a different warehouse to send to.")})
    levels = _lock_levels([(source, part), (destination, part)])
    transfer = Transfer.objects.create(
        number=next_number(f"TR-{timezone.now():%Y}"),
        source=source,
        destination=destination,
        part=part,
        quantity=quantity,
        shipped_by=by,
    )
    common = {
        "quantity": quantity,
        "document_type": DocumentType.TRANSFER,
        "document_number": transfer.number,
        "by": by,
        "transfer": transfer,
        "note": note,
    }
    _post(
        level=levels[(source.pk, part.pk)],
        kind=MoveKind.TRANSFER_OUT,
        effect=Effect(on_hand=-quantity),
        other_warehouse=destination,
        **common,
    )
    _post(
        level=levels[(destination.pk, part.pk)],
        kind=MoveKind.TRANSFER_SHIPPED,
        effect=Effect(in_transit=quantity),
        other_warehouse=source,
        **common,
    )
    return transfer


@writer
def transfer_receive(*, transfer: Transfer, by: User | None) -> Transfer:
    """The destination takes the units of a transfer in transit into its stock."""
    transfer = Transfer.objects.select_for_update().get(pk=transfer.pk)
    if transfer.status != TransferStatus.IN_TRANSIT:
        raise ValidationError(_("This transfer was already received."), code="received")
    level = _lock_level(transfer.destination, transfer.part)
    _post(
        level=level,
        kind=MoveKind.TRANSFER_IN,
        quantity=transfer.quantity,
        effect=Effect(on_hand=transfer.quantity, in_transit=-transfer.quantity),
        document_type=DocumentType.TRANSFER,
        document_number=transfer.number,
        by=by,
        transfer=transfer,
        other_warehouse=transfer.source,
    )
    transfer.status = TransferStatus.RECEIVED
    transfer.received_by = by
    transfer.received_at = timezone.now()
    transfer.save(update_fields=["status", "received_by", "received_at"])
    return transfer


# --- reservations ------------------------------------------------------------------------------


def _serving_chain(part: Part) -> list[Part]:
    """`part` followed by the parts that supersede it, up to the current number."""
    chain, seen = [part], {part.pk}
    step = part
    while step.superseded_by_id and step.superseded_by_id not in seen:
        step = step.superseded_by
        chain.append(step)
        seen.add(step.pk)
    return chain


def stock_reserve(
    *,
    warehouse: Warehouse,
    part: Part,
    quantity: int,
    document_number: str,
    by: User | None,
    document_type: str = DocumentType.VISIT,
) -> Reservation:
    """Set `quantity` units aside in `warehouse` for a document.

    An old part number is served by its own remaining stock first, then by its successors in
    turn (`Part.current()` is the last). Not enough available stock raises a ValidationError with
    the code `not_enough_stock`. Either way the request is recorded as a demand line (served or
    not) for the warehouse's fill rate; that record is committed even when the reservation fails,
    unless the caller's own transaction rolls back.
    """
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
        raise ValidationError({"quantity": _("Enter a whole number of units above zero.")})
    if not document_number:
        raise ValidationError({"document_number": _("Every stock move names its document.")})
    reservation, shortage = _reserve(
        warehouse=warehouse,
        part=part,
        quantity=quantity,
        document_type=document_type,
        document_number=document_number,
        by=by,
    )
    if shortage is not None:
        raise shortage
    return reservation


@writer
def _reserve(
    *,
    warehouse: Warehouse,
    part: Part,
    quantity: int,
    document_type: str,
    document_number: str,
    by: User | None,
) -> tuple[Reservation | None, ValidationError | None]:
    """One attempt at a reservation, and its demand line, in one transaction."""
    shortage = None
    reservation = None
    first_level = None
    for candidate in _serving_chain(part):
        level = _lock_level(warehouse, candidate)
        first_level = first_level or level
        if level.available >= quantity:
            reservation = Reservation.objects.create(
                warehouse=warehouse,
                part=candidate,
                requested_part=part,
                quantity=quantity,
                document_type=document_type,
                document_number=document_number,
                by=by,
            )
            _post(
                level=level,
                kind=MoveKind.RESERVE,
                quantity=quantity,
                effect=Effect(reserved=quantity),
                document_type=document_type,
                document_number=document_number,
                by=by,
                reservation=reservation,
            )
            break
    DemandLine.objects.create(
        warehouse=warehouse,
        part=part,
        quantity=quantity,
        served=reservation is not None,
        document_type=document_type,
        document_number=document_number,
    )
    if reservation is None:
        shortage = _shortage(first_level, quantity, first_level.available)
    return reservation, shortage


@writer
def reservation_release(*, reservation: Reservation, by: User | None) -> Reservation:
    """Give a reservation's units back to the available stock."""
    reservation = Reservation.objects.select_for_update().get(pk=reservation.pk)
    if reservation.status != ReservationStatus.ACTIVE:
        raise ValidationError(_("This reservation is no longer active."), code="closed")
    level = _lock_level(reservation.warehouse, reservation.part)
    _post(
        level=level,
        kind=MoveKind.RELEASE,
        quantity=reservation.quantity,
        effect=Effect(reserved=-reservation.quantity),
        document_type=reservation.document_type,
        document_number=reservation.document_number,
        by=by,
        reservation=reservation,
    )
    reservation.status = ReservationStatus.RELEASED
    reservation.closed_at = timezone.now()
    reservation.save(update_fields=["status", "closed_at"])
    return reservation


# --- counts ------------------------------------------------------------------------------------


@writer
def stock_count_post(
    *, warehouse: Warehouse, counts: Iterable[tuple[Part, int]], by: User | None
) -> StockCount:
    """Post a cycle count: for each part counted, the difference from the ledger's on-hand is
    posted as a count adjustment. A count below the reserved units is refused."""
    counts = list(counts)
    if not counts:
        raise ValidationError(_("Count at least one part."))
    if len({part.pk for part, _counted in counts}) != len(counts):
        raise ValidationError(_("Each part may be counted only once."))
    levels = _lock_levels([(warehouse, part) for part, _counted in counts])
    count = StockCount.objects.create(
        number=next_number(f"SC-{timezone.now():%Y}"), warehouse=warehouse, by=by
    )
    for part, counted in counts:
        if not isinstance(counted, int) or counted < 0:
            raise ValidationError(_("A counted quantity is a whole number, zero or more."))
        level = levels[(warehouse.pk, part.pk)]
        StockCountLine.objects.create(
            count=count, part=part, expected=level.on_hand, counted=counted
        )
        variance = counted - level.on_hand
        if variance == 0:
            continue
        if counted < level.reserved:
            raise ValidationError(
                _(
                    "%(sku)s: %(counted)s counted but %(reserved)s reserved; release "
                    "reservations before posting this count."
                )
                % {"sku": part.sku, "counted": counted, "reserved": level.reserved},
                code=NOT_ENOUGH_STOCK,
            )
        _post(
            level=level,
            kind=MoveKind.COUNT_ADJUST,
            quantity=abs(variance),
            effect=Effect(on_hand=variance),
            document_type=DocumentType.COUNT,
            document_number=count.number,
            by=by,
        )
    return count


# --- defective-part returns --------------------------------------------------------------------


@writer
def return_authorize(
    *,
    source: Warehouse,
    part: Part,
    quantity: int,
    by: User | None,
    destination: Warehouse | None = None,
    claim_number: str = "",
) -> DefectiveReturn:
    """A return authorization (RMA number) for defective parts held in `source`, to be shipped
    to `destination` (the central warehouse by default) for inspection."""
    if destination is None:
        destination = Warehouse.objects.filter(kind=WarehouseKind.CENTRAL, is_active=True).first()
        if destination is None:
            raise ValidationError({"destination": _("There is no central warehouse.")})
    if destination.pk == source.pk:
        raise ValidationError({"destination": _("Choose a different warehouse to send to.")})
    if not isinstance(quantity, int) or quantity <= 0:
        raise ValidationError({"quantity": _("Enter a whole number of units above zero.")})
    level = _lock_level(source, part)
    if level.defective < quantity:
        raise _shortage(level, quantity, level.defective)
    return DefectiveReturn.objects.create(
        number=next_number(f"RMA-{timezone.now():%Y}"),
        source=source,
        destination=destination,
        part=part,
        quantity=quantity,
        claim_number=claim_number,
        authorized_by=by,
    )


def _lock_return(item: DefectiveReturn, expected: str) -> DefectiveReturn:
    item = DefectiveReturn.objects.select_for_update().get(pk=item.pk)
    if item.status != expected:
        raise ValidationError(
            _("This return is %(status)s.") % {"status": item.get_status_display()},
            code="wrong_status",
        )
    return item


@writer
def return_ship(
    *, item: DefectiveReturn, by: User | None, carrier: str = "", tracking_number: str = ""
) -> DefectiveReturn:
    item = _lock_return(item, ReturnStatus.AUTHORIZED)
    _post(
        level=_lock_level(item.source, item.part),
        kind=MoveKind.DEFECTIVE_OUT,
        quantity=item.quantity,
        effect=Effect(defective=-item.quantity),
        document_type=DocumentType.RETURN,
        document_number=item.number,
        by=by,
        defective_return=item,
        other_warehouse=item.destination,
    )
    item.status = ReturnStatus.SHIPPED
    item.carrier, item.tracking_number = carrier, tracking_number
    item.shipped_at = timezone.now()
    item.save(update_fields=["status", "carrier", "tracking_number", "shipped_at"])
    return item


@writer
def return_receive(*, item: DefectiveReturn, by: User | None) -> DefectiveReturn:
    item = _lock_return(item, ReturnStatus.SHIPPED)
    _post(
        level=_lock_level(item.destination, item.part),
        kind=MoveKind.DEFECTIVE_IN,
        quantity=item.quantity,
        effect=Effect(defective=item.quantity),
        document_type=DocumentType.RETURN,
        document_number=item.number,
        by=by,
        defective_return=item,
        other_warehouse=item.source,
    )
    item.status = ReturnStatus.RECEIVED
    item.received_at = timezone.now()
    item.save(update_fields=["status", "received_at"])
    return item


@writer
def return_inspect(
    *, item: DefectiveReturn, result: str, by: User | None, note: str = ""
) -> DefectiveReturn:
    """Record the inspection: confirmed defect, no fault found, or misuse."""
    if result not in InspectionResult.values:
        raise ValidationError({"result": _("Choose an inspection result.")})
    item = _lock_return(item, ReturnStatus.RECEIVED)
    item.status = ReturnStatus.INSPECTED
    item.result = result
    item.inspection_note = note
    item.inspected_by = by
    item.inspected_at = timezone.now()
    item.save(update_fields=["status", "result", "inspection_note", "inspected_by", "inspected_at"])
    return item


# --- reorder -----------------------------------------------------------------------------------


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
    level = _lock_level(warehouse, part)
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
    purchase otherwise. A part that already has an open proposal gets no second one."""
    from . import selectors

    sources = _replenishment_sources(warehouse)
    open_parts = set(
        ReorderSuggestion.objects.filter(
            warehouse=warehouse, status=SuggestionStatus.PROPOSED
        ).values_list("part_id", flat=True)
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


@writer
def warehouse_create(*, by: User | None, **data) -> Warehouse:
    warehouse = Warehouse(**data)
    warehouse.full_clean()
    warehouse.save()
    return warehouse


@writer
def warehouse_update(*, warehouse: Warehouse, by: User | None, **data) -> Warehouse:
    for name, value in data.items():
        setattr(warehouse, name, value)
    warehouse.full_clean()
    warehouse.save()
    return warehouse
