"""Parts fill rate per warehouse: lines served from stock / lines requested."""

import pytest
from django.core.exceptions import ValidationError

from aftersales.parts import services
from aftersales.parts.selectors import fill_rate

pytestmark = pytest.mark.django_db


def test_fill_rate_counts_served_and_unserved_lines_per_warehouse(
    central, regional, part, receive, keeper, login
):
    receive(central, part, 2)
    for number in ("V-1", "V-2"):
        services.stock_reserve(
            warehouse=central, part=part, quantity=1, document_number=number, by=None
        )
    with pytest.raises(ValidationError):
        services.stock_reserve(
            warehouse=central, part=part, quantity=1, document_number="V-3", by=None
        )
    rate = fill_rate(warehouse=central)
    assert (rate.requested, rate.served, str(rate.rate)) == (3, 2, "0.6667")
    assert fill_rate(warehouse=regional).rate is None
    page = login(keeper).get("/parts/fill-rate/").content.decode()
    assert "67%" in page


def test_a_line_served_by_a_successor_counts_as_served(central, part, receive):
    from ..factories import PartFactory

    new = PartFactory(sku="CAP-35B")
    part.superseded_by = new
    part.save()
    receive(central, new, 1)
    services.stock_reserve(warehouse=central, part=part, quantity=1, document_number="V", by=None)
    assert fill_rate(warehouse=central).served == 1
