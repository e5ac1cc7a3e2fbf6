"""The bar: a visit needing a skill no free technician has stays unassigned, with that reason."""

from aftersales.dispatch import services
from aftersales.dispatch.choices import Reason


def test_a_visit_no_technician_is_skilled_for_stays_unassigned_with_the_reason(
    dispatcher, make_technician, make_request, cooling, washing, day
):
    make_technician("Ali", categories=[cooling])
    make_technician("Bahram", categories=[cooling], lat=35.75)
    cool = make_request(cooling, day=day)
    wash = make_request(washing, day=day)

    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)

    rows = {row.request_id: row for row in plan.assignments.all()}
    assert rows[cool.pk].technician is not None
    assert rows[cool.pk].reason == ""
    assert rows[wash.pk].technician is None
    assert rows[wash.pk].starts_at is None
    assert rows[wash.pk].reason == Reason.NOT_QUALIFIED
    assert rows[wash.pk].get_reason_display() == (
        "No technician on duty has the skills and valid certifications for this work."
    )


def test_the_skilled_technician_is_chosen_though_another_lives_next_door(
    dispatcher, make_technician, make_request, cooling, washing, day
):
    make_technician("Near", categories=[cooling], lat=35.72, lon=51.42)
    far = make_technician("Far", categories=[washing], lat=35.60, lon=51.30)
    wash = make_request(washing, lat=35.72, lon=51.42, day=day)

    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)

    row = plan.assignments.get(request=wash)
    assert row.technician == far
    assert row.window_start <= row.starts_at < row.window_end


def test_a_request_wanted_after_the_plans_days_waits_with_its_reason(
    dispatcher, make_technician, make_request, cooling, day
):
    import datetime as dt

    make_technician("Ali", categories=[cooling])
    later = make_request(cooling, day=day + dt.timedelta(days=10))

    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)

    row = plan.assignments.get(request=later)
    assert row.technician is None
    assert row.reason == Reason.NO_TIME
