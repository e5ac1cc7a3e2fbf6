"""Checks shared by the ledger tests."""

from aftersales.parts.models import StockLevel
from aftersales.parts.selectors import ledger_availability


def assert_ledger_matches_levels():
    """Every cached level equals the sums of its moves, and none is negative."""
    for level in StockLevel.objects.all():
        ledger = ledger_availability(warehouse_id=level.warehouse_id, part_id=level.part_id)
        cached = (level.on_hand, level.reserved, level.in_transit, level.defective)
        assert cached == (ledger.on_hand, ledger.reserved, ledger.in_transit, ledger.defective)
        assert level.on_hand >= 0 and level.reserved >= 0 and level.reserved <= level.on_hand
