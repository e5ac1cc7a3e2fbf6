"""THE BAR: 50 people reserve the last 10 units of a part at the same moment; exactly 10 get one."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from aftersales.parts import services
from aftersales.parts.models import Reservation, StockLevel
from aftersales.parts.selectors import fill_rate
from aftersales.parts.services import NOT_ENOUGH_STOCK

from .helpers import assert_ledger_matches_levels

THREADS = 50
UNITS = 10


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_reservations_for_ten_units_give_exactly_ten(central, part, receive):
    receive(central, part, UNITS)
    start = threading.Barrier(THREADS)
    successes, shortages, others = [], [], []
    lock = threading.Lock()

    def reserve(n: int):
        try:
            start.wait()
            try:
                reservation = services.stock_reserve(
                    warehouse=central,
                    part=part,
                    quantity=1,
                    document_number=f"V-{n:03d}",
                    by=None,
                )
            except ValidationError as error:
                with lock:
                    (shortages if error.code == NOT_ENOUGH_STOCK else others).append(error)
            except Exception as error:  # noqa: BLE001 - any other failure fails the test below
                with lock:
                    others.append(error)
            else:
                with lock:
                    successes.append(reservation.pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reserve, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert others == []
    assert len(successes) == UNITS
    assert len(shortages) == THREADS - UNITS
    assert all("Not enough stock" in error.messages[0] for error in shortages)
    level = StockLevel.objects.get(warehouse=central, part=part)
    assert (level.on_hand, level.reserved, level.available) == (UNITS, UNITS, 0)
    assert Reservation.objects.count() == UNITS
    assert_ledger_matches_levels()
    rate = fill_rate(warehouse=central)
    assert (rate.requested, rate.served) == (THREADS, UNITS)
