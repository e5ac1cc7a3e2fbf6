"""A part's availability across warehouses; an old number is served by its successor."""

import pytest

from ..factories import PartFactory

pytestmark = pytest.mark.django_db


def test_availability_lists_every_warehouse_with_stock(
    central, regional, part, receive, operator, login
):
    receive(central, part, 3)
    receive(regional, part, 2)
    page = login(operator).get("/parts/availability/", {"sku": "cap-35"}).content.decode()
    assert "CEN" in page and "REG-N" in page
    assert "5 available" in page


def test_an_old_number_shows_its_successor(central, part, receive, operator, login):
    new = PartFactory(sku="CAP-35B")
    part.superseded_by = new
    part.save()
    receive(central, new, 4)
    page = login(operator).get("/parts/availability/", {"sku": "CAP-35"}).content.decode()
    assert 'id="served-by"' in page
    assert "CAP-35B" in page and "4 available" in page


def test_an_unknown_sku_says_so(operator, login):
    page = login(operator).get("/parts/availability/", {"sku": "NOPE"}).content.decode()
    assert "No part with this SKU." in page


def test_htmx_gets_only_the_answer(central, part, receive, operator, login):
    receive(central, part, 1)
    response = login(operator).get(
        "/parts/availability/", {"sku": "CAP-35"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "1 available" in page and "<html" not in page
