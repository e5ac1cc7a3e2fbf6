"""The bar: a pinned visit keeps its technician and time after re-planning; an urgent request
is inserted into the plan by re-planning, with the pinned and started visits kept."""

import datetime as dt

from django.utils import timezone

from aftersales.dispatch import services
from aftersales.service.choices import Priority


def _at(day, hour, minute=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def test_a_moved_visit_is_pinned_and_keeps_technician_and_time_after_replanning(
    dispatcher, make_technician, make_request, cooling, day
):
    near = make_technician("Near", categories=[cooling], lat=35.72, lon=51.42)
    far = make_technician("Far", categories=[cooling], lat=35.60, lon=51.30)
    first = make_request(cooling, lat=35.721, lon=51.421, day=day)
    second = make_request(cooling, lat=35.725, lon=51.425, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    row = plan.assignments.get(request=first)
    assert row.technician == near  # the optimiser's choice: the one next door

    moved = services.assignment_move(
        assignment=row, technician=far, starts_at=_at(day, 14, 30), by=dispatcher, seconds=1
    )
    assert moved.pinned
    assert (moved.technician, moved.starts_at) == (far, _at(day, 14, 30))

    services.plan_run(plan=plan, by=dispatcher, seconds=1)
    services.plan_run(plan=plan, by=dispatcher, seconds=1)

    row = plan.assignments.get(request=first)
    assert row.pinned
    assert row.technician == far
    assert row.starts_at == _at(day, 14, 30)
    assert row.ends_at == row.starts_at + dt.timedelta(minutes=row.duration_minutes)
    assert plan.assignments.get(request=second).technician is not None  # placed around it


def test_an_urgent_request_is_inserted_by_replanning(
    dispatcher, make_technician, make_request, cooling, day
):
    make_technician("Ali", categories=[cooling])
    make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    pinned = plan.assignments.get()
    services.assignment_pin(assignment=pinned, pinned=True, by=dispatcher)
    kept = (pinned.technician_id, pinned.starts_at)

    urgent = make_request(cooling, lat=35.70, lon=51.45, day=day)
    type(urgent).objects.filter(pk=urgent.pk).update(priority=Priority.URGENT)
    services.plan_run(plan=plan, by=dispatcher, seconds=1)

    assert plan.assignments.count() == 2
    new = plan.assignments.get(request=urgent)
    assert new.technician is not None and new.reason == ""
    pinned.refresh_from_db()
    assert (pinned.technician_id, pinned.starts_at) == kept


def test_moving_a_visit_outside_the_shift_is_refused_and_changes_nothing(
    dispatcher, make_technician, make_request, cooling, day
):
    tech = make_technician("Ali", categories=[cooling])
    make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    row = plan.assignments.get()
    before = (row.technician_id, row.starts_at, row.pinned)
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.assignment_move(
            assignment=row, technician=tech, starts_at=_at(day, 22), by=dispatcher, seconds=1
        )
    assert "shift" in str(error.value)
    row.refresh_from_db()
    assert (row.technician_id, row.starts_at, row.pinned) == before
