"""The bar: an expired certification removes a technician from the candidates for the work that
needs it, in the dispatcher's form, in the scheduling service and in the API."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aftersales.service import services as service_services
from aftersales.service.models import Visit
from aftersales.workforce.models import Technician
from aftersales.workforce.selectors import Work, qualified


def _window(day=None, hour=10):
    day = day or timezone.localdate()
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
    return start, start + dt.timedelta(hours=2)


def test_qualified_keeps_the_valid_certificate_and_drops_the_expired_one(
    ac_request, certified, lapsed, today
):
    work = Work.of_request(ac_request)
    chosen = qualified(Technician.objects.all(), **work.kwargs(), on=today)
    assert list(chosen) == [certified]
    # the day before the certificate lapsed, both qualified
    assert set(
        qualified(Technician.objects.all(), **work.kwargs(), on=today - dt.timedelta(days=1))
    ) == {
        certified,
        lapsed,
    }


def test_the_plan_form_offers_only_the_qualified_and_says_why_not(
    ac_request, certified, lapsed, dispatcher, login
):
    page = login(dispatcher).get(f"/service/requests/{ac_request.pk}/plan/").content.decode()
    assert f'<option value="{certified.pk}"' in page
    assert f'<option value="{lapsed.pk}"' not in page
    assert "Expired Ebadi (The F-gas handling certification expired on" in page


def test_the_plan_form_refuses_the_expired_technician_and_saves_nothing(
    ac_request, lapsed, dispatcher, login
):
    start, end = _window()
    data = {
        "technician": lapsed.pk,
        "window_start": start.strftime("%Y-%m-%dT%H:%M"),
        "window_end": end.strftime("%Y-%m-%dT%H:%M"),
    }
    response = login(dispatcher).post(f"/service/requests/{ac_request.pk}/plan/", data)
    assert response.status_code == 400
    assert "The F-gas handling certification expired on" in response.content.decode()
    assert not Visit.objects.exists()
    ac_request.refresh_from_db()
    assert ac_request.status == "triaged"


def test_the_plan_form_accepts_the_certified_technician(ac_request, certified, dispatcher, login):
    start, end = _window()
    data = {
        "technician": certified.pk,
        "window_start": start.strftime("%Y-%m-%dT%H:%M"),
        "window_end": end.strftime("%Y-%m-%dT%H:%M"),
    }
    response = login(dispatcher).post(f"/service/requests/{ac_request.pk}/plan/", data)
    assert response.status_code == 302
    assert Visit.objects.get().technician == certified


def test_the_service_checks_the_day_of_the_window_not_today(
    ac_request, certified, dispatcher, today
):
    """A certificate valid today but expiring before the promised day does not count."""
    certificate = certified.certifications.get()
    certificate.expires_on = today + dt.timedelta(days=3)
    certificate.save()
    start, end = _window(today + dt.timedelta(days=5))
    with pytest.raises(ValidationError) as error:
        service_services.visit_schedule(
            request=ac_request,
            technician=certified,
            window_start=start,
            window_end=end,
            by=dispatcher,
        )
    assert "expired" in " ".join(error.value.message_dict["technician"])
    start, end = _window(today + dt.timedelta(days=2))
    visit = service_services.visit_schedule(
        request=ac_request, technician=certified, window_start=start, window_end=end, by=dispatcher
    )
    assert visit.technician == certified


def test_the_api_refuses_to_schedule_the_expired_technician(
    ac_request, lapsed, certified, dispatcher, api_client
):
    client = api_client(dispatcher)
    start, end = _window()
    body = {
        "technician_id": lapsed.pk,
        "window_start": start.isoformat(),
        "window_end": end.isoformat(),
    }
    url = f"/api/v1/service/requests/{ac_request.pk}/visits"
    response = _post(client, url, body)
    assert response.status_code == 422
    assert "expired" in " ".join(response.json()["errors"]["technician"])
    assert not Visit.objects.exists()
    body["technician_id"] = certified.pk
    body["window_start"] = start.replace(tzinfo=None).isoformat()  # naive: the caller's zone
    body["window_end"] = end.replace(tzinfo=None).isoformat()
    response = _post(client, url, body, headers={"Idempotency-Key": "plan-1"})
    again = _post(client, url, body, headers={"Idempotency-Key": "plan-1"})
    assert response.status_code == 201 and again.status_code == 201
    assert response.json()["technician_id"] == certified.pk
    assert Visit.objects.get().window_start == start


def _post(client, url, body, **kwargs):
    return client.post(url, json.dumps(body), content_type="application/json", **kwargs)


def test_the_api_candidates_exclude_the_expired_technician_with_the_reason(
    ac_request, certified, lapsed, dispatcher, api_client
):
    response = api_client(dispatcher).get(
        "/api/v1/workforce/candidates", {"request_id": ac_request.pk}
    )
    assert response.status_code == 200
    body = response.json()
    assert [row["id"] for row in body["candidates"]] == [certified.pk]
    excluded = {row["technician"]["id"]: row["reasons"] for row in body["excluded"]}
    assert lapsed.pk in excluded
    assert "The F-gas handling certification expired on" in excluded[lapsed.pk][0]


def test_the_api_candidates_for_a_visit_use_the_visits_day(
    ac_request, certified, dispatcher, api_client, today
):
    start, end = _window()
    visit = service_services.visit_schedule(
        request=ac_request, technician=certified, window_start=start, window_end=end, by=dispatcher
    )
    certificate = certified.certifications.get()
    certificate.expires_on = today - dt.timedelta(days=1)
    certificate.save()
    body = api_client(dispatcher).get("/api/v1/workforce/candidates", {"visit_id": visit.pk}).json()
    assert body["candidates"] == []
    assert body["on"] == today.isoformat()
