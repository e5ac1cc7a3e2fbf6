"""Agents' systems submit claims through the API (idempotently) and read only their own."""

import datetime as dt
import json

import pytest
from django.test import Client

from aftersales.core.choices import Role
from aftersales.core.services import api_token_create
from aftersales.warranty.models import Claim
from tests.factories import FailureCodeFactory, UnitFactory


@pytest.fixture
def token_client(db):
    def make(user):
        _token, key = api_token_create(user=user, name="test")
        return Client(headers={"authorization": f"Bearer {key}"})

    return make


def _post(client, path, data, **headers):
    return client.post(path, json.dumps(data), content_type="application/json", headers=headers)


@pytest.fixture
def serviced_unit(ac_model, ac_policy, italian_owner, agent):
    return UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        sale_date=dt.date.today() - dt.timedelta(days=90),
    )


@pytest.fixture
def payload(serviced_unit, compatible_part):
    FailureCodeFactory(code="R20", level="repair")
    return {
        "unit": serviced_unit.pk,
        "failure_date": str(dt.date.today() - dt.timedelta(days=2)),
        "meter": "120",
        "failure_codes": ["R20"],
        "parts": [{"part": compatible_part.pk, "amount": "800000", "faulty_serial": "MX-9"}],
        "labour_minutes": 45,
        "labour_amount": "400000",
        "travel_amount": "100000",
        "external_ref": "JOB-77",
    }


def test_an_agent_submits_a_claim_and_gets_the_decision(token_client, agent_user, payload):
    response = _post(token_client(agent_user), "/api/v1/warranty/claims", payload)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "approved"
    assert body["agent"] == agent_user.agent_id
    assert body["approved_total"] == "1300000.00"
    assert body["reasons"][0]["text"]
    assert body["parts"][0]["faulty_serial"] == "MX-9"


def test_a_retry_with_the_same_key_creates_nothing(token_client, agent_user, payload):
    client = token_client(agent_user)
    first = _post(client, "/api/v1/warranty/claims", payload, **{"Idempotency-Key": "k-1"})
    again = _post(client, "/api/v1/warranty/claims", payload, **{"Idempotency-Key": "k-1"})
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert Claim.objects.count() == 1


def test_an_agent_cannot_claim_for_a_unit_it_does_not_service(
    token_client, make_user, other_agent, payload
):
    outsider = make_user(Role.AGENT, username="south-staff", agent=other_agent)
    response = _post(token_client(outsider), "/api/v1/warranty/claims", payload)
    assert response.status_code == 422
    assert "unit" in response.json()["errors"]


def test_a_customer_may_not_submit_claims(token_client, owner, payload):
    assert _post(token_client(owner.user), "/api/v1/warranty/claims", payload).status_code == 403


def test_agents_read_their_own_claims_only(
    token_client, make_user, agent_user, other_agent, payload
):
    claim_id = _post(token_client(agent_user), "/api/v1/warranty/claims", payload).json()["id"]
    outsider = token_client(make_user(Role.AGENT, username="s-staff", agent=other_agent))
    assert outsider.get(f"/api/v1/warranty/claims/{claim_id}").status_code == 404
    assert outsider.get("/api/v1/warranty/claims").json()["items"] == []
    mine = token_client(agent_user).get("/api/v1/warranty/claims").json()["items"]
    assert [item["id"] for item in mine] == [claim_id]


def test_the_coverage_endpoint_is_scoped_like_the_unit(
    token_client, owner, stranger, serviced_unit
):
    serviced_unit.owner = owner
    serviced_unit.save()
    mine = token_client(owner.user).get(f"/api/v1/warranty/units/{serviced_unit.pk}/coverage")
    assert mine.status_code == 200
    body = mine.json()
    assert body["covered"] is True
    assert [line["kind"] for line in body["lines"]] == ["part", "labour", "travel"]
    assert body["lines"][1]["rule"] == "policy"
    theirs = token_client(stranger.user).get(f"/api/v1/warranty/units/{serviced_unit.pk}/coverage")
    assert theirs.status_code == 404


def test_decisions_through_the_api_follow_the_transition_rights(
    token_client, make_user, agent_user, payload
):
    claim_id = _post(token_client(agent_user), "/api/v1/warranty/claims", payload).json()["id"]
    Claim.objects.filter(pk=claim_id).update(status="review")
    finance = token_client(make_user(Role.FINANCE, username="fin"))
    path = f"/api/v1/warranty/claims/{claim_id}/decide"
    assert _post(finance, path, {"to": "approved"}).status_code == 403
    quality = token_client(make_user(Role.QUALITY, username="qa"))
    response = _post(quality, path, {"to": "rejected", "note": "photos missing"})
    assert response.status_code == 200
    assert response.json()["status"] == "rejected"
