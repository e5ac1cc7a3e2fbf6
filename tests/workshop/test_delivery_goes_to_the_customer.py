"""The technician sees where a visit goes: a delivery of a walk-in's unit (a request without an
address) shows the customer's address on file and says it is a delivery; bench work shows no
address, and the phone's calendar gets the same place."""

import datetime as dt

import pytest
from django.utils import timezone

from aftersales.service import calendar, services
from aftersales.service.choices import VisitPurpose
from aftersales.service.models import ServiceRequest
from aftersales.units.models import Unit

pytestmark = pytest.mark.django_db


def _plan(request, technician, by, purpose):
    # a minute from now: still today in Tehran, where the technician's "today" is read (the next
    # whole hour was tomorrow there when the test ran after 23:00 Tehran time)
    start = timezone.now().replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return services.visit_schedule(
        request=request,
        technician=technician,
        window_start=start,
        window_end=start + dt.timedelta(hours=2),
        by=by,
        purpose=purpose,
    )


@pytest.fixture
def walk_in(received, operator):
    """The request of a unit in the workshop, opened at the counter without an address; the
    customer has one on file."""
    ServiceRequest.objects.filter(pk=received.request_id).update(address=None)
    Unit.objects.filter(pk=received.unit_id).update(installation_address=None)
    home = received.request.customer.addresses.get()
    home.city, home.line = "Karaj", "12 Golshahr Blvd"
    home.save()
    return services.request_triage(
        request=ServiceRequest.objects.get(pk=received.request_id), by=operator
    )


def test_a_delivery_shows_the_customers_address(login, walk_in, technician, dispatcher):
    visit = _plan(walk_in, technician, dispatcher, VisitPurpose.DELIVERY)
    client = login(technician.user)
    page = client.get(visit.get_absolute_url()).content.decode()
    assert 'id="purpose"' in page and "Delivery or pick-up of the unit" in page
    assert "Karaj, 12 Golshahr Blvd" in page
    today = client.get("/service/visits/today/").content.decode()
    assert "Karaj, 12 Golshahr Blvd" in today and "Delivery or pick-up" in today
    assert b"LOCATION:12 Golshahr Blvd\\, Karaj" in calendar.feed(technician.user)


def test_bench_work_shows_no_address(login, walk_in, technician, dispatcher):
    visit = _plan(walk_in, technician, dispatcher, VisitPurpose.BENCH)
    page = login(technician.user).get(visit.get_absolute_url()).content.decode()
    assert 'id="destination"' not in page
    assert "Bench work in a workshop" in page
