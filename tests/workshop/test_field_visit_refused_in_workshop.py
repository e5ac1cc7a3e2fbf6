"""While a workshop holds the unit, no one is sent to repair it at the customer's: the service
function, the planning page and the API refuse, saying where the unit is and since when; its
delivery or pick-up may be planned; once it is handed back, a visit may be planned again."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aftersales.service import planning
from aftersales.service import services as service
from aftersales.service.choices import VisitPurpose
from aftersales.workshop import services
from aftersales.workshop.planning import unit_in_workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def triaged(received, operator):
    """The request of the unit in the workshop, triaged (a visit could be planned for it)."""
    return service.request_triage(request=received.request, by=operator)


def _window():
    start = (timezone.now() + dt.timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    return start, start + dt.timedelta(hours=2)


def _plan(request, technician, by, purpose=VisitPurpose.FIELD):
    start, end = _window()
    return service.visit_schedule(
        request=request,
        technician=technician,
        window_start=start,
        window_end=end,
        by=by,
        purpose=purpose,
    )


def test_the_workshop_registers_its_check():
    assert unit_in_workshop in planning._checks


def test_the_service_refuses_a_field_visit_and_allows_a_delivery(
    triaged, received, technician, dispatcher
):
    with pytest.raises(ValidationError) as refused:
        _plan(triaged, technician, dispatcher)
    text = " ".join(refused.value.messages)
    assert "Tehran service centre" in text and received.number in text
    assert timezone.localdate(received.received_at).strftime("%Y") in text  # since when
    assert not triaged.visits.exists()
    delivery = _plan(triaged, technician, dispatcher, purpose=VisitPurpose.DELIVERY)
    assert delivery.purpose == VisitPurpose.DELIVERY


def test_the_planning_page_refuses_and_offers_a_delivery(
    login, triaged, received, technician, dispatcher
):
    client = login(dispatcher)
    url = f"/service/requests/{triaged.pk}/plan/"
    assert 'name="purpose"' in client.get(url).content.decode()
    start, end = _window()
    data = {
        "technician": technician.pk,
        "window_start": timezone.localtime(start).strftime("%Y-%m-%dT%H:%M"),
        "window_end": timezone.localtime(end).strftime("%Y-%m-%dT%H:%M"),
    }
    refused = client.post(url, {**data, "purpose": "field"})
    assert refused.status_code == 400
    assert "is in the workshop Tehran service centre" in refused.content.decode()
    assert not triaged.visits.exists()
    planned = client.post(url, {**data, "purpose": "delivery"})
    assert planned.status_code == 302
    assert triaged.visits.get().purpose == VisitPurpose.DELIVERY


def test_the_api_refuses_and_allows_a_delivery(
    token_client, triaged, received, technician, dispatcher
):
    client = token_client(dispatcher)
    start, end = _window()
    body = {
        "technician_id": technician.pk,
        "window_start": start.isoformat(),
        "window_end": end.isoformat(),
    }
    url = f"/api/v1/service/requests/{triaged.pk}/visits"
    refused = client.post(url, json.dumps(body), content_type="application/json")
    assert refused.status_code == 422
    assert received.number in json.dumps(refused.json(), ensure_ascii=False)
    body["purpose"] = "delivery"
    planned = client.post(url, json.dumps(body), content_type="application/json")
    assert planned.status_code == 201 and planned.json()["purpose"] == "delivery"
    body["purpose"] = "bench"  # bench work is planned from the workshop job only
    assert client.post(url, json.dumps(body), content_type="application/json").status_code == 422


def test_a_field_visit_is_planned_again_once_the_unit_is_handed_back(
    triaged, received, technician, operator, dispatcher
):
    services.job_ready(
        job=received, by=operator, handover="collection", repaired=False, reason="No parts"
    )
    with pytest.raises(ValidationError, match="in the workshop"):
        _plan(triaged, technician, dispatcher)
    services.job_return(job=received, by=operator, returned_to="Sara Karimi")
    visit = _plan(triaged, technician, dispatcher)
    assert visit.purpose == VisitPurpose.FIELD


def test_bench_work_is_not_refused(received, technician, operator):
    visit = services.job_start_bench(job=received, technician=technician, by=operator)
    assert visit.purpose == VisitPurpose.BENCH
