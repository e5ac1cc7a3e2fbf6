"""Receipts, issues to jobs, returns of unused parts, and scrap."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.catalog.models import Part
from aftersales.core.models import User

from ..choices import (
    DocumentType,
    MoveKind,
    ReservationStatus,
)
from ..models import (
    Reservation,
    StockMove,
    Warehouse,
)
from .ledger import Effect, lock_level, post_move, writer


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
    level = lock_level(warehouse, part)
    return post_move(
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
        level = lock_level(reservation.warehouse, reservation.part)
        move = post_move(
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
    level = lock_level(warehouse, part)
    return post_move(
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
    level = lock_level(warehouse, part)
    if not defective:
        _check_unused_return(part, quantity, document_type, document_number)
    effect = Effect(defective=quantity) if defective else Effect(on_hand=quantity)
    return post_move(
        level=level,
        kind=MoveKind.DEFECTIVE_IN if defective else MoveKind.RETURN_UNUSED,
        quantity=quantity,
        effect=effect,
        document_type=document_type,
        document_number=document_number,
        by=by,
        note=note,
    )


def _check_unused_return(part: Part, quantity: int, document_type: str, number: str) -> None:
    """Unused units come back from a job only as many as were issued to it and not yet
    returned, from whichever warehouse they were issued."""
    totals = StockMove.objects.filter(
        part=part, document_type=document_type, document_number=number
    ).aggregate(
        issued=Sum("quantity", filter=Q(kind=MoveKind.ISSUE), default=0),
        returned=Sum("quantity", filter=Q(kind=MoveKind.RETURN_UNUSED), default=0),
    )
    left = totals["issued"] - totals["returned"]
    if quantity > left:
        raise ValidationError(
            {
                "quantity": _(
                    "Only %(left)s of this part were issued to %(document)s and not returned yet."
                )
                % {"left": max(left, 0), "document": number}
            }
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
    level = lock_level(warehouse, part)
    effect = Effect(defective=-quantity) if defective else Effect(on_hand=-quantity)
    return post_move(
        level=level,
        kind=MoveKind.SCRAP,
        quantity=quantity,
        effect=effect,
        document_type=DocumentType.SCRAP,
        document_number=document_number,
        by=by,
        note=note,
    )
