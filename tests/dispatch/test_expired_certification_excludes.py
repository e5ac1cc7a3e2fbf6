"""The bar: an expired certification excludes a technician from the work that needs it."""

import datetime as dt

from aftersales.dispatch import services
from aftersales.dispatch.choices import Reason

from .conftest import certify


def test_the_technician_with_an_expired_certificate_is_passed_over(
    dispatcher, make_technician, make_request, cooling, f_gas, day
):
    lapsed = make_technician("Lapsed", categories=[cooling], lat=35.72, lon=51.42)
    certify(
        lapsed, f_gas, issued_on=day - dt.timedelta(days=800), expires_on=day - dt.timedelta(days=1)
    )
    valid = make_technician("Valid", categories=[cooling], lat=35.60, lon=51.30)
    certify(
        valid, f_gas, issued_on=day - dt.timedelta(days=30), expires_on=day + dt.timedelta(days=300)
    )
    repair = make_request(cooling, lat=35.72, lon=51.42, day=day)

    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)

    assert plan.assignments.get(request=repair).technician == valid


def test_with_only_an_expired_certificate_on_duty_the_visit_stays_unassigned(
    dispatcher, make_technician, make_request, cooling, f_gas, day
):
    lapsed = make_technician("Lapsed", categories=[cooling])
    certify(
        lapsed, f_gas, issued_on=day - dt.timedelta(days=800), expires_on=day - dt.timedelta(days=1)
    )
    repair = make_request(cooling, day=day)

    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)

    row = plan.assignments.get(request=repair)
    assert row.technician is None
    assert row.reason == Reason.NOT_QUALIFIED


def test_a_certificate_expiring_during_the_plan_counts_day_by_day(
    dispatcher, make_technician, make_request, cooling, f_gas, day
):
    tech = make_technician("Soon", categories=[cooling])
    certify(tech, f_gas, issued_on=day - dt.timedelta(days=300), expires_on=day)
    tomorrow = day + dt.timedelta(days=1)
    while tomorrow.weekday() == 4:
        tomorrow += dt.timedelta(days=1)
    today_job = make_request(cooling, day=day)
    later_job = make_request(cooling, day=tomorrow)

    plan = services.plan_create(
        by=dispatcher, first_day=day, days=(tomorrow - day).days + 1, seconds=1
    )

    assert plan.assignments.get(request=today_job).technician == tech
    assert plan.assignments.get(request=later_job).reason == Reason.NOT_QUALIFIED
