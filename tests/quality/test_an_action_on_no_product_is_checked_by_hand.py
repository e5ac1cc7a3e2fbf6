"""An action on no product model (a process, people) has no claim rate to measure: a person
checks whether the problem came back and writes what they checked; it was a dead end before."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError

from aftersales.quality import services
from aftersales.quality.choices import CapaSource, CapaStatus, Verdict

pytestmark = pytest.mark.django_db


@pytest.fixture
def rude_visits(quality):
    capa = services.capa_open(
        by=quality,
        title="Technicians leave without explaining the repair",
        source=CapaSource.OTHER,
        problem="Complaints say nobody explained what was done.",
    )
    return services.capa_update(
        capa=capa,
        by=quality,
        root_cause_category="method",
        root_cause="The visit procedure has no hand-over step.",
        production_action="A hand-over step added to the visit procedure; technicians trained.",
        owner=quality,
        due_date=dt.date.today() + dt.timedelta(days=30),
        effective_date=dt.date.today() - dt.timedelta(days=90),
    )


def test_the_engineer_records_the_check_on_the_page(login, quality, rude_visits):
    assert rude_visits.status == CapaStatus.IMPLEMENTED
    client = login(quality)
    page = client.get(rude_visits.get_absolute_url()).content.decode()
    assert 'id="check"' in page and 'id="verify"' not in page  # no claim rate to test

    url = f"/quality/actions/{rude_visits.pk}/check/"
    refused = client.post(url, {"effective": "1", "evidence": "  "})
    assert refused.status_code == 400 and "is-invalid" in refused.content.decode()
    rude_visits.refresh_from_db()
    assert rude_visits.status == CapaStatus.IMPLEMENTED and not rude_visits.verified_at

    client.post(url, {"effective": "0", "evidence": "Two complaints of the same kind in June."})
    rude_visits.refresh_from_db()
    assert (rude_visits.status, rude_visits.verdict) == (
        CapaStatus.NOT_EFFECTIVE,
        Verdict.CHECKED_NOT_EFFECTIVE,
    )
    assert rude_visits.closed_at is None  # still open: planned again or checked again

    client.post(
        url, {"effective": "1", "evidence": "No such complaint since July; 10 visits audited."}
    )
    rude_visits.refresh_from_db()
    assert (rude_visits.status, rude_visits.verdict) == (
        CapaStatus.EFFECTIVE,
        Verdict.CHECKED_EFFECTIVE,
    )
    assert rude_visits.closed_at is not None
    page = client.get(rude_visits.get_absolute_url()).content.decode()
    assert "10 visits audited" in page and 'id="check"' not in page


def test_an_action_on_a_model_is_verified_by_its_claim_rate(quality, rude_visits, ac_model):
    rude_visits.product_model = ac_model
    rude_visits.save()
    with pytest.raises(ValidationError):
        services.capa_check(capa=rude_visits, by=quality, effective=True, evidence="Looked fine.")


def test_only_the_quality_roles_check(login, operator, rude_visits):
    response = login(operator).post(
        f"/quality/actions/{rude_visits.pk}/check/", {"effective": "1", "evidence": "x"}
    )
    assert response.status_code == 404
    rude_visits.refresh_from_db()
    assert rude_visits.status == CapaStatus.IMPLEMENTED


def test_the_api_records_the_check(quality, rude_visits, login):
    client = login(quality)
    url = f"/api/v1/quality/actions/{rude_visits.pk}/check"

    def post(body):
        return client.post(url, json.dumps(body), content_type="application/json")

    assert post({"effective": True, "evidence": ""}).status_code == 422
    done = post({"effective": True, "evidence": "Audit of 10 visits."})
    assert done.status_code == 200
    assert (done.json()["status"], done.json()["evidence"]) == ("effective", "Audit of 10 visits.")
