"""Creating and changing warehouses."""

from __future__ import annotations

from aftersales.core.models import User

from ..models import (
    Warehouse,
)
from .ledger import writer


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
