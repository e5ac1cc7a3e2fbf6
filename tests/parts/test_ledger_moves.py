"""Each kind of move changes exactly the buckets it should, names its document and its poster,
and the cached level always equals the sums of the ledger."""

import pytest
from django.core.exceptions import ValidationError

from aftersales.parts import services
from aftersales.parts.choices import MoveKind, ReservationStatus, TransferStatus
from aftersales.parts.models import StockLevel, StockMove
from aftersales.parts.selectors import availability

from .helpers import assert_ledger_matches_levels

pytestmark = pytest.mark.django_db


def buckets(warehouse, part):
    a = availability(warehouse_id=warehouse.pk, part_id=part.pk)
    return (a.on_hand, a.reserved, a.in_transit, a.defective)


def test_receipt_adds_on_hand_and_names_its_document(central, part, keeper):
    move = services.stock_receive(
        warehouse=central, part=part, quantity=7, document_number="DN-77", by=keeper
    )
    assert (move.kind, move.document_type, move.document_number) == (
        MoveKind.RECEIPT,
        "purchase",
        "DN-77",
    )
    assert move.by == keeper
    assert buckets(central, part) == (7, 0, 0, 0)
    assert_ledger_matches_levels()


def test_transfer_goes_out_at_once_and_in_only_when_received(central, van, part, receive, keeper):
    receive(central, part, 5)
    transfer = services.stock_transfer(
        source=central, destination=van, part=part, quantity=3, by=keeper
    )
    assert transfer.number.startswith("TR-")
    assert buckets(central, part) == (2, 0, 0, 0)
    assert buckets(van, part) == (0, 0, 3, 0)
    kinds = set(StockMove.objects.filter(transfer=transfer).values_list("kind", flat=True))
    assert kinds == {MoveKind.TRANSFER_OUT, MoveKind.TRANSFER_SHIPPED}

    services.transfer_receive(transfer=transfer, by=keeper)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.RECEIVED
    assert buckets(van, part) == (3, 0, 0, 0)
    with pytest.raises(ValidationError):
        services.transfer_receive(transfer=transfer, by=keeper)
    assert_ledger_matches_levels()


def test_a_transfer_cannot_send_more_than_is_available(central, van, part, receive, keeper):
    receive(central, part, 2)
    services.stock_reserve(warehouse=central, part=part, quantity=1, document_number="V-1", by=None)
    with pytest.raises(ValidationError, match="Not enough stock"):
        services.stock_transfer(source=central, destination=van, part=part, quantity=2, by=keeper)
    assert buckets(central, part) == (2, 1, 0, 0)
    assert buckets(van, part) == (0, 0, 0, 0)


def test_reservation_and_its_release(central, part, receive, keeper):
    receive(central, part, 4)
    reservation = services.stock_reserve(
        warehouse=central, part=part, quantity=3, document_number="V-9", by=keeper
    )
    assert buckets(central, part) == (4, 3, 0, 0)
    services.reservation_release(reservation=reservation, by=keeper)
    reservation.refresh_from_db()
    assert reservation.status == ReservationStatus.RELEASED
    assert buckets(central, part) == (4, 0, 0, 0)
    with pytest.raises(ValidationError):
        services.reservation_release(reservation=reservation, by=keeper)
    kinds = list(StockMove.objects.filter(reservation=reservation).values_list("kind", flat=True))
    assert sorted(kinds) == sorted([MoveKind.RESERVE, MoveKind.RELEASE])
    assert_ledger_matches_levels()


def test_issuing_a_reservation_takes_it_off_hand_and_off_reserved(central, part, receive, keeper):
    receive(central, part, 4)
    reservation = services.stock_reserve(
        warehouse=central, part=part, quantity=2, document_number="V-3", by=keeper
    )
    move = services.stock_issue(reservation=reservation, by=keeper)
    assert (move.kind, move.document_number, move.quantity) == (MoveKind.ISSUE, "V-3", 2)
    assert buckets(central, part) == (2, 0, 0, 0)
    reservation.refresh_from_db()
    assert reservation.status == ReservationStatus.ISSUED
    assert_ledger_matches_levels()


def test_a_direct_issue_cannot_take_reserved_units(central, part, receive, keeper):
    receive(central, part, 3)
    services.stock_reserve(warehouse=central, part=part, quantity=2, document_number="V-1", by=None)
    with pytest.raises(ValidationError, match="1 available, 2 requested"):
        services.stock_issue(
            warehouse=central, part=part, quantity=2, document_number="V-2", by=keeper
        )
    services.stock_issue(warehouse=central, part=part, quantity=1, document_number="V-2", by=keeper)
    assert buckets(central, part) == (2, 2, 0, 0)


