"""Dispatch plans no visit at the customer's for a unit a workshop holds: the optimiser leaves it
out, moving it by hand and publishing are refused with where the unit is; a bench visit under
way is no one's drive; once the unit is handed back it is planned again."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aftersales.dispatch import services
from aftersales.workshop import services as workshop

from .conftest import receive


def _at(day, hour):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def test_the_optimiser_leaves_out_a_unit_in_the_workshop_until_it_is_back(
    dispatcher, operator, make_technician, make_request, cooling, day, centre
):
    make_technician("Ali", categories=[cooling])
    held = make_request(cooling, day=day)
    free = make_request(cooling, lat=35.73, lon=51.43, day=day)
    job = receive(held, centre, operator)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    assert list(plan.assignments.values_list("request", flat=True)) == [free.pk]

    workshop.job_ready(job=job, by=operator, handover="delivery", repaired=False, reason="Old")
    workshop.job_return(job=job, by=operator, returned_to="The customer")
    services.plan_run(plan=plan, by=dispatcher, seconds=1)
    assert plan.assignments.get(request=held).technician is not None


def test_moving_and_publishing_are_refused_once_the_unit_came_in(
    dispatcher, operator, make_technician, make_request, cooling, day, centre
):
    ali = make_technician("Ali", categories=[cooling])
    request = make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    row = plan.assignments.get(request=request)
    assert row.technician == ali
    job = receive(request, centre, operator)  # carried in after the plan was made
    with pytest.raises(ValidationError, match="in the workshop Tehran service centre"):
        services.assignment_move(
            assignment=row, technician=ali, starts_at=_at(day, 10), by=dispatcher, seconds=1
        )
    with pytest.raises(ValidationError, match=job.number):
        services.plan_publish(plan=plan, by=dispatcher)
    assert not request.visits.exists()


def test_the_board_page_says_why_publishing_is_refused(
    login, dispatcher, operator, make_technician, make_request, cooling, day, centre
):
    make_technician("Ali", categories=[cooling])
    request = make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    receive(request, centre, operator)
    client = login(dispatcher)
    response = client.post(f"/dispatch/{plan.pk}/publish/", follow=True)
    assert "is in the workshop Tehran service centre" in response.content.decode()
    assert not request.visits.exists()


def test_a_bench_visit_under_way_is_not_on_the_board(
    dispatcher, operator, make_technician, make_request, cooling, day, centre
):
    ali = make_technician("Ali", categories=[cooling])
    request = make_request(cooling, day=day)
    job = receive(request, centre, operator)
    workshop.job_start_bench(job=job, technician=ali, by=operator)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    assert not plan.assignments.filter(request=request).exists()
