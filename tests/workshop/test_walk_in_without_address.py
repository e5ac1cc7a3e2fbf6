"""A customer walks in with a small appliance and no address: the carry-in service type, the
request and the intake in one page, the bench visit, an invoice without travel, the SLA and the
portal; and no one can be sent to a customer whose address is unknown."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import override

from aftersales.billing.choices import LineKind
from aftersales.service import services as service
from aftersales.service.choices import VisitPurpose
from aftersales.service.models import ServiceRequest
from aftersales.workshop import services
from aftersales.workshop.models import WorkshopJob

SINCE = dt.date(2020, 1, 1)


@pytest.fixture
def iran(db):
    """The Iranian company with a labour rate and travel zones (a visit out would pay travel)."""
    from decimal import Decimal

    from aftersales.billing.models import Company, LabourRate, TaxRate, TravelZone

    TaxRate.objects.create(country="IR", percent=Decimal("10"), valid_from=SINCE)
    LabourRate.objects.create(country="IR", hourly_rate=Decimal("1500000"), valid_from=SINCE)
    TravelZone.objects.create(country="IR", name="City", up_to_km=20, fee=500000, valid_from=SINCE)
    return Company.objects.create(country="IR", name="Aftersales Iran", currency="IRR")


pytestmark = pytest.mark.django_db


def test_the_carry_in_type_needs_no_address_and_has_its_steps_in_each_language(carry_in):
    assert "address" not in carry_in.required_fields
    assert carry_in.needs_unit and not carry_in.needs_visit
    assert carry_in.checklist and carry_in.is_active
    assert set(carry_in.checklist_fa) == set(carry_in.checklist) == set(carry_in.checklist_it)
    assert all(carry_in.checklist_fa.values()) and all(carry_in.checklist_it.values())
    assert carry_in.sla_targets.count() == 4
    with override("it"):
        assert carry_in.name == "Riparazione in laboratorio (portato dal cliente)"
        assert carry_in.checklist_shown()[1] == "Riprodurre il guasto al banco"
    with override("fa"):
        assert carry_in.checklist_shown()[1] == "بازتولید خرابی روی میز کار"


def test_the_operators_request_form_takes_a_carry_in_without_an_address(
    login, operator, carry_in, walk_in_customer
):
    unit = walk_in_customer.units.get()
    response = login(operator).post(
        f"/service/new/{walk_in_customer.pk}/",
        {
            "service_type": carry_in.pk,
            "unit": unit.pk,
            "channel": "walk_in",
            "description": "The blender stops after a few seconds",
        },
    )
    request = ServiceRequest.objects.get()
    assert response.status_code == 302, response.content.decode()
    assert request.address is None and request.service_type == carry_in


def test_the_desk_receives_a_walk_in_in_one_page(
    login, operator, carry_in, walk_in_customer, centre
):
    client = login(operator)
    unit = walk_in_customer.units.get()
    found = client.get("/service/new/", {"q": "MX-2000-77"}).content.decode()
    url = f"/workshop/walk-in/{walk_in_customer.pk}/"
    assert f'href="{url}?unit={unit.pk}"' in found
    refused = client.post(url, {"unit": unit.pk, "description": "", "workshop": centre.pk})
    assert refused.status_code == 400 and not ServiceRequest.objects.exists()
    response = client.post(
        url,
        {
            "unit": unit.pk,
            "description": "The blender stops after a few seconds",
            "workshop": centre.pk,
            "condition": "Jug cracked at the handle",
            "accessories": "Jug, lid",
        },
    )
    job = WorkshopJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    request = job.request
    assert request.address is None and request.channel == "walk_in"
    assert request.service_type == carry_in and job.arrival == "carried_in"
    assert request.response_due is not None and request.resolution_due is not None  # the SLA
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Jug cracked at the handle" in page
    receipt = client.get(f"/workshop/jobs/{job.pk}/receipt/?language=it")
    assert receipt.status_code == 200 and receipt["Content-Type"] == "application/pdf"


def test_a_refused_intake_keeps_no_request(operator, carry_in, walk_in_customer, received):
    """The unit is already in a workshop: neither the request nor a second job is kept."""
    unit = received.unit
    unit.owner = walk_in_customer
    unit.save()
    with pytest.raises(ValidationError, match="already in the workshop"):
        services.walk_in_receive(
            by=operator,
            customer=walk_in_customer,
            unit=unit,
            workshop=received.workshop,
            description="Noisy",
            condition="Fine",
        )
    assert not ServiceRequest.objects.filter(customer=walk_in_customer).exists()


def test_a_walk_in_is_repaired_on_the_bench_and_invoiced_without_travel(
    login,
    iran,
    operator,
    technician,
    carry_in,
    walk_in_customer,
    centre,
):
    job = services.walk_in_receive(
        by=operator,
        customer=walk_in_customer,
        unit=walk_in_customer.units.get(),
        workshop=centre,
        description="The blender stops after a few seconds",
        condition="Jug cracked",
    )
    visit = services.job_start_bench(job=job, technician=technician, by=operator)
    assert visit.purpose == VisitPurpose.BENCH and visit.status == "on_site"
    service.visit_close(visit=visit, by=technician.user, result="fixed", labour_minutes=45)
    invoice = visit.invoices.get()
    kinds = set(invoice.lines.values_list("kind", flat=True))
    assert LineKind.LABOUR in kinds and LineKind.TRAVEL not in kinds
    job = services.job_ready(job=job, by=operator, handover="collection", repaired=True)
    job = services.job_return(job=job, by=operator, returned_to="Leila Ahmadi")
    assert job.status == "returned"
    # the customer follows it in the portal, without an address
    page = login(walk_in_customer.user).get(f"/service/my/{job.request_id}/")
    assert page.status_code == 200 and job.request.number in page.content.decode()


def test_no_visit_is_sent_to_a_customer_whose_address_is_unknown(
    login, operator, dispatcher, technician, carry_in, walk_in_customer, centre
):
    job = services.walk_in_receive(
        by=operator,
        customer=walk_in_customer,
        unit=walk_in_customer.units.get(),
        workshop=centre,
        description="Noisy",
        condition="Fine",
    )
    services.job_cancel(job=job, by=operator, reason="Recorded by mistake")
    request = service.request_triage(request=job.request, by=operator)
    start = timezone.now() + dt.timedelta(days=1)
    for purpose in (VisitPurpose.FIELD, VisitPurpose.DELIVERY):
        with pytest.raises(ValidationError, match="has no address"):
            service.visit_schedule(
                request=request,
                technician=technician,
                window_start=start,
                window_end=start + dt.timedelta(hours=2),
                by=dispatcher,
                purpose=purpose,
            )
    assert not request.visits.exists()
