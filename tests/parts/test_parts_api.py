"""The parts API: levels, availability, moves (idempotent creates), transfers, reservations,
returns; scoped to what the caller may see."""

import json

import pytest
from django.test import Client

from aftersales.core.services import api_token_create
from aftersales.parts import services
from aftersales.parts.models import Reservation, StockMove

pytestmark = pytest.mark.django_db


def client_for(user):
    _token, key = api_token_create(user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def post(client, path, data, **kwargs):
    return client.post(path, json.dumps(data), content_type="application/json", **kwargs)


def test_levels_and_availability(central, agent_store, part, receive, keeper, agent_user):
    receive(central, part, 5)
    receive(agent_store, part, 2)
    body = client_for(keeper).get("/api/v1/parts/levels", {"q": "cap"}).json()
    assert body["count"] == 2
    body = client_for(agent_user).get("/api/v1/parts/levels").json()
    assert [item["warehouse_code"] for item in body["items"]] == ["AG-N-1"]
    answer = client_for(keeper).get(
        "/api/v1/parts/availability", {"warehouse_id": central.pk, "part_id": part.pk}
    )
    assert answer.json()["available"] == 5
    out_of_scope = client_for(agent_user).get(
        "/api/v1/parts/availability", {"warehouse_id": central.pk, "part_id": part.pk}
    )
    assert out_of_scope.status_code == 404


def test_part_availability_follows_supersession(central, part, receive, keeper):
    from ..factories import PartFactory

    new = PartFactory(sku="CAP-35B")
    part.superseded_by = new
    part.save()
    receive(central, new, 3)
    body = client_for(keeper).get("/api/v1/parts/parts/CAP-35/availability").json()
    assert (body["current_sku"], body["total_available"]) == ("CAP-35B", 3)


def test_a_receipt_with_an_idempotency_key_is_posted_once(central, part, keeper):
    client = client_for(keeper)
    data = {
        "kind": "receipt",
        "warehouse_id": central.pk,
        "sku": "CAP-35",
        "quantity": 4,
        "document_number": "DN-1",
    }
    first = post(client, "/api/v1/parts/moves", data, headers={"idempotency-key": "k1"})
    again = post(client, "/api/v1/parts/moves", data, headers={"idempotency-key": "k1"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert first.json() == again.json()
    assert StockMove.objects.count() == 1
    moves = client.get("/api/v1/parts/moves", {"document_number": "DN-1"}).json()
    assert moves["count"] == 1 and moves["items"][0]["on_hand"] == 4


def test_reservation_shortage_is_a_422_with_the_message(central, part, receive, keeper):
    receive(central, part, 1)
    client = client_for(keeper)
    data = {"warehouse_id": central.pk, "sku": "CAP-35", "quantity": 1, "document_number": "V-1"}
    created = post(client, "/api/v1/parts/reservations", data, headers={"idempotency-key": "r1"})
    assert created.status_code == 201
    short = post(client, "/api/v1/parts/reservations", data | {"document_number": "V-2"})
    assert short.status_code == 422
    assert "Not enough stock" in short.json()["errors"]["__all__"][0]
    reservation_id = created.json()["id"]
    issued = post(client, f"/api/v1/parts/reservations/{reservation_id}/issue", {})
    assert issued.json()["status"] == "issued"
    assert Reservation.objects.count() == 1


def test_transfer_and_receive(central, van, part, receive, keeper, tech_user):
    receive(central, part, 3)
    created = post(
        client_for(keeper),
        "/api/v1/parts/transfers",
        {"source_id": central.pk, "destination_id": van.pk, "sku": "CAP-35", "quantity": 2},
    )
    assert created.status_code == 201 and created.json()["status"] == "in_transit"
    received = post(
        client_for(tech_user), f"/api/v1/parts/transfers/{created.json()['id']}/receive", {}
    )
    assert received.json()["status"] == "received"


def test_returns_over_the_api(central, van, part, keeper, tech_user, make_user):
    services.stock_return(
        warehouse=van, part=part, quantity=1, document_number="V-1", by=keeper, defective=True
    )
    tech = client_for(tech_user)
    created = post(
        tech, "/api/v1/parts/returns", {"source_id": van.pk, "sku": "CAP-35", "claim_number": "C1"}
    )
    assert created.status_code == 201
    item = created.json()
    assert item["number"].startswith("RMA-")
    post(tech, f"/api/v1/parts/returns/{item['id']}/ship", {"carrier": "Post"})
    post(client_for(keeper), f"/api/v1/parts/returns/{item['id']}/receive", {})
    refused = post(tech, f"/api/v1/parts/returns/{item['id']}/inspect", {"result": "misuse"})
    assert refused.status_code == 403
    quality = client_for(make_user("quality", username="q"))
    done = post(quality, f"/api/v1/parts/returns/{item['id']}/inspect", {"result": "misuse"})
    assert done.json()["result"] == "misuse"


def test_posting_into_a_warehouse_out_of_scope_is_a_404(other_agent_store, part, agent_user):
    response = post(
        client_for(agent_user),
        "/api/v1/parts/moves",
        {
            "kind": "receipt",
            "warehouse_id": other_agent_store.pk,
            "sku": "CAP-35",
            "quantity": 1,
            "document_number": "D",
        },
    )
    assert response.status_code == 404
    assert StockMove.objects.count() == 0


def test_customers_may_not_post(central, part, owner):
    response = post(
        client_for(owner.user),
        "/api/v1/parts/moves",
        {
            "kind": "receipt",
            "warehouse_id": central.pk,
            "sku": "CAP-35",
            "quantity": 1,
            "document_number": "D",
        },
    )
    assert response.status_code == 403


def test_fill_rates(central, part, receive, keeper):
    receive(central, part, 1)
    services.stock_reserve(warehouse=central, part=part, quantity=1, document_number="V", by=None)
    body = client_for(keeper).get("/api/v1/parts/fill-rates").json()
    assert body == [
        {
            "warehouse_id": central.pk,
            "warehouse_code": "CEN",
            "requested": 1,
            "served": 1,
            "rate": 1.0,
        }
    ]
