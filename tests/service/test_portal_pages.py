"""The customer: their requests, a repair request for their unit, follow, cancel, the report."""

import pytest

from aftersales.service.models import ServiceRequest
from tests.factories import AddressFactory

from .factories import open_request, scheduled_visit, service_type

pytestmark = pytest.mark.django_db


def test_a_customer_opens_follows_and_cancels(login, owner, owned_unit):
    client = login(owner.user)
    address = AddressFactory(customer=owner)
    assert client.get("/service/my/new/", {"unit": owned_unit.pk}).status_code == 200
    response = client.post(
        "/service/my/new/",
        {
            "service_type": service_type("repair").pk,
            "unit": owned_unit.pk,
            "address": address.pk,
            "description": "Leaking water",
        },
    )
    obj = ServiceRequest.objects.get()
    assert response.url == f"/service/my/{obj.pk}/"
    assert obj.channel == "web" and obj.customer == owner
    assert obj.number in client.get("/service/my/").content.decode()
    page = client.get(f"/service/my/{obj.pk}/").content.decode()
    assert 'id="cancel"' in page
    client.post(f"/service/requests/{obj.pk}/move/", {"to": "cancelled"})
    obj.refresh_from_db()
    assert obj.status == "cancelled"


def test_a_customer_cannot_triage(login, operator, owner, owned_unit):
    obj = open_request(by=operator, customer=owner, unit=owned_unit)
    assert (
        login(owner.user).post(f"/service/requests/{obj.pk}/move/", {"to": "triaged"}).status_code
        == 404
    )
    obj.refresh_from_db()
    assert obj.status == "new"


def test_a_customer_cannot_use_someone_elses_unit(login, owner, strangers_unit):
    response = login(owner.user).post(
        "/service/my/new/",
        {"service_type": service_type("repair").pk, "unit": strangers_unit.pk, "description": "x"},
    )
    assert response.status_code == 400
    assert not ServiceRequest.objects.exists()


def test_other_customers_requests_are_404(login, operator, owner, owned_unit, stranger):
    obj = open_request(by=operator, customer=owner, unit=owned_unit)
    client = login(stranger.user)
    assert client.get(f"/service/my/{obj.pk}/").status_code == 404
    assert client.get(f"/service/requests/{obj.pk}/").status_code == 404
    assert client.post(f"/service/requests/{obj.pk}/move/", {"to": "cancelled"}).status_code == 404
    assert obj.number not in client.get("/service/my/").content.decode()


def test_the_customer_reads_the_visit_report(
    login, operator, dispatcher, owner, owned_unit, technician
):
    from aftersales.service import services

    obj = open_request(by=operator, customer=owner, unit=owned_unit)
    visit = scheduled_visit(request=obj, technician=technician, by=dispatcher)
    visit = services.visit_check_in(visit=visit, by=technician.user)
    services.visit_record(
        visit=visit,
        by=technician.user,
        diagnosis="Fan motor seized",
        failure_codes=[],
        checklist={},
    )
    services.visit_close(visit=visit, by=technician.user, result="fixed", labour_minutes=30)
    page = login(owner.user).get(f"/service/my/{obj.pk}/").content.decode()
    assert "Fan motor seized" in page and 'id="result"' in page
    assert 'id="reopen"' in page
    # the staff visit page sends the customer to the portal
    assert login(owner.user).get(visit.get_absolute_url()).status_code == 302


def test_a_customer_cannot_ask_for_a_day_gone_by(login, owner, owned_unit):
    client = login(owner.user)
    response = client.post(
        "/service/my/new/",
        {
            "service_type": service_type("repair").pk,
            "unit": owned_unit.pk,
            "address": AddressFactory(customer=owner).pk,
            "preferred_date": "2020-01-01",
            "description": "Leaking water",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose a day from today on." in page
    assert 'value="2020-01-01"' in page and "Leaking water" in page
    assert not ServiceRequest.objects.exists()


def test_a_planned_visit_has_no_empty_report(login, operator, dispatcher, owner, owned_unit):
    from .factories import technician_with_login

    obj = open_request(by=operator, customer=owner, unit=owned_unit)
    scheduled_visit(request=obj, technician=technician_with_login(), by=dispatcher)
    page = login(owner.user).get(f"/service/my/{obj.pk}/").content.decode()
    assert '<div class="card-body">' not in page.split('<h2 class="h5">Visits</h2>')[1]
