"""The keeper's stock list: search by SKU or name, filter by warehouse and reorder point, export."""

import pytest

from aftersales.parts import services

from ..factories import PartFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stocked(central, regional, part, receive, keeper):
    fan = PartFactory(sku="FAN-9", name="Fan motor")
    receive(central, part, 5)
    receive(regional, fan, 1)
    services.stock_level_plan(
        warehouse=regional, part=fan, min_stock=1, reorder_point=2, max_stock=6, by=keeper
    )
    return fan


def test_search_by_sku_or_name(stocked, keeper, login):
    client = login(keeper)
    page = client.get("/parts/", {"q": "cap-35"}).content.decode()
    assert "CAP-35" in page and "FAN-9" not in page
    page = client.get("/parts/", {"q": "fan motor"}).content.decode()
    assert "FAN-9" in page and "CAP-35" not in page


def test_filter_by_warehouse_and_below_reorder_point(stocked, central, keeper, login):
    client = login(keeper)
    page = client.get("/parts/", {"warehouse": central.pk}).content.decode()
    assert "CAP-35" in page and "FAN-9" not in page
    page = client.get("/parts/", {"below_reorder_point": "true"}).content.decode()
    assert "FAN-9" in page and "CAP-35" not in page


def test_sort_and_export(stocked, keeper, login):
    client = login(keeper)
    page = client.get("/parts/", {"sort": "-on_hand"}).content.decode()
    assert page.index("CAP-35") < page.index("FAN-9")
    response = client.get("/parts/", {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content if response.streaming else [response.content])
    text = body.decode("utf-8-sig")
    assert "CAP-35" in text and "FAN-9" in text


def test_agent_staff_see_only_their_agents_stock(
    central, agent_store, part, receive, agent_user, login
):
    receive(central, part, 5)
    receive(agent_store, part, 2)
    page = login(agent_user).get("/parts/").content.decode()
    assert "AG-N-1" in page and "CEN" not in page


def test_customers_do_not_get_the_stock_list(owner, login):
    page = login(owner.user).get("/parts/").content.decode()
    assert "CAP-35" not in page
