"""A repair on a workshop's bench is invoiced for labour and parts, without travel: nobody went
to the customer."""

from decimal import Decimal

from aftersales.billing.models import Invoice
from aftersales.service import services as service
from aftersales.workshop import services as workshop
from aftersales.workshop.models import Workshop
from tests.factories import AddressFactory
from tests.service.factories import open_request


def test_the_bench_visit_has_labour_but_no_travel(
    iran, service_data, operator, technician, owner, owned_unit
):
    AddressFactory(customer=owner, region="Tehran")
    request = open_request(by=operator, customer=owner, unit=owned_unit, channel="walk_in")
    centre = Workshop.objects.create(code="WS-1", name="Centre", address="1 Azadi St")
    job = workshop.job_receive(
        request=request, workshop=centre, by=operator, arrival="carried_in", condition="Fine"
    )
    visit = workshop.job_start_bench(job=job, technician=technician, by=operator)
    service.visit_close(visit=visit, by=operator, result="fixed", labour_minutes=60)
    lines = Invoice.objects.get(visit=visit).lines
    assert lines.get(kind="labour").net == Decimal("1500000")
    assert not lines.filter(kind="travel").exists()


def test_a_visit_at_the_customer_still_has_travel(iran, close_visit, owner, owned_unit):
    visit = close_visit(customer=owner, unit=owned_unit)
    assert Invoice.objects.get(visit=visit).lines.filter(kind="travel").exists()
