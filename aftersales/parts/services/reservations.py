"""Reservations for jobs, served along the supersession chain, and their release."""

from __future__ import annotations

from django.core.exceptions import ValidationError
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
    DemandLine,
    Reservation,
    Warehouse,
)
from .ledger import Effect, lock_level, post_move, shortage_error, writer


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
        level = lock_level(warehouse, candidate)
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
            post_move(
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
        shortage = shortage_error(first_level, quantity, first_level.available)
    return reservation, shortage


@writer
def reservation_release(*, reservation: Reservation, by: User | None) -> Reservation:
    """Give a reservation's units back to the available stock."""
    reservation = Reservation.objects.select_for_update().get(pk=reservation.pk)
    if reservation.status != ReservationStatus.ACTIVE:
        raise ValidationError(_("This reservation is no longer active."), code="closed")
    level = lock_level(reservation.warehouse, reservation.part)
    post_move(
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
