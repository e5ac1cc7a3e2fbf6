"""The dispatcher's pages: plan a day, see the board (timeline, the reasons, the chart data),
move and pin by hand, re-plan, publish; lists with search and export."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from aftersales.dispatch.models import Assignment, Plan
from aftersales.service.choices import Status, VisitStatus
from aftersales.service.models import Visit


def _local(day, hour):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def test_the_dispatcher_plans_a_day_and_sees_the_board(
    dispatcher, login, make_technician, make_request, cooling, washing, day
):
    ali = make_technician("Ali", categories=[cooling])
    cool = make_request(cooling, day=day)
    wash = make_request(washing, day=day)
    client = login(dispatcher)

    response = client.post(
        "/dispatch/new/", {"first_day": day.isoformat(), "days": 1, "engine": "vroom"}
    )
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/dispatch/{plan.pk}/"

    page = client.get(f"/dispatch/{plan.pk}/").content.decode()
    assert f'id="lane-{ali.pk}-{day:%Y%m%d}"' in page
    assert f'data-request="{cool.number}"' in page  # on the timeline
    assert f'id="unplaced-{wash.pk}"' in page
    assert "No technician on duty has the skills and valid certifications" in page
    assert 'id="workload-data"' in page and "Ali Tech" in page


def test_a_bad_plan_form_is_refused_with_a_message_and_saves_nothing(dispatcher, login):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = login(dispatcher).post(
        "/dispatch/new/", {"first_day": yesterday.isoformat(), "days": 30, "engine": "x"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ensure this value is less than or equal to 7." in page
    assert "Select a valid choice." in page
    assert not Plan.objects.exists()


def test_move_pin_and_publish_through_the_pages(
    dispatcher, login, make_technician, make_request, cooling, day
):
    ali = make_technician("Ali", categories=[cooling])
    bob = make_technician("Bob", categories=[cooling], lat=35.75)
    request = make_request(cooling, day=day)
    client = login(dispatcher)
    client.post("/dispatch/new/", {"first_day": day.isoformat(), "days": 1, "engine": "vroom"})
    plan = Plan.objects.get()
    row = Assignment.objects.get()

    other = bob if row.technician == ali else ali
    start = _local(day, 10)
    response = client.post(
        f"/dispatch/assignments/{row.pk}/move/",
        {"technician": other.pk, "starts_at": start.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.technician, row.starts_at, row.pinned) == (other, start, True)

    client.post(f"/dispatch/assignments/{row.pk}/pin/", {"pinned": "0"})
    row.refresh_from_db()
    assert not row.pinned

    mail.outbox.clear()
    client.post(f"/dispatch/{plan.pk}/publish/")
    plan.refresh_from_db()
    row.refresh_from_db()
    visit = Visit.objects.get(request=request)
    assert plan.status == "published"
    assert row.visit == visit
    assert visit.technician == row.technician and visit.status == VisitStatus.PLANNED
    assert visit.window_start == row.window_start <= row.starts_at < visit.window_end
    request.refresh_from_db()
    assert request.status == Status.SCHEDULED


def test_republishing_a_changed_plan_reissues_only_the_moved_visit(
    dispatcher, login, make_technician, make_request, cooling, day
):
    ali = make_technician("Ali", categories=[cooling])
    bob = make_technician("Bob", categories=[cooling], lat=35.75)
    first = make_request(cooling, day=day)
    second = make_request(cooling, lat=35.60, day=day)
    client = login(dispatcher)
    client.post("/dispatch/new/", {"first_day": day.isoformat(), "days": 1, "engine": "vroom"})
    plan = Plan.objects.get()
    client.post(f"/dispatch/{plan.pk}/publish/")
    assert Visit.objects.filter(status=VisitStatus.PLANNED).count() == 2
    row = Assignment.objects.get(request=first)
    kept = Assignment.objects.get(request=second).visit

    other = bob if row.technician == ali else ali
    client.post(
        f"/dispatch/assignments/{row.pk}/move/",
        {"technician": other.pk, "starts_at": _local(day, 15).strftime("%Y-%m-%dT%H:%M")},
    )
    client.post(f"/dispatch/{plan.pk}/publish/")

    planned = Visit.objects.filter(status=VisitStatus.PLANNED)
    assert planned.count() == 2
    assert planned.get(request=first).technician == other
    assert Visit.objects.filter(request=first, status=VisitStatus.CANCELLED).count() == 1
    second_visit = planned.get(request=second)
    if Assignment.objects.get(request=second).technician == kept.technician:
        assert second_visit == kept


def test_the_assignment_list_searches_and_exports(
    dispatcher, login, make_technician, make_request, cooling, washing, day
):
    make_technician("Ali", categories=[cooling])
    cool = make_request(cooling, day=day)
    wash = make_request(washing, day=day)
    client = login(dispatcher)
    client.post("/dispatch/new/", {"first_day": day.isoformat(), "days": 1, "engine": "greedy"})
    plan = Plan.objects.get()

    page = client.get(f"/dispatch/{plan.pk}/assignments/?placed=false").content.decode()
    assert wash.number in page and cool.number not in page
    export = client.get(f"/dispatch/{plan.pk}/assignments/?export=csv")
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode()
    assert cool.number in text and wash.number in text
    assert client.get("/dispatch/?q=" + plan.number).status_code == 200


def test_the_move_form_offers_only_technicians_who_can_take_the_work(
    dispatcher, login, make_technician, make_request, cooling, washing, day
):
    ali = make_technician("Ali", categories=[cooling])
    bob = make_technician("Bob", categories=[cooling], lat=35.75)
    washer = make_technician("Wash", categories=[washing])
    homeless = make_technician("Nomad", categories=[cooling])
    homeless.home_latitude = homeless.home_longitude = None
    homeless.save()
    make_request(cooling, day=day)
    client = login(dispatcher)
    client.post("/dispatch/new/", {"first_day": day.isoformat(), "days": 1, "engine": "vroom"})
    row = Assignment.objects.get()

    page = client.get(f"/dispatch/assignments/{row.pk}/move/").content.decode()
    assert f'value="{ali.pk}"' in page and f'value="{bob.pk}"' in page
    assert f'value="{washer.pk}"' not in page  # not skilled for an air conditioner
    assert f'value="{homeless.pk}"' not in page  # nowhere to start from
