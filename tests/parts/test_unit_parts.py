"""Parts availability on a request: for a unit, the parts compatible with its model and where
they can be had (following supersession) in the warehouses the user may see."""

import pytest
from django.urls import reverse

from ..factories import PartFactory, ProductModelFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit_with_parts(owned_unit, central, agent_store, part, receive):
    old = PartFactory(sku="BRD-1", name="Control board")
    new = PartFactory(sku="BRD-2", name="Control board rev. B")
    old.superseded_by = new
    old.save()
    for item in (old, part):
        item.compatible_models.add(owned_unit.product_model)
    other_model = ProductModelFactory()
    PartFactory(sku="NOT-MINE").compatible_models.add(other_model)
    receive(central, new, 3)
    receive(agent_store, part, 2)
    return owned_unit


def test_the_keeper_sees_every_compatible_part_and_its_successors_stock(
    unit_with_parts, keeper, login
):
    page = login(keeper).get(reverse("parts:unit_parts", args=[unit_with_parts.pk]))
    assert page.status_code == 200
    rows = {row["part"].sku: row for row in page.context["rows"]}
    assert set(rows) == {"BRD-1", "CAP-35"}
    assert (rows["BRD-1"]["current"].sku, rows["BRD-1"]["total_available"]) == ("BRD-2", 3)
    assert rows["CAP-35"]["total_available"] == 2
    assert "Served by" in page.content.decode()


def test_an_agent_sees_only_their_own_warehouses_stock(unit_with_parts, agent_user, login):
    page = login(agent_user).get(reverse("parts:unit_parts", args=[unit_with_parts.pk]))
    rows = {row["part"].sku: row for row in page.context["rows"]}
    assert rows["BRD-1"]["total_available"] == 0
    assert rows["CAP-35"]["total_available"] == 2


def test_an_htmx_request_gets_only_the_list(unit_with_parts, keeper, login):
    page = login(keeper).get(
        reverse("parts:unit_parts", args=[unit_with_parts.pk]), headers={"HX-Request": "true"}
    )
    text = page.content.decode()
    assert 'id="unit-parts-list"' in text and "<html" not in text


def test_out_of_scope_is_404(unit_with_parts, strangers_unit, agent_user, owner, login):
    assert (
        login(agent_user).get(reverse("parts:unit_parts", args=[strangers_unit.pk])).status_code
        == 404
    )
    assert (
        login(owner.user).get(reverse("parts:unit_parts", args=[unit_with_parts.pk])).status_code
        == 404
    )


def test_the_api_answers_the_parts_of_a_unit(unit_with_parts, keeper, agent_user):
    from .test_counter_sales import _api

    body = _api(keeper).get(f"/api/v1/parts/units/{unit_with_parts.pk}/parts").json()
    assert body == [
        {"sku": "BRD-1", "current_sku": "BRD-2", "total_available": 3, "total_in_transit": 0},
        {"sku": "CAP-35", "current_sku": "CAP-35", "total_available": 2, "total_in_transit": 0},
    ]
    other = UnitFactory()
    assert _api(agent_user).get(f"/api/v1/parts/units/{other.pk}/parts").status_code == 404
