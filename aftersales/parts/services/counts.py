"""Cycle counts: the difference from the ledger is posted as an adjustment."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.catalog.models import Part
from aftersales.core.models import User
from aftersales.core.numbering import next_number
from aftersales.core.templatetags.aftersales import digits

from ..choices import (
    DocumentType,
    MoveKind,
)
from ..models import (
    StockCount,
    StockCountLine,
    Warehouse,
)
from .ledger import NOT_ENOUGH_STOCK, Effect, lock_levels, post_move, writer


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
    levels = lock_levels([(warehouse, part) for part, _counted in counts])
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
                % {"sku": part.sku, "counted": digits(counted), "reserved": digits(level.reserved)},
                code=NOT_ENOUGH_STOCK,
            )
        post_move(
            level=level,
            kind=MoveKind.COUNT_ADJUST,
            quantity=abs(variance),
            effect=Effect(on_hand=variance),
            document_type=DocumentType.COUNT,
            document_number=count.number,
            by=by,
        )
    return count
