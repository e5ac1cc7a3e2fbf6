"""Receive, transfer, count and reserve through the forms; errors land on the form."""

import pytest

from aftersales.parts.choices import MoveKind
from aftersales.parts.models import StockLevel, StockMove, Transfer

pytestmark = pytest.mark.django_db


def level(warehouse, part):
    return StockLevel.objects.get(warehouse=warehouse, part=part)


def test_receive_form_posts_a_receipt(central, part, keeper, login):
    client = login(keeper)
    assert client.get("/parts/receive/").status_code == 200
    response = client.post(
        "/parts/receive/",
        {"warehouse": central.pk, "part": "cap-35", "quantity": 4, "document_number": "DN-5"},
    )
    assert response.status_code == 302
    assert level(central, part).on_hand == 4
    move = StockMove.objects.get()
    assert (move.kind, move.by, move.document_number) == (MoveKind.RECEIPT, keeper, "DN-5")


def test_unknown_sku_and_bad_quantity_are_refused(central, part, keeper, login):
    response = login(keeper).post(
        "/parts/receive/",
        {"warehouse": central.pk, "part": "NOPE", "quantity": 0, "document_number": "DN-5"},
    )
    assert response.status_code == 400
    assert "No part with this SKU." in response.content.decode()
    assert StockMove.objects.count() == 0


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/parts/receive/", "quantity"),
        ("/parts/count/", "counted"),
        ("/parts/reserve/", "quantity"),
    ],
)
def test_a_quantity_too_big_to_store_is_an_error_on_the_form(
    central, part, keeper, login, url, field
):
    data = {"warehouse": central.pk, "part": "CAP-35", "document_number": "DN-5", "note": "x"}
    data[field] = "99999999999999999999"
    response = login(keeper).post(url, data)
    assert response.status_code == 400
    assert "less than or equal to 2147483647" in response.content.decode()
    assert StockMove.objects.count() == 0


def test_transfer_form_and_receipt_at_the_van(
    central, van, part, receive, keeper, tech_user, login
):
    receive(central, part, 5)
    response = login(keeper).post(
        "/parts/transfers/new/",
        {"source": central.pk, "destination": van.pk, "part": "CAP-35", "quantity": 2},
    )
    assert response.status_code == 302
    transfer = Transfer.objects.get()
    assert level(van, part).in_transit == 2
    van_client = login(tech_user)
    assert "CAP-35" in van_client.get("/parts/van/").content.decode()
    response = van_client.post(f"/parts/transfers/{transfer.pk}/receive/", {"next": "/parts/van/"})
    assert response.status_code == 302
    assert (level(van, part).on_hand, level(van, part).in_transit) == (2, 0)


def test_transfer_of_more_than_available_shows_the_shortage(
    central, van, part, receive, keeper, login
):
    receive(central, part, 1)
    response = login(keeper).post(
        "/parts/transfers/new/",
        {"source": central.pk, "destination": van.pk, "part": "CAP-35", "quantity": 2},
    )
    assert response.status_code == 400
    assert "Not enough stock" in response.content.decode()
    assert Transfer.objects.count() == 0


def test_count_form_posts_the_difference(central, part, receive, keeper, login):
    receive(central, part, 5)
    response = login(keeper).post(
        "/parts/count/", {"warehouse": central.pk, "part": "CAP-35", "counted": 3}
    )
    assert response.status_code == 302
    assert level(central, part).on_hand == 3
    assert StockMove.objects.filter(kind=MoveKind.COUNT_ADJUST, on_hand=-2).exists()


def test_reserve_form_and_shortage(central, part, receive, keeper, login):
    receive(central, part, 1)
    client = login(keeper)
    data = {"warehouse": central.pk, "part": "CAP-35", "quantity": 1, "document_number": "V-1"}
    assert client.post("/parts/reserve/", data).status_code == 302
    response = client.post("/parts/reserve/", data | {"document_number": "V-2"})
    assert response.status_code == 400
    assert "Not enough stock" in response.content.decode()


def test_a_keeper_cannot_post_into_a_warehouse_out_of_scope(
    central, other_agent_store, part, agent_user, login
):
    response = login(agent_user).post(
        "/parts/receive/",
        {
            "warehouse": other_agent_store.pk,
            "part": "CAP-35",
            "quantity": 1,
            "document_number": "D",
        },
    )
    assert response.status_code == 400  # not a choice for this user
    assert StockMove.objects.count() == 0


def test_customers_cannot_open_the_forms(owner, login):
    client = login(owner.user)
    for url in ("/parts/receive/", "/parts/transfers/new/", "/parts/count/", "/parts/reserve/"):
        assert client.get(url).status_code == 404


def test_scrap_form_writes_off_good_or_defective_units_and_refuses_a_shortage(
    central, part, receive, keeper, login
):
    from aftersales.parts import services

    receive(central, part, 5)
    services.stock_return(
        warehouse=central, part=part, quantity=2, document_number="V-1", defective=True, by=keeper
    )
    client = login(keeper)
    assert 'href="/parts/scrap/"' in client.get("/parts/").content.decode()
    assert client.get("/parts/scrap/").status_code == 200
    data = {"warehouse": central.pk, "part": part.sku, "quantity": 1, "document_number": "SN-1"}
    assert client.post("/parts/scrap/", data).status_code == 302
    assert client.post("/parts/scrap/", {**data, "defective": "on"}).status_code == 302
    current = level(central, part)
    assert (current.on_hand, current.defective) == (4, 1)
    posted_by = StockMove.objects.filter(kind=MoveKind.SCRAP).values_list("by", flat=True)
    assert list(posted_by) == [keeper.pk, keeper.pk]
    response = client.post("/parts/scrap/", {**data, "quantity": 9})
    assert response.status_code == 400
    assert "Not enough stock" in response.content.decode()
    assert level(central, part).on_hand == 4
