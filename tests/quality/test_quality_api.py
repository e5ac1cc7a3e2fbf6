"""The quality API: analytics for quality and managers (403 for others), idempotent creates,
404 for records out of scope, 422 with the field for bad input."""

import datetime as dt
import json

import pytest

from aftersales.quality.models import CorrectiveAction, CustomerNeed

from .conftest import make_claims, make_units

pytestmark = pytest.mark.django_db


@pytest.fixture
def fleet(ac_model, compressor):
    units = make_units(ac_model, count=100, produced=dt.date(2025, 1, 10))
    pairs = [(u, dt.date(2025, 2, 1) + dt.timedelta(days=11 * i)) for i, u in enumerate(units[:20])]
    make_claims(pairs, codes=[compressor])
    return units


def _post(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def test_analytics_over_the_api(login, quality, fleet, ac_model):
    client = login(quality)
    pareto = client.get("/api/v1/quality/pareto", {"product_model": ac_model.pk}).json()
    assert pareto[0]["key"] == "D-COMP" and pareto[0]["count"] == 20
    matrix = client.get(
        "/api/v1/quality/matrix", {"product_model": ac_model.pk, "months": 6}
    ).json()
    assert matrix["columns"] == [1, 2, 3, 4, 5, 6]
    assert matrix["rows"][0]["units"] == 100
    fit = client.get("/api/v1/quality/reliability", {"product_model": ac_model.pk}).json()
    assert fit["failures"] == 20 and fit["units"] == 100
    assert fit["shape"] > 0 and fit["b10_months"] > 0 and len(fit["forecast"]) == 12


def test_other_roles_are_refused(login, make_user, fleet, ac_model):
    client = login(make_user("operator", username="op"))
    assert client.get("/api/v1/quality/pareto").status_code == 403
    assert (
        client.get("/api/v1/quality/reliability", {"product_model": ac_model.pk}).status_code == 403
    )


def test_an_unknown_model_is_a_field_error(login, quality):
    response = login(quality).get("/api/v1/quality/pareto", {"product_model": 99999})
    assert response.status_code == 422
    assert "product_model" in response.json()["errors"]


def test_opening_a_capa_is_idempotent(login, quality, ac_model):
    client = login(quality)
    body = {"title": "Seizures", "source": "other", "problem": "p", "product_model": ac_model.pk}
    first = _post(client, "/api/v1/quality/actions", body, HTTP_IDEMPOTENCY_KEY="k-1")
    again = _post(client, "/api/v1/quality/actions", body, HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == 201 and again.status_code == 201
    assert first.json()["number"] == again.json()["number"]
    assert CorrectiveAction.objects.count() == 1
    capa = first.json()
    planned = _post(
        client,
        f"/api/v1/quality/actions/{capa['id']}/plan",
        {
            "root_cause": "Thin plates",
            "production_action": "New supplier",
            "owner": quality.pk,
            "due_date": (dt.date.today() + dt.timedelta(days=5)).isoformat(),
        },
    )
    assert planned.status_code == 200 and planned.json()["status"] == "planned"
    bad = _post(
        client, f"/api/v1/quality/actions/{capa['id']}/plan", {"effective_date": "2999-01-01"}
    )
    assert bad.status_code == 422 and "effective_date" in bad.json()["errors"]


def test_a_need_over_the_api_and_scope(login, make_user, agent, other_agent):
    mine = login(make_user("agent", username="mine", agent=agent))
    response = _post(mine, "/api/v1/quality/needs", {"summary": "Quieter night mode"})
    assert response.status_code == 201
    theirs = login(make_user("agent", username="theirs", agent=other_agent))
    assert theirs.get("/api/v1/quality/needs").json()["items"] == []
    assert mine.get("/api/v1/quality/needs").json()["count"] == 1
    assert CustomerNeed.objects.get().agent == agent


def test_process_versions_over_the_api(login, quality, service_data):
    from aftersales.service.models import ServiceType

    repair = ServiceType.objects.get(code="repair")
    client = login(quality)
    url = f"/api/v1/quality/processes/{repair.pk}/versions"
    body = {
        "requirements": "r",
        "change_note": "v1",
        "procedure": ["a", "b"],
        "targets": {"csat": 0.9},  # CSAT is a share, as insights counts it
    }
    assert _post(client, url, body).status_code == 201
    assert _post(client, url, {**body, "change_note": "v2"}).status_code == 201
    assert [v["version"] for v in client.get(url).json()] == [2, 1]
    bad = _post(client, url, {**body, "targets": {"nonsense": 1}})
    assert bad.status_code == 422 and "targets" in bad.json()["errors"]
    bad = _post(client, url, {**body, "targets": {"csat": 4.5}})
    assert bad.status_code == 422 and "targets" in bad.json()["errors"]
