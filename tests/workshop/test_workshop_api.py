"""The workshop API: an idempotent receive, the moves, and scope (out of scope is a 404)."""

import json

import pytest

from aftersales.core.choices import Role
from aftersales.service import services as service
from aftersales.workshop.models import WorkshopJob

pytestmark = pytest.mark.django_db


def _post(client, path, data, **kwargs):
    return client.post(path, json.dumps(data), content_type="application/json", **kwargs)


def test_receive_is_idempotent(token_client, operator, service_request, centre):
    client = token_client(operator)
    body = {
        "request_id": service_request.pk,
        "workshop_id": centre.pk,
        "arrival": "carried_in",
        "condition": "Scratched",
        "accessories": "Remote",
    }
    first = _post(client, "/api/v1/workshop/jobs", body, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == 201, first.content
    again = _post(client, "/api/v1/workshop/jobs", body, headers={"Idempotency-Key": "k-1"})
    assert again.status_code == 201 and again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert WorkshopJob.objects.count() == 1
    twice = _post(client, "/api/v1/workshop/jobs", body, headers={"Idempotency-Key": "k-2"})
    assert twice.status_code == 422  # the unit is already in the workshop


def test_the_main_path_through_the_api(token_client, operator, received, technician):
    client = token_client(operator)
    base = f"/api/v1/workshop/jobs/{received.pk}"
    bench = _post(client, f"{base}/bench", {"technician_id": technician.pk})
    assert bench.status_code == 200 and bench.json()["status"] == "on_bench"
    (visit_id,) = bench.json()["bench_visit_ids"]
    from aftersales.service.models import Visit

    service.visit_close(
        visit=Visit.objects.get(pk=visit_id), by=technician.user, result="fixed", labour_minutes=5
    )
    ready = _post(client, f"{base}/ready", {"handover": "delivery", "repaired": True})
    assert ready.status_code == 200 and ready.json()["handover"] == "delivery"
    back = _post(client, f"{base}/return", {"returned_to": "Sara Karimi"})
    assert back.status_code == 200 and back.json()["status"] == "returned"
    refused = _post(client, f"{base}/cancel", {"reason": "late"})
    assert refused.status_code == 422


def test_scope_and_roles(token_client, agent_user, other_agent, make_user, received, centre):
    other = make_user(Role.AGENT, username="southstaff", agent=other_agent)
    assert token_client(agent_user).get(f"/api/v1/workshop/jobs/{received.pk}").status_code == 200
    assert token_client(other).get(f"/api/v1/workshop/jobs/{received.pk}").status_code == 404
    assert token_client(other).get("/api/v1/workshop/jobs").json()["items"] == []
    finance = make_user(Role.FINANCE, username="finance")
    body = {
        "request_id": received.request_id,
        "workshop_id": centre.pk,
        "arrival": "courier",
        "condition": "x",
    }
    assert _post(token_client(finance), "/api/v1/workshop/jobs", body).status_code == 403
    customer = received.request.customer.user
    listed = token_client(customer).get("/api/v1/workshop/jobs").json()["items"]
    assert [job["number"] for job in listed] == [received.number]
