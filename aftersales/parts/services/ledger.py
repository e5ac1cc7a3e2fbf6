"""The one writer of the stock ledger: locks, effects, and the retry of SQLite writers."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import ValidationError
from django.db import OperationalError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from aftersales.catalog.models import Part
from aftersales.core.forms import INTEGER_MAX
from aftersales.core.models import User
from aftersales.core.templatetags.aftersales import digits

from ..models import (
    StockLevel,
    StockMove,
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


def lock_level(warehouse: Warehouse, part: Part) -> StockLevel:
    """The stock level of `part` in `warehouse`, created if missing, locked until commit."""
    level, _created = StockLevel.objects.get_or_create(warehouse=warehouse, part=part)
    return StockLevel.objects.select_for_update().get(pk=level.pk)


def lock_levels(pairs: Iterable[tuple[Warehouse, Part]]) -> dict[tuple[int, int], StockLevel]:
    """Lock several levels in one fixed order (warehouse, part), so two writers never deadlock."""
    ordered = sorted(set(pairs), key=lambda pair: (pair[0].pk, pair[1].pk))
    return {(w.pk, p.pk): lock_level(w, p) for w, p in ordered}


def shortage_error(level: StockLevel, requested: int, available: int) -> ValidationError:
    return ValidationError(
        _(
            "Not enough stock of %(sku)s in %(warehouse)s: %(available)s available, "
            "%(requested)s requested."
        )
        % {
            "sku": level.part.sku,
            "warehouse": level.warehouse.code,
            "available": digits(max(available, 0)),
            "requested": digits(requested),
        },
        code=NOT_ENOUGH_STOCK,
    )


def post_move(
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
        raise shortage_error(level, quantity, level.on_hand - level.reserved)
    if reserved < 0:
        raise ValidationError(_("Cannot release more than is reserved."), code="over_release")
    if level.in_transit + effect.in_transit < 0:
        raise ValidationError(_("Nothing in transit to receive."), code="nothing_in_transit")
    if level.defective + effect.defective < 0:
        raise shortage_error(level, quantity, level.defective)
    in_transit = level.in_transit + effect.in_transit
    if max(on_hand, in_transit, level.defective + effect.defective) > INTEGER_MAX:
        # an integer column holds no more: refused here rather than failing in the database
        raise ValidationError(
            {"quantity": _("That many units do not fit in the stock records; enter fewer.")}
        )
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
