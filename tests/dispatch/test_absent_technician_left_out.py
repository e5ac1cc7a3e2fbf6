"""Approved time off in dispatch: a technician away all day is left out of that day by the
optimiser and the greedy planner (their lane shows them away, and why); a few hours away
shorten the shift; a visit moved by hand onto the absence is refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aftersales.dispatch import services
from aftersales.workforce import services as workforce_services
from aftersales.workforce.choices import AbsenceKind


def _local(day, hour, minute=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _away(technician, starts_at, ends_at, *, by, all_day=False, kind=AbsenceKind.LEAVE):
    return workforce_services.absence_record(
        technician=technician,
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=all_day,
        kind=kind,
        by=by,
    ).absence


@pytest.mark.parametrize("engine", ["vroom", "greedy"])
def test_a_technician_on_leave_gets_no_visit_that_day(
    engine, dispatcher, login, make_technician, make_request, cooling, day
):
    near = make_technician("Near", categories=[cooling], lat=35.72, lon=51.42)
    far = make_technician("Far", categories=[cooling], lat=35.60, lon=51.30)
    _away(near, *workforce_services.whole_days(day, day), by=dispatcher, all_day=True)
    jobs = [make_request(cooling, lat=35.72, lon=51.42 + n / 100, day=day) for n in range(3)]

    plan = services.plan_create(by=dispatcher, first_day=day, engine=engine, seconds=1)

    rows = plan.assignments.filter(request__in=jobs)
    assert {row.technician for row in rows} == {far}
    assert not plan.assignments.filter(technician=near).exists()
    page = login(dispatcher).get(f"/dispatch/{plan.pk}/").content.decode()
    lane = page.split(f'id="lane-{near.pk}-{day:%Y%m%d}"', 1)[1].split("</div>", 1)[0]
    assert "Away (Leave)" in lane


@pytest.mark.parametrize("engine", ["vroom", "greedy"])
def test_hours_away_shorten_the_shift(
    engine, dispatcher, login, make_technician, make_request, cooling, day
):
    only = make_technician("Only", categories=[cooling])
    _away(only, _local(day, 0), _local(day, 13), by=dispatcher, kind=AbsenceKind.TRAINING)
    job = make_request(cooling, day=day)

    plan = services.plan_create(by=dispatcher, first_day=day, engine=engine, seconds=1)

    row = plan.assignments.get(request=job)
    assert row.technician == only
    assert timezone.localtime(row.starts_at) >= _local(day, 13)
    page = login(dispatcher).get(f"/dispatch/{plan.pk}/").content.decode()
    assert "Away part of the day (Training course)" in page
    assert 'class="bar-away"' in page


def test_time_off_in_the_middle_of_the_day_splits_the_shift(
    dispatcher, make_technician, make_request, cooling, day
):
    only = make_technician("Only", categories=[cooling])
    _away(only, _local(day, 10), _local(day, 15), by=dispatcher, kind=AbsenceKind.PUBLIC_DUTY)
    jobs = [make_request(cooling, lat=35.72, lon=51.42 + n / 100, day=day) for n in range(3)]

    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)

    for row in plan.assignments.filter(request__in=jobs, technician=only):
        start, end = timezone.localtime(row.starts_at), timezone.localtime(row.ends_at)
        assert end <= _local(day, 10) or start >= _local(day, 15)


def test_moving_a_visit_onto_time_off_is_refused(
    dispatcher, make_technician, make_request, cooling, day
):
    ali = make_technician("Ali", categories=[cooling])
    bob = make_technician("Bob", categories=[cooling], lat=35.75)
    make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    row = plan.assignments.get()
    other = bob if row.technician == ali else ali
    _away(other, *workforce_services.whole_days(day, day), by=dispatcher, all_day=True)

    with pytest.raises(ValidationError, match="is away then"):
        services.assignment_move(
            assignment=row, technician=other, starts_at=_local(day, 10), by=dispatcher, seconds=1
        )