def test_return_of_unused_and_of_defective_parts(van, part, receive, keeper):
    receive(van, part, 1)
    services.stock_issue(warehouse=van, part=part, quantity=1, document_number="V-5", by=keeper)
    services.stock_return(warehouse=van, part=part, quantity=1, document_number="V-5", by=keeper)
    services.stock_return(
        warehouse=van, part=part, quantity=2, document_number="V-5", by=keeper, defective=True
    )
    assert buckets(van, part) == (1, 0, 0, 2)
    kinds = sorted(StockMove.objects.filter(document_number="V-5").values_list("kind", flat=True))
    assert kinds == sorted([MoveKind.ISSUE, MoveKind.RETURN_UNUSED, MoveKind.DEFECTIVE_IN])
    assert_ledger_matches_levels()


def test_scrap_of_good_and_of_defective_stock(central, part, receive, keeper):
    receive(central, part, 3)
    services.stock_return(
        warehouse=central, part=part, quantity=1, document_number="V-1", by=keeper, defective=True
    )
    services.stock_scrap(
        warehouse=central, part=part, quantity=1, document_number="SN-1", by=keeper
    )
    services.stock_scrap(
        warehouse=central, part=part, quantity=1, document_number="SN-2", by=keeper, defective=True
    )
    assert buckets(central, part) == (2, 0, 0, 0)
    with pytest.raises(ValidationError, match="Not enough stock"):
        services.stock_scrap(
            warehouse=central,
            part=part,
            quantity=1,
            document_number="SN-3",
            by=keeper,
            defective=True,
        )
    assert_ledger_matches_levels()


def test_count_posts_the_variance(central, part, receive, keeper):
    from ..factories import PartFactory

    other = PartFactory(sku="FAN-1")
    third = PartFactory(sku="BELT-1")
    receive(central, part, 10)
    receive(central, other, 4)
    receive(central, third, 2)
    count = services.stock_count_post(
        warehouse=central, counts=[(part, 8), (other, 5), (third, 2)], by=keeper
    )
    assert count.number.startswith("SC-")
    assert buckets(central, part) == (8, 0, 0, 0)
    assert buckets(central, other) == (5, 0, 0, 0)
    adjustments = StockMove.objects.filter(kind=MoveKind.COUNT_ADJUST).order_by("part__sku")
    assert [(m.part.sku, m.on_hand, m.quantity) for m in adjustments] == [
        ("CAP-35", -2, 2),
        ("FAN-1", 1, 1),
    ]
    assert {line.part.sku: line.variance for line in count.lines.all()} == {
        "CAP-35": -2,
        "FAN-1": 1,
        "BELT-1": 0,
    }
    assert_ledger_matches_levels()


def test_a_count_below_the_reserved_units_is_refused(central, part, receive, keeper):
    receive(central, part, 5)
    services.stock_reserve(warehouse=central, part=part, quantity=3, document_number="V-1", by=None)
    with pytest.raises(ValidationError, match="release reservations"):
        services.stock_count_post(warehouse=central, counts=[(part, 2)], by=keeper)
    assert buckets(central, part) == (5, 3, 0, 0)


def test_every_move_names_a_document_and_a_positive_quantity(central, part, keeper):
    with pytest.raises(ValidationError):
        services.stock_receive(
            warehouse=central, part=part, quantity=1, document_number="", by=keeper
        )
    with pytest.raises(ValidationError):
        services.stock_receive(
            warehouse=central, part=part, quantity=0, document_number="D", by=keeper
        )
    with pytest.raises(ValidationError):
        services.stock_receive(
            warehouse=central, part=part, quantity=1.5, document_number="D", by=keeper
        )
    assert StockMove.objects.count() == 0
    assert StockLevel.objects.filter(on_hand__gt=0).count() == 0


def test_unused_units_come_back_only_as_many_as_were_issued_to_the_job(
    central, van, part, receive, keeper
):
    receive(central, part, 5)
    services.stock_issue(warehouse=central, part=part, quantity=3, document_number="V-9", by=keeper)
    with pytest.raises(ValidationError, match="Only 0 of this part were issued to V-8"):
        services.stock_return(
            warehouse=central, part=part, quantity=1, document_number="V-8", by=keeper
        )
    # two come back to the van, one more to the central warehouse: three in all, no more
    services.stock_return(warehouse=van, part=part, quantity=2, document_number="V-9", by=keeper)
    with pytest.raises(ValidationError, match="Only 1 of this part"):
        services.stock_return(
            warehouse=central, part=part, quantity=2, document_number="V-9", by=keeper
        )
    services.stock_return(
        warehouse=central, part=part, quantity=1, document_number="V-9", by=keeper
    )
    # a defective part taken off the unit is not bounded by what was issued
    services.stock_return(
        warehouse=central, part=part, quantity=1, document_number="V-8", by=keeper, defective=True
    )
    assert buckets(central, part) == (3, 0, 0, 1)
    assert_ledger_matches_levels()
