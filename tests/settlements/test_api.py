"""The settlements API: list and read within the caller's scope, create a draft for an agent and
period (idempotent), approve (managers only), record payments, mark paid."""

import json

import pytest

from aftersales.core.services import api_token_create
from aftersales.settlements.models import Settlement

from .conftest import MEHR_1405

URL = "/api/v1/settlements/"
KEY = {"idempotency-key": "c3a1b2d4-settlement-mehr-1405"}


@pytest.fixture
def api(db):
    def make(user):
        from django.test import Client

        _token, key = api_token_create(user=user, name="test")
        return Client(headers={"authorization": f"Bearer {key}"})

    return make


def post(client, path, data=None, **kwargs):
    return client.post(path, json.dumps(data or {}), content_type="application/json", **kwargs)


def test_create_a_draft_twice_answers_the_same_settlement(api, finance, agent, mehr_claim):
    client = api(finance)
    body = {"agent": agent.pk, "period_start": str(MEHR_1405[0])}
    first = post(client, URL, body)
    assert first.status_code == 201
    data = first.json()
    assert data["status"] == "draft" and data["total"] == "1600000.00"
    assert [line["reference"] for line in data["lines"]] == [mehr_claim.number]
    again = post(client, URL, body)
    assert again.status_code == 200
    assert again.json()["id"] == data["id"]
    assert Settlement.objects.count() == 1


def test_an_idempotency_key_replays_the_first_answer(api, finance, agent):
    client = api(finance)
    first = post(client, URL, {"agent": agent.pk, "period_start": str(MEHR_1405[0])}, headers=KEY)
    second = post(client, URL, {"agent": agent.pk, "period_start": str(MEHR_1405[0])}, headers=KEY)
    assert first.status_code == second.status_code == 201
    assert second["Idempotent-Replayed"] == "true"
    assert Settlement.objects.count() == 1


def test_bad_input_is_a_422_with_the_field(api, finance, agent):
    client = api(finance)
    response = post(
        client,
        URL,
        {"agent": agent.pk, "period_start": "2026-10-22", "period_end": "2026-09-23"},
    )
    assert response.status_code == 422
    assert "period_end" in response.json()["errors"]
    assert post(client, URL, {"agent": 999999}).status_code == 422
    assert post(client, URL, {"agent": "x"}).status_code == 422


def test_agent_staff_read_their_own_and_nothing_else(
    api, agent_user, other_agent, finance, mehr_approved
):
    from aftersales.settlements import services

    other = services.settlement_draft(agent=other_agent, by=finance, period_start=MEHR_1405[0])
    client = api(agent_user)
    listing = client.get(URL).json()
    assert [item["id"] for item in listing["items"]] == [mehr_approved.pk]
    assert client.get(f"{URL}{mehr_approved.pk}").status_code == 200
    assert client.get(f"{URL}{other.pk}").status_code == 404
    assert post(client, URL, {"agent": other_agent.pk}).status_code == 403
    assert post(client, f"{URL}{mehr_approved.pk}/paid").status_code == 404


def test_approve_is_for_managers_then_mark_paid(api, finance, manager, mehr_draft):
    assert post(api(finance), f"{URL}{mehr_draft.pk}/approve").status_code == 403
    approved = post(api(manager), f"{URL}{mehr_draft.pk}/approve")
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    assert approved.json()["number"].startswith("ST-")
    again = post(api(manager), f"{URL}{mehr_draft.pk}/approve")
    assert again.status_code == 422
    client = api(finance)
    part = post(client, f"{URL}{mehr_draft.pk}/payments", {"amount": "600000"})
    assert part.status_code == 201
    assert part.json()["open_amount"] == "1000000.00"
    paid = post(client, f"{URL}{mehr_draft.pk}/paid", {"reference": "TR-1"})
    assert paid.status_code == 200
    assert paid.json()["status"] == "paid" and paid.json()["open_amount"] == "0.00"
    assert [p["amount"] for p in paid.json()["payments"]] == ["600000.00", "1000000.00"]


def test_adjustments_through_the_api(api, finance, mehr_draft):
    client = api(finance)
    added = post(
        client, f"{URL}{mehr_draft.pk}/adjustments", {"amount": "-25000", "reason": "Late"}
    )
    assert added.status_code == 201
    assert added.json()["total"] == "1575000.00"
    bad = post(client, f"{URL}{mehr_draft.pk}/adjustments", {"amount": "1.5", "reason": "x"})
    assert bad.status_code == 422 and "amount" in bad.json()["errors"]


def test_a_payment_run_through_the_api(api, finance, italy, rossi, euro_settlement, make_user):
    from aftersales.core.choices import Role

    settlement = euro_settlement(rossi, "70.00")
    client = api(finance)
    made = post(
        client,
        f"{URL}payment-runs",
        {"settlements": [settlement.pk]},
        headers={"idempotency-key": "run-rossi-october"},
    )
    assert made.status_code == 201
    run = made.json()
    assert run["status"] == "prepared" and run["total"] == "100.00"
    assert run["lines"][0]["iban"] == rossi.iban
    assert run["lines"][0]["settlement_number"] == settlement.number
    again = post(
        client,
        f"{URL}payment-runs",
        {"settlements": [settlement.pk]},
        headers={"idempotency-key": "run-rossi-october"},
    )
    assert again.json()["id"] == run["id"]  # replayed, not a second run
    assert client.get(f"{URL}payment-runs/{run['id']}/file")["Content-Disposition"].startswith(
        "attachment"
    )
    paid = post(client, f"{URL}payment-runs/{run['id']}/paid", {"reference": "CRO 9"})
    assert paid.status_code == 200 and paid.json()["status"] == "paid"
    assert paid.json()["lines"][0]["payment"] is not None

    staff = api(make_user(Role.AGENT, username="rossi-staff", agent=rossi))
    assert staff.get(f"{URL}payment-runs/{run['id']}").status_code == 404
    refused = post(staff, f"{URL}payment-runs", {"settlements": [settlement.pk]})
    assert refused.status_code in (403, 404)
