"""The API for plans and assignments, and who sees what: agents plan their own technicians and
requests only; another agent's plan is a 404 (pages and API)."""

import datetime as dt

from django.utils import timezone

from aftersales.core.choices import Role
from aftersales.dispatch.models import Plan


def _token_client(user):
    from django.test import Client

    from aftersales.core.services import api_token_create

    _token, key = api_token_create(user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def test_the_api_creates_idempotently_lists_moves_and_publishes(
    dispatcher, make_technician, make_request, cooling, washing, day
):
    ali = make_technician("Ali", categories=[cooling])
    cool = make_request(cooling, day=day)
    make_request(washing, day=day)
    api = _token_client(dispatcher)
    body = {"first_day": day.isoformat(), "days": 1, "seconds": 1}

    first = api.post(
        "/api/v1/dispatch/plans",
        body,
        content_type="application/json",
        headers={"Idempotency-Key": "plan-1"},
    )
    again = api.post(
        "/api/v1/dispatch/plans",
        body,
        content_type="application/json",
        headers={"Idempotency-Key": "plan-1"},
    )
    assert first.status_code == 201, first.content
    assert again.json()["id"] == first.json()["id"]
    assert Plan.objects.count() == 1
    plan_id = first.json()["id"]

    rows = api.get(f"/api/v1/dispatch/plans/{plan_id}/assignments").json()["items"]
    by_request = {row["request_id"]: row for row in rows}
    assert by_request[cool.pk]["technician_id"] == ali.pk
    unplaced = [row for row in rows if row["technician_id"] is None]
    assert [row["reason"] for row in unplaced] == ["not_qualified"]

    start = timezone.make_aware(dt.datetime.combine(day, dt.time(11)))
    moved = api.post(
        f"/api/v1/dispatch/assignments/{by_request[cool.pk]['id']}/move",
        {"technician_id": ali.pk, "starts_at": start.isoformat(), "seconds": 1},
        content_type="application/json",
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["pinned"] is True
    assert dt.datetime.fromisoformat(moved.json()["starts_at"]) == start

    late = api.post(
        f"/api/v1/dispatch/assignments/{by_request[cool.pk]['id']}/move",
        {"technician_id": ali.pk, "starts_at": (start + dt.timedelta(hours=12)).isoformat()},
        content_type="application/json",
    )
    assert late.status_code == 422
    assert "starts_at" in late.json()["errors"]

    published = api.post(f"/api/v1/dispatch/plans/{plan_id}/publish")
    assert published.json()["status"] == "published"


def test_an_agent_plans_only_their_own_technicians_and_requests(
    agent_user, agent, other_agent, dispatcher, login, make_technician, make_request, cooling, day
):
    own = make_technician("Own", categories=[cooling], agent=agent)
    make_technician("Theirs", categories=[cooling], agent=other_agent)
    maker = make_technician("Maker", categories=[cooling])
    mine = make_request(cooling, day=day, agent=agent)
    theirs = make_request(cooling, day=day, agent=other_agent)
    makers = make_request(cooling, day=day)

    client = login(agent_user)
    response = client.post(
        "/dispatch/new/", {"first_day": day.isoformat(), "days": 1, "engine": "vroom"}
    )
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.agent == agent
    rows = {row.request_id: row for row in plan.assignments.all()}
    assert set(rows) == {mine.pk}
    assert rows[mine.pk].technician == own

    # the maker's dispatcher plans the maker's own; the agent cannot see that plan
    dispatcher_client = login(dispatcher)
    dispatcher_client.post(
        "/dispatch/new/", {"first_day": day.isoformat(), "days": 1, "engine": "vroom"}
    )
    makers_plan = Plan.objects.get(agent=None)
    assert {r.request_id: r.technician for r in makers_plan.assignments.all()} == {makers.pk: maker}
    assert theirs.pk not in rows
    assert client.get(f"/dispatch/{makers_plan.pk}/").status_code == 404
    assert client.post(f"/dispatch/{makers_plan.pk}/publish/").status_code == 404
    assert (
        _token_client(agent_user).get(f"/api/v1/dispatch/plans/{makers_plan.pk}").status_code == 404
    )
    listing = client.get("/dispatch/").content.decode()
    assert plan.number in listing and makers_plan.number not in listing


def test_roles_without_planning_get_404(make_user, login, dispatcher, day, service_data):
    from aftersales.dispatch import services

    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    for role in (Role.OPERATOR, Role.TECHNICIAN, Role.FINANCE):
        client = login(make_user(role, username=f"u-{role}"))
        assert client.get(f"/dispatch/{plan.pk}/").status_code == 404
        assert client.get("/dispatch/new/").status_code == 404
