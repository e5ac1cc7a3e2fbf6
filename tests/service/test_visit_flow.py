"""A visit from planning to closing: check-in, diagnosis, check-list, parts from the van,
signature, result; the request follows and first-time fix is derived."""

import base64

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aftersales.parts.models import StockLevel, StockMove, Warehouse
from aftersales.parts.services import stock_receive
from aftersales.service import services
from tests.factories import FailureCodeFactory, PartFactory

from .factories import open_request, scheduled_visit, technician_with_login

pytestmark = pytest.mark.django_db
PNG = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40).decode()


@pytest.fixture
def visit(operator, owner, owned_unit, technician, dispatcher):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    return scheduled_visit(request=request, technician=technician, by=dispatcher)


def test_planning_schedules_the_request(visit):
    visit.request.refresh_from_db()
    assert visit.number.startswith("VIS-")
    assert visit.request.status == "scheduled"


def test_only_the_technician_of_the_visit_checks_in(visit):
    other = technician_with_login(username="other")
    with pytest.raises(PermissionDenied):
        services.visit_check_in(visit=visit, by=other.user)


def test_the_whole_visit(visit, technician, manager):
    tech = technician.user
    visit = services.visit_check_in(visit=visit, by=tech, latitude="35.7", longitude="51.4")
    visit.request.refresh_from_db()
    assert visit.request.status == "in_progress"
    symptom = FailureCodeFactory(code="NOCOOL")
    steps = visit.request.service_type.checklist
    visit = services.visit_record(
        visit=visit,
        by=tech,
        diagnosis="Capacitor burnt",
        failure_codes=[symptom],
        checklist={steps[0]: True, "not a step": True},
    )
    assert visit.checklist == {steps[0]: True}
    assert list(visit.failure_codes.all()) == [symptom]

    van = Warehouse.objects.create(code="VAN-1", name="Van", kind="van", technician=technician)
    part = PartFactory()
    stock_receive(warehouse=van, part=part, quantity=3, document_number="PO-1", by=manager)
    used = services.visit_add_part(visit=visit, part=part, quantity=2, by=tech)
    assert used.warehouse == van
    move = StockMove.objects.get(pk=used.move_id)
    assert (move.document_type, move.document_number) == ("visit", visit.number)
    assert StockLevel.objects.get(warehouse=van, part=part).on_hand == 1

    with pytest.raises(ValidationError):
        services.visit_sign(
            visit=visit, data_url="data:image/png;base64,AAAA", signed_by="S", by=tech
        )
    visit = services.visit_sign(visit=visit, data_url=PNG, signed_by="Sara Karimi", by=tech)
    assert visit.signature.name.endswith(".png")

    visit = services.visit_close(visit=visit, by=tech, result="fixed", labour_minutes=45)
    visit.request.refresh_from_db()
    assert visit.status == "done" and visit.checked_out_at
    assert visit.request.status == "resolved"
    assert visit.request.first_time_fix is True


def test_a_part_without_a_van_is_recorded_without_stock(visit, technician):
    visit = services.visit_check_in(visit=visit, by=technician.user)
    used = services.visit_add_part(visit=visit, part=PartFactory(), quantity=1, by=technician.user)
    assert used.move is None and used.warehouse is None


def test_needs_parts_then_a_follow_up_is_not_a_first_time_fix(visit, technician, dispatcher):
    tech = technician.user
    visit = services.visit_check_in(visit=visit, by=tech)
    services.visit_close(visit=visit, by=tech, result="needs_parts", labour_minutes=20)
    request = visit.request
    request.refresh_from_db()
    assert request.status == "waiting_parts"
    follow = scheduled_visit(request=request, technician=technician, by=dispatcher)
    assert follow.follow_up_of == visit
    follow = services.visit_check_in(visit=follow, by=tech)
    services.visit_close(visit=follow, by=tech, result="fixed", labour_minutes=30)
    request.refresh_from_db()
    assert request.status == "resolved"
    assert request.first_time_fix is False


def test_recording_needs_a_check_in(visit, technician):
    with pytest.raises(ValidationError):
        services.visit_close(visit=visit, by=technician.user, result="fixed", labour_minutes=1)
