"""The agent network over the API: scope, lifecycle, idempotent creates, grades, the plan."""

import pytest
from django.test import Client

from aftersales.agents import services
from aftersales.agents.models import Contract, Criterion, Evaluation, Grade
from aftersales.core.services import api_token_create


@pytest.fixture
def api():
    def make(user):
        _token, key = api_token_create(user=user, name="test")
        return Client(headers={"authorization": f"Bearer {key}"})

    return make


@pytest.fixture
def candidate(db, network_defaults):
    return services.agent_apply(
        name="Candidate", country="IR", region="Gilan", city="Rasht", contact_name="Ali"
    )


def test_agent_staff_see_only_their_agent(api, agent, other_agent, agent_user):
    client = api(agent_user)
    listed = client.get("/api/v1/agents/").json()
    assert [row["code"] for row in listed["items"]] == [agent.code]
    assert client.get(f"/api/v1/agents/{other_agent.pk}").status_code == 404
    assert client.get(f"/api/v1/agents/{agent.pk}").json()["status"] == "active"


def test_a_candidate_is_evaluated_once_per_idempotency_key(api, candidate, manager):
    client = api(manager)
    ratings = {c.code: 6 for c in Criterion.objects.all()}
    url = f"/api/v1/agents/{candidate.pk}/evaluations"
    headers = {"Idempotency-Key": "eval-1"}
    first = client.post(url, {"ratings": ratings}, content_type="application/json", headers=headers)
    again = client.post(url, {"ratings": ratings}, content_type="application/json", headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json()["score"] == "60.00" and again.json() == first.json()
    assert Evaluation.objects.filter(agent=candidate).count() == 1
    bad = client.post(url, {"ratings": {**ratings, "charm": 9}}, content_type="application/json")
    assert bad.status_code == 422 and "charm" in bad.json()["errors"]["ratings"][0]


def test_the_lifecycle_over_the_api(api, candidate, manager, agent_user):
    client = api(manager)
    ratings = {c.code: 8 for c in Criterion.objects.all()}
    client.post(
        f"/api/v1/agents/{candidate.pk}/evaluations",
        {"ratings": ratings},
        content_type="application/json",
    )
    moved = client.post(
        f"/api/v1/agents/{candidate.pk}/transition",
        {"to": "selected"},
        content_type="application/json",
    )
    assert moved.status_code == 200 and moved.json()["status"] == "selected"
    refused = client.post(
        f"/api/v1/agents/{candidate.pk}/transition",
        {"to": "active"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    contract = client.post(
        f"/api/v1/agents/{candidate.pk}/contracts",
        {"starts_on": "2026-01-01", "ends_on": "2030-12-31", "regions": ["Gilan"]},
        content_type="application/json",
    )
    assert contract.status_code == 201 and contract.json()["number"].startswith("CTR-2026-")
    assert Contract.objects.filter(agent=candidate).count() == 1
    staff = api(agent_user)
    assert (
        staff.post(
            f"/api/v1/agents/{candidate.pk}/transition",
            {"to": "active"},
            content_type="application/json",
        ).status_code
        == 404
    )


def test_grades_scorecards_and_may_take(api, agent, manager, agent_user, network_defaults):
    client = api(manager)
    card = client.post(
        f"/api/v1/agents/{agent.pk}/scorecards",
        {"start": "2026-01-01", "end": "2026-03-31"},
        content_type="application/json",
    )
    assert card.status_code == 201 and card.json()["jobs"] == 0 and card.json()["score"] is None
    given = client.post(
        f"/api/v1/agents/{agent.pk}/grade",
        {"grade": "B", "valid_from": "2026-04-01"},
        content_type="application/json",
    )
    assert given.status_code == 201
    on = api(agent_user).get(f"/api/v1/agents/{agent.pk}/grade", {"on": "2026-04-02"}).json()
    assert on["grade"]["code"] == "B" and on["grade"]["tariff_level"] == 2
    before = client.get(f"/api/v1/agents/{agent.pk}/grade", {"on": "2026-03-31"}).json()
    assert before["grade"] is None
    answer = client.get(f"/api/v1/agents/{agent.pk}/may-take", {"on": "2026-04-02"}).json()
    assert answer["allowed"] is False and "no contract" in answer["reasons"][0]
    assert [g["code"] for g in client.get("/api/v1/agents/grades").json()] == ["A", "B", "C"]
    assert (
        api(agent_user)
        .post(
            f"/api/v1/agents/{agent.pk}/scorecards",
            {"start": "2026-01-01", "end": "2026-03-31"},
            content_type="application/json",
        )
        .status_code
        == 403
    )
    assert Grade.objects.count() == 3


def test_the_plan_over_the_api(api, manager, agent_user, agent):
    response = api(manager).get("/api/v1/agents/plan", {"start": "2026-01-01", "end": "2026-01-31"})
    assert response.status_code == 200
    assert any(region["agents"] == [agent.pk] for region in response.json())
    assert (
        api(agent_user)
        .get("/api/v1/agents/plan", {"start": "2026-01-01", "end": "2026-01-31"})
        .status_code
        == 403
    )


def test_a_scorecard_period_must_be_whole(api, agent, manager, network_defaults):
    response = api(manager).post(
        f"/api/v1/agents/{agent.pk}/scorecards",
        {"start": "2026-03-31", "end": "2026-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 422
