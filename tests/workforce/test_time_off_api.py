"""The time off API: a technician asks for their own, staff in scope decide, the decision names
the planned visits to give to another technician; out of scope is a 404."""

import datetime as dt

from django.utils import timezone

from aftersales.core.choices import Role
from aftersales.service import services as service_services
from aftersales.workforce.choices import AbsenceStatus
from aftersales.workforce.models import Absence
from tests.service.factories import technician_with_login


def test_ask_decide_and_list_through_the_api(
    api_client, dispatcher, ac_request, operator, today, cooling
):
    technician = technician_with_login(username="apitech")
    day = today + dt.timedelta(days=4)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(9)))
    visit = service_services.visit_schedule(
        request=ac_request,
        technician=technician,
        window_start=start,
        window_end=start + dt.timedelta(hours=2),
        by=operator,
    )
    tech = api_client(technician.user)
    created = tech.post(
        "/api/v1/workforce/absences",
        {"kind": "leave", "first_day": day.isoformat(), "note": "Wedding"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (
        body["status"] == "requested" and body["all_day"] and body["technician_id"] == technician.pk
    )
    # whole days: the days themselves, no midnight arithmetic for the caller
    assert body["first_day"] == body["last_day"] == day.isoformat()

    overlap = tech.post(
        "/api/v1/workforce/absences",
        {"kind": "sick", "starts_at": f"{day}T10:00:00", "ends_at": f"{day}T12:00:00"},
        content_type="application/json",
    )
    assert overlap.status_code == 422
    assert tech.post(
        f"/api/v1/workforce/absences/{body['id']}/decision",
        {"approve": True},
        content_type="application/json",
    ).status_code in (403, 404)

    decided = api_client(dispatcher).post(
        f"/api/v1/workforce/absences/{body['id']}/decision",
        {"approve": True},
        content_type="application/json",
    )
    assert decided.status_code == 200, decided.content
    answer = decided.json()
    assert answer["absence"]["status"] == "approved"
    assert [v["number"] for v in answer["visits"]] == [visit.number]

    listing = api_client(dispatcher).get(
        "/api/v1/workforce/absences", {"away_on": day.isoformat(), "status": "approved"}
    )
    assert [row["id"] for row in listing.json()["items"]] == [body["id"]]


def test_another_technicians_or_agents_absence_is_a_404(api_client, agent, other_agent, make_user):
    mine = technician_with_login(agent=agent, username="mine")
    theirs = technician_with_login(agent=other_agent, username="theirs")
    day = timezone.localdate() + dt.timedelta(days=2)
    payload = {"kind": "leave", "first_day": day.isoformat()}
    for technician in (mine, theirs):
        response = api_client(technician.user).post(
            "/api/v1/workforce/absences", payload, content_type="application/json"
        )
        assert response.status_code == 201
    their_absence = Absence.objects.get(technician=theirs)
    assert (
        api_client(mine.user).get(f"/api/v1/workforce/absences/{their_absence.pk}").status_code
        == 404
    )
    assert api_client(mine.user).get("/api/v1/workforce/absences").json()["count"] == 1
    # a technician may not ask for a colleague
    response = api_client(mine.user).post(
        "/api/v1/workforce/absences",
        {**payload, "technician_id": theirs.pk},
        content_type="application/json",
    )
    assert response.status_code == 404

    staff = make_user(Role.AGENT, username="staff", agent=agent)
    client = api_client(staff)
    assert client.get("/api/v1/workforce/absences").json()["count"] == 1
    response = client.post(
        f"/api/v1/workforce/absences/{their_absence.pk}/decision",
        {"approve": True},
        content_type="application/json",
    )
    assert response.status_code == 404
    their_absence.refresh_from_db()
    assert their_absence.status == AbsenceStatus.REQUESTED
    # staff enter an approved absence for their own technician directly
    response = client.post(
        "/api/v1/workforce/absences",
        {
            "technician_id": mine.pk,
            "kind": "sick",
            "first_day": (day + dt.timedelta(days=3)).isoformat(),
            "approved": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["status"] == "approved"
