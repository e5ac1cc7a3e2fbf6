"""The transfers list: every transfer the user may see, found by number or SKU, by a warehouse
at either end and by status, with CSV export; an agent's staff see only their own."""

import pytest
from django.urls import reverse

from aftersales.parts import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def transfers(central, regional, agent_store, other_agent_store, part, receive, keeper):
    receive(central, part, 10)
    to_agent = services.stock_transfer(
        source=central, destination=agent_store, part=part, quantity=2, by=keeper
    )
    to_region = services.stock_transfer(
        source=central, destination=regional, part=part, quantity=3, by=keeper
    )
    services.transfer_receive(transfer=to_region, by=keeper)
    to_other = services.stock_transfer(
        source=central, destination=other_agent_store, part=part, quantity=1, by=keeper
    )
    return to_agent, to_region, to_other


def test_the_keeper_finds_transfers_by_warehouse_status_and_number(
    transfers, agent_store, keeper, login
):
    to_agent, to_region, to_other = transfers
    client = login(keeper)
    url = reverse("parts:transfers")
    html = client.get(url).content.decode()
    assert all(transfer.number in html for transfer in transfers)
    assert 'href="/parts/transfers/"' in html  # the tab
    html = client.get(url, {"warehouse": agent_store.pk}).content.decode()
    assert to_agent.number in html and to_region.number not in html
    html = client.get(url, {"status": "in_transit"}).content.decode()
    assert to_agent.number in html and to_other.number in html
    assert to_region.number not in html
    persian_tail = to_region.number[-6:].translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    html = client.get(url, {"q": persian_tail}).content.decode()
    assert to_region.number in html and to_agent.number not in html
    csv = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert to_agent.number in csv and "Shipped" in csv.splitlines()[0]


def test_agent_staff_see_only_the_transfers_of_their_warehouses(transfers, agent_user, login):
    to_agent, to_region, to_other = transfers
    html = login(agent_user).get(reverse("parts:transfers")).content.decode()
    assert to_agent.number in html
    assert to_region.number not in html and to_other.number not in html
