"""Defective-part returns: authorization, shipment, receipt, inspection."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.catalog.models import Part
from aftersales.core.models import User
from aftersales.core.numbering import next_number

from ..choices import (
    DocumentType,
    InspectionResult,
    MoveKind,
    ReturnStatus,
    WarehouseKind,
)
from ..models import (
    DefectiveReturn,
    Warehouse,
)
from .ledger import Effect, lock_level, post_move, shortage_error, writer


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
    level = lock_level(source, part)
    if level.defective < quantity:
        raise shortage_error(level, quantity, level.defective)
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
    post_move(
        level=lock_level(item.source, item.part),
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
    post_move(
        level=lock_level(item.destination, item.part),
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
