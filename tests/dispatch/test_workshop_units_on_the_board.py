"""The dispatcher sees the units a workshop holds: the board lists them (where, since when, in
what state) and no one is sent to repair them; a unit ready to go back by delivery is planned as
a delivery (half an hour, by a technician qualified for the unit), published as one, and shown
as one."""

from aftersales.dispatch import services
from aftersales.service.choices import VisitPurpose
from aftersales.workshop import services as workshop

from .conftest import receive


def test_a_unit_ready_for_delivery_is_planned_and_published_as_a_delivery(
    token_client, dispatcher, operator, make_technician, make_request, cooling, day, centre
):
    courier = make_technician("Sina", categories=[cooling])
    request = make_request(cooling, day=day)
    job = receive(request, centre, operator)
    workshop.job_ready(job=job, by=operator, handover="delivery", repaired=False, reason="Old")
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    row = plan.assignments.get(request=request)
    assert row.purpose == VisitPurpose.DELIVERY
    assert row.technician == courier and row.duration_minutes == 30
    rows = token_client(dispatcher).get(f"/api/v1/dispatch/plans/{plan.pk}/assignments").json()
    assert [r["purpose"] for r in rows["items"]] == ["delivery"]
    services.plan_publish(plan=plan, by=dispatcher)
    visit = request.visits.get()
    assert visit.purpose == VisitPurpose.DELIVERY and visit.technician == courier


def test_the_board_lists_units_in_a_workshop_and_their_delivery(
    login, dispatcher, operator, make_technician, make_request, cooling, day, centre
):
    make_technician("Ali", categories=[cooling])
    on_bench = make_request(cooling, day=day)
    to_deliver = make_request(cooling, lat=35.73, lon=51.43, day=day)
    for_collection = make_request(cooling, lat=35.74, lon=51.44, day=day)
    receive(on_bench, centre, operator)
    job = receive(to_deliver, centre, operator)
    workshop.job_ready(job=job, by=operator, handover="delivery", repaired=False, reason="Old")
    job = receive(for_collection, centre, operator)
    workshop.job_ready(job=job, by=operator, handover="collection", repaired=False, reason="Old")
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    assert list(plan.assignments.values_list("request", flat=True)) == [to_deliver.pk]

    page = login(dispatcher).get(f"/dispatch/{plan.pk}/").content.decode()
    assert 'id="held"' in page and "Tehran service centre" in page
    for request in (on_bench, to_deliver, for_collection):
        assert f'id="held-{request.pk}"' in page
    assert "Ready: Collection by the customer" in page
    assert "Delivery placed: Ali Tech" in page
    assert "delivery of the unit" in page  # the delivery's row in the visits in order


def test_a_unit_held_after_the_plan_was_made_is_shown_as_missing_from_it(
    login, dispatcher, operator, make_technician, make_request, cooling, day, centre
):
    make_technician("Ali", categories=[cooling])
    request = make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    plan.assignments.all().delete()  # as if the plan had been made before the unit was triaged
    job = receive(request, centre, operator)
    workshop.job_ready(job=job, by=operator, handover="delivery", repaired=False, reason="Old")
    page = login(dispatcher).get(f"/dispatch/{plan.pk}/").content.decode()
    assert "Delivery not in this plan" in page
    services.plan_run(plan=plan, by=dispatcher, seconds=1)
    assert plan.assignments.get(request=request).purpose == VisitPurpose.DELIVERY
