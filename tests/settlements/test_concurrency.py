"""At the same moment: eight clerks draft the same agent's month (one draft, one set of claims),
and eight payments of 300,000 hit a settlement with 1,600,000 open (five pass, none overpays)."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from aftersales.settlements import services
from aftersales.settlements.models import Settlement, SettlementLine

from .conftest import MEHR_1405

THREADS = 8


def _race(work):
    start = threading.Barrier(THREADS)
    done, refused, others = [], [], []
    lock = threading.Lock()

    def run(n):
        try:
            start.wait()
            try:
                result = work(n)
            except ValidationError as error:
                with lock:
                    refused.append(error)
            except Exception as error:  # noqa: BLE001 - any other failure fails the test
                with lock:
                    others.append(error)
            else:
                with lock:
                    done.append(result)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done, refused, others


@pytest.mark.django_db(transaction=True)
def test_concurrent_drafts_make_one(agent, finance, mehr_claim):
    done, refused, others = _race(
        lambda n: services.settlement_draft(agent=agent, by=finance, period_start=MEHR_1405[0])
    )
    assert others == []
    assert len(done) == 1 and len(refused) == THREADS - 1
    assert Settlement.objects.count() == 1
    assert SettlementLine.objects.filter(claim=mehr_claim).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_payments_never_overpay(mehr_approved, finance):
    done, refused, others = _race(
        lambda n: services.payment_record(
            settlement=mehr_approved, by=finance, amount=Decimal(300_000), reference=f"T-{n}"
        )
    )
    assert others == []
    assert len(done) == 5 and len(refused) == 3
    mehr_approved.refresh_from_db()
    assert mehr_approved.settled == Decimal(1_500_000)
    assert mehr_approved.open_amount == Decimal(100_000)
