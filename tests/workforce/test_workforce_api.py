"""The workforce API: technicians with skills and certifications, in scope; certifications
expiring; tools and vehicles."""

import datetime as dt

from tests.factories import TechnicianFactory

from .conftest import certify


def test_technicians_come_with_skills_and_certifications(dispatcher, certified, lapsed, api_client):
    body = api_client(dispatcher).get("/api/v1/workforce/technicians").json()
    assert body["count"] == 2
    rows = {row["full_name"]: row for row in body["items"]}
    valid = rows["Valid Vahidi"]
    assert [c["code"] for c in valid["categories"]] == ["ac"]
    assert valid["certifications"][0]["qualification"] == "F-gas handling"
    assert valid["certifications"][0]["state"] == "valid"
    assert rows["Expired Ebadi"]["certifications"][0]["state"] == "expired"


def test_one_technician_and_filters(dispatcher, certified, lapsed, agent, api_client):
    client = api_client(dispatcher)
    one = client.get(f"/api/v1/workforce/technicians/{certified.pk}").json()
    assert one["id"] == certified.pk and one["service_types"] == []
    TechnicianFactory(last_name="Agentman", agent=agent)
    names = [
        r["last_name"]
        for r in client.get("/api/v1/workforce/technicians", {"agent_id": agent.pk}).json()["items"]
    ]
    assert names == ["Agentman"]
    names = [
        r["last_name"]
        for r in client.get("/api/v1/workforce/technicians", {"agent_id": 0}).json()["items"]
    ]
    assert names == ["Ebadi", "Vahidi"]
    assert client.get("/api/v1/workforce/technicians", {"q": "vahi"}).json()["count"] == 1


def test_another_agents_technician_is_a_404(agent_user, agent, other_agent, api_client):
    ours, theirs = TechnicianFactory(agent=agent), TechnicianFactory(agent=other_agent)
    client = api_client(agent_user)
    assert client.get(f"/api/v1/workforce/technicians/{ours.pk}").status_code == 200
    assert client.get(f"/api/v1/workforce/technicians/{theirs.pk}").status_code == 404
    assert [r["id"] for r in client.get("/api/v1/workforce/technicians").json()["items"]] == [
        ours.pk
    ]


def test_a_customer_sees_no_technicians(owner, certified, api_client):
    response = api_client(owner.user).get(f"/api/v1/workforce/technicians/{certified.pk}")
    assert response.status_code == 404


def test_certifications_expiring_within_days(dispatcher, f_gas, today, api_client):
    soon = TechnicianFactory(last_name="Soon")
    certify(
        soon,
        f_gas,
        issued_on=today - dt.timedelta(days=700),
        expires_on=today + dt.timedelta(days=10),
    )
    certify(TechnicianFactory(), f_gas, issued_on=today, expires_on=today + dt.timedelta(days=200))
    body = (
        api_client(dispatcher)
        .get("/api/v1/workforce/certifications", {"expiring_within": 30})
        .json()
    )
    assert [row["technician_id"] for row in body["items"]] == [soon.pk]
    assert body["items"][0]["state"] == "expiring"
    bad = api_client(dispatcher).get("/api/v1/workforce/certifications", {"expiring_within": -1})
    assert bad.status_code == 422


def test_candidates_need_a_request_or_a_visit_and_respect_scope(
    dispatcher, agent_user, ac_request, api_client
):
    assert api_client(dispatcher).get("/api/v1/workforce/candidates").status_code == 422
    assert (
        api_client(dispatcher)
        .get("/api/v1/workforce/candidates", {"request_id": 999999})
        .status_code
        == 404
    )


def test_assets_with_holder_and_service_state(keeper, van, drill, api_client):
    body = api_client(keeper).get("/api/v1/workforce/assets", {"kind": "vehicle"}).json()
    assert [row["code"] for row in body["items"]] == ["VAN-01"]
    assert body["items"][0]["service_due"] == "ok" and body["items"][0]["due_km"] == 30000
