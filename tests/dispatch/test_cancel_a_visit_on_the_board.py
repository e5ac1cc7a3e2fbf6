"""The dispatcher cancels a visit on the board: its published visit is cancelled (the customer's
window freed, the request back to triaged), it is listed as not placed with why, re-planning
leaves it out, and placing it by hand brings it back."""

import datetime as dt

from django.utils import timezone

from aftersales.dispatch import services
from aftersales.dispatch.choices import Reason
from aftersales.service.choices import Status, VisitStatus


def test_a_visit_cancelled_on_the_board_stays_out_until_placed_by_hand(
    login, dispatcher, make_technician, make_request, cooling, day
):
    ali = make_technician("Ali", categories=[cooling])
    request = make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    services.plan_publish(plan=plan, by=dispatcher)
    row = plan.assignments.get(request=request)
    visit = row.visit
    client = login(dispatcher)
    board = client.get(f"/dispatch/{plan.pk}/").content.decode()
    assert f"/dispatch/assignments/{row.pk}/cancel/" in board

    page = client.post(f"/dispatch/assignments/{row.pk}/cancel/", follow=True).content.decode()
    assert "Cancelled: the visit is out of the plan" in page
    assert f'id="unplaced-{request.pk}"' in page and "cancelled by hand" in page
    visit.refresh_from_db()
    request.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED and request.status == Status.TRIAGED
    row.refresh_from_db()
    assert row.technician is None and row.reason == Reason.CANCELLED

    services.plan_run(plan=plan, by=dispatcher, seconds=1)
    row.refresh_from_db()
    assert row.technician is None and row.reason == Reason.CANCELLED

    start = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    services.assignment_move(
        assignment=row, technician=ali, starts_at=start, by=dispatcher, seconds=1
    )
    row.refresh_from_db()
    assert row.technician == ali and row.reason == "" and row.starts_at == start
