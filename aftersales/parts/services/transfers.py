"""Transfers between warehouses, in transit until received."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.catalog.models import Part
from aftersales.core.models import User
from aftersales.core.numbering import next_number

from ..choices import (
    DocumentType,
    MoveKind,
    TransferStatus,
)
from ..models import (
    Transfer,
    Warehouse,
)
from .ledger import Effect, lock_level, lock_levels, post_move, writer


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
    levels = lock_levels([(source, part), (destination, part)])
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
    post_move(
        level=levels[(source.pk, part.pk)],
        kind=MoveKind.TRANSFER_OUT,
        effect=Effect(on_hand=-quantity),
        other_warehouse=destination,
        **common,
    )
    post_move(
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
    level = lock_level(transfer.destination, transfer.part)
    post_move(
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
