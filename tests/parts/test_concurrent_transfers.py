"""Transfers both ways between two warehouses at the same moment neither deadlock nor lose a
part: the levels lock in one fixed order."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from aftersales.parts import services
from aftersales.parts.models import StockLevel

from .helpers import assert_ledger_matches_levels

THREADS = 20


@pytest.mark.django_db(transaction=True)
def test_crossing_transfers_all_finish_and_the_ledger_balances(central, regional, part, receive):
    receive(central, part, 30)
    receive(regional, part, 30)
    start = threading.Barrier(THREADS)
    failures = []

    def send(n: int):
        source, destination = (central, regional) if n % 2 else (regional, central)
        try:
            start.wait()
            services.stock_transfer(
                source=source, destination=destination, part=part, quantity=2, by=None
            )
        except ValidationError as error:  # never expected: 30 units cover every transfer
            failures.append(error)
        except Exception as error:  # noqa: BLE001 - a deadlock would land here
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    central_level = StockLevel.objects.get(warehouse=central, part=part)
    regional_level = StockLevel.objects.get(warehouse=regional, part=part)
    assert (central_level.on_hand, central_level.in_transit) == (10, 20)
    assert (regional_level.on_hand, regional_level.in_transit) == (10, 20)
    assert_ledger_matches_levels()
