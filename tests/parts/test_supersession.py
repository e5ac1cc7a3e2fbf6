"""An old part number is served by its own stock first, then by the number that replaces it."""

import pytest
from django.core.exceptions import ValidationError

from aftersales.parts import services
from aftersales.parts.selectors import part_availability

from ..factories import PartFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_and_new(part):
    new = PartFactory(sku="CAP-35B", name="Capacitor 35 µF, new")
    part.superseded_by = new
    part.save()
    return part, new


def test_an_old_number_uses_its_own_stock_first(central, old_and_new, receive):
    old, new = old_and_new
    receive(central, old, 1)
    receive(central, new, 5)
    first = services.stock_reserve(
        warehouse=central, part=old, quantity=1, document_number="V-1", by=None
    )
    second = services.stock_reserve(
        warehouse=central, part=old, quantity=1, document_number="V-2", by=None
    )
    assert (first.part, first.requested_part) == (old, old)
    assert (second.part, second.requested_part) == (new, old)


def test_no_stock_of_either_number_is_a_clear_shortage(central, old_and_new):
    old, _new = old_and_new
    with pytest.raises(ValidationError, match="Not enough stock of CAP-35"):
        services.stock_reserve(
            warehouse=central, part=old, quantity=1, document_number="V-1", by=None
        )


def test_availability_of_an_old_number_shows_its_successor(
    central, regional, old_and_new, receive, keeper
):
    old, new = old_and_new
    receive(central, new, 4)
    receive(regional, old, 2)
    answer = part_availability(user=keeper, part=old)
    assert answer["current"] == new
    assert answer["total_available"] == 6
    assert [(level.warehouse.code, level.part.sku) for level in answer["levels"]] == [
        ("CEN", "CAP-35B"),
        ("REG-N", "CAP-35"),
    ]
