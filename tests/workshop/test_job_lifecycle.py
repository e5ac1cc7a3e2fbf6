"""A unit's custody in the workshop: received → on the bench (a visit at the workshop) → ready →
returned, each step logged; refused moves say why and change nothing."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from aftersales.core.choices import Role
from aftersales.service import services as service
from aftersales.workshop import services
from aftersales.workshop.models import WorkshopJob

pytestmark = pytest.mark.django_db

PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _fix_on_the_bench(job, technician, by):
    visit = services.job_start_bench(job=job, technician=technician, by=by)
    service.visit_record(
        visit=visit, by=technician.user, diagnosis="Capacitor blown", failure_codes=[], checklist={}
    )
    service.visit_close(visit=visit, by=technician.user, result="fixed", labour_minutes=45)
    visit.refresh_from_db()
    return visit


def test_the_main_path_from_intake_to_return(received, technician, operator):
    assert received.number.startswith("WS-") and received.status == "received"
    visit = _fix_on_the_bench(received, technician, operator)
    received.refresh_from_db()
    assert received.status == "on_bench"
    assert list(received.bench_visits.all()) == [visit]
    assert visit.request_id == received.request_id and visit.status == "done"
    services.job_ready(job=received, by=operator, handover="collection", repaired=True)
    services.job_return(job=received, by=operator, returned_to="Sara Karimi", data_url=PNG)
    received.refresh_from_db()
    assert received.status == "returned" and received.returned_to == "Sara Karimi"
    assert received.return_signature
    steps = [(c.from_status, c.to_status) for c in received.status_changes.all()]
    assert steps == [
        ("", "received"),
        ("received", "on_bench"),
        ("on_bench", "ready"),
        ("ready", "returned"),
    ]
    received.request.refresh_from_db()
    assert received.request.status == "resolved"  # the bench visit fixed it


def test_the_customer_is_told_when_the_unit_is_ready(
    received, technician, operator, owner, django_capture_on_commit_callbacks
):
    owner.email = "sara@example.com"
    owner.preferred_language = "en"
    owner.save()
    _fix_on_the_bench(received, technician, operator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.job_ready(job=received, by=operator, handover="collection", repaired=True)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert "AC18-000123" in mail.outbox[0].subject
    assert "ready for collection at Tehran service centre" in mail.outbox[0].body


def test_numbers_follow_each_other_without_gaps(received, operator, make_user, owner):
    from tests.factories import UnitFactory
    from tests.service.factories import open_request

    unit = UnitFactory(owner=owner, serial="WM-2")
    other = open_request(by=operator, customer=owner, unit=unit)
    second = services.job_receive(
        request=other,
        workshop=received.workshop,
        by=operator,
        arrival="courier",
        reference="TRK-1",
        condition="Boxed",
    )
    first_seq = int(received.number.rsplit("-", 1)[1])
    assert second.number == received.number[:-6] + f"{first_seq + 1:06d}"


def test_a_unit_is_in_one_workshop_at_a_time(received, operator, agents_workshop):
    with pytest.raises(ValidationError) as refused:
        services.job_receive(
            request=received.request,
            workshop=received.workshop,
            by=operator,
            arrival="carried_in",
            condition="again",
        )
    assert received.number in str(refused.value)
    assert WorkshopJob.objects.count() == 1


def test_a_move_out_of_order_is_refused(received, operator):
    with pytest.raises(ValidationError):
        services.job_return(job=received, by=operator, returned_to="Sara")
    with pytest.raises(ValidationError):
        services.job_wait_for_parts(job=received, by=operator)
    received.refresh_from_db()
    assert received.status == "received"


def test_ready_and_repaired_needs_a_bench_visit_that_fixed_it(received, operator):
    with pytest.raises(ValidationError) as refused:
        services.job_ready(job=received, by=operator, handover="collection", repaired=True)
    assert "repaired" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.job_ready(job=received, by=operator, handover="collection", repaired=False)
    assert "reason" in refused.value.message_dict
    services.job_ready(
        job=received, by=operator, handover="delivery", repaired=False, reason="Board discontinued"
    )
    received.refresh_from_db()
    assert received.status == "ready" and received.repaired is False


def test_ready_waits_for_the_bench_visit_to_close(received, technician, operator):
    services.job_start_bench(job=received, technician=technician, by=operator)
    with pytest.raises(ValidationError):
        services.job_ready(
            job=received, by=operator, handover="collection", repaired=False, reason="x"
        )


def test_waiting_for_parts_then_back_on_the_bench(received, technician, operator):
    visit = services.job_start_bench(job=received, technician=technician, by=operator)
    with pytest.raises(ValidationError):
        services.job_wait_for_parts(job=received, by=operator)  # the bench visit is still open
    service.visit_close(visit=visit, by=technician.user, result="needs_parts", labour_minutes=20)
    services.job_wait_for_parts(job=received, by=operator, note="Compressor ordered")
    second = services.job_start_bench(job=received, technician=technician, by=operator)
    received.refresh_from_db()
    assert received.status == "on_bench" and second != visit
    assert second.follow_up_of_id == visit.pk
    assert received.bench_visits.count() == 2


def test_a_technician_takes_a_unit_for_themselves_only(received, technician, operator):
    from tests.service.factories import technician_with_login

    colleague = technician_with_login(username="colleague")
    service.request_triage(request=received.request, by=operator)
    with pytest.raises(PermissionDenied):
        services.job_start_bench(job=received, technician=colleague, by=technician.user)
    visit = services.job_start_bench(job=received, technician=technician, by=technician.user)
    assert visit.technician == technician and visit.status == "on_site"


def test_cancel_needs_a_reason_and_only_before_the_bench(received, operator, technician):
    with pytest.raises(ValidationError):
        services.job_cancel(job=received, by=operator, reason=" ")
    services.job_cancel(job=received, by=operator, reason="Wrong unit recorded")
    received.refresh_from_db()
    assert received.status == "cancelled" and not received.is_active


def test_roles_that_may_not_touch_the_workshop(received, make_user):
    finance = make_user(Role.FINANCE, username="finance")
    with pytest.raises(PermissionDenied):
        services.job_cancel(job=received, by=finance, reason="no")


def test_the_intake_signature_is_a_drawing(received, operator):
    with pytest.raises(ValidationError):
        services.job_sign_intake(job=received, by=operator, data_url="data:x", signed_by="Sara")
    services.job_sign_intake(job=received, by=operator, data_url=PNG, signed_by="Sara Karimi")
    received.refresh_from_db()
    assert received.intake_signature and received.intake_signed_by == "Sara Karimi"


def test_needs_a_unit_and_an_open_request(operator, owner, centre):
    from tests.service.factories import open_request

    question = open_request(by=operator, customer=owner, code="training")
    with pytest.raises(ValidationError):
        services.job_receive(
            request=question, workshop=centre, by=operator, arrival="carried_in", condition="ok"
        )


def test_the_demo_fills_the_queue(owned_unit, strangers_unit):
    from aftersales.workshop.demo import load_demo
    from tests.factories import AddressFactory

    for unit in (owned_unit, strangers_unit):
        AddressFactory(customer=unit.owner)
    assert load_demo() == "workshop: 1 workshops, 2 units in the workshop"
    assert WorkshopJob.objects.filter(status="ready", repaired=False).count() == 1
    assert load_demo() == "workshop: already loaded"
