"""The operator: the queue (filters, export), finding a customer by phone, a new request, the
request page with triage, actions, SLA clock and warranty summary."""

import pytest

from aftersales.service.models import ServiceRequest
from tests.factories import AddressFactory, PhoneFactory

from .factories import open_request

pytestmark = pytest.mark.django_db


def test_the_queue_lists_filters_and_exports(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    client = login(operator)
    page = client.get("/service/")
    assert page.status_code == 200
    assert request.number in page.content.decode()
    assert (
        request.number in client.get("/service/", {"state": "open", "q": "AC18"}).content.decode()
    )
    assert request.number not in client.get("/service/", {"state": "closed"}).content.decode()
    export = client.get("/service/", {"export": "csv"})
    assert request.number in b"".join(export.streaming_content).decode()


def test_a_new_request_from_a_phone_number(login, operator, owner, owned_unit):
    PhoneFactory(customer=owner, number="+989121234567")
    address = AddressFactory(customer=owner)
    client = login(operator)
    found = client.get("/service/new/", {"q": "0912 123 4567"})
    assert f"/service/new/{owner.pk}/" in found.content.decode()
    assert client.get(f"/service/new/{owner.pk}/", {"unit": owned_unit.pk}).status_code == 200
    response = client.post(
        f"/service/new/{owner.pk}/",
        {
            "service_type": _type("repair"),
            "unit": owned_unit.pk,
            "address": address.pk,
            "channel": "phone",
            "description": "No cooling",
        },
    )
    obj = ServiceRequest.objects.get()
    assert response.status_code == 302 and response.url == obj.get_absolute_url()
    assert obj.created_by == operator and obj.channel == "phone"
    page = client.get(obj.get_absolute_url()).content.decode()
    assert f"/parts/units/{owned_unit.pk}/" in page


def test_a_service_error_lands_on_the_form(login, operator, owner):
    response = login(operator).post(
        f"/service/new/{owner.pk}/",
        {"service_type": _type("repair"), "channel": "phone", "description": "x"},
    )
    assert response.status_code == 400
    assert not ServiceRequest.objects.exists()


def test_request_page_triage_and_actions(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    client = login(operator)
    page = client.get(request.get_absolute_url()).content.decode()
    assert 'id="sla"' in page and 'id="warranty"' in page and 'id="triage"' in page
    client.post(f"/service/requests/{request.pk}/triage/", {"priority": "4"})
    request.refresh_from_db()
    assert request.status == "triaged" and request.priority == 4
    client.post(f"/service/requests/{request.pk}/move/", {"to": "waiting_customer"})
    request.refresh_from_db()
    assert request.status == "waiting_customer"
    page = client.get(request.get_absolute_url()).content.decode()
    assert 'data-sla="paused"' in page


def test_the_duplicate_is_shown(login, operator, owner, owned_unit):
    open_request(by=operator, customer=owner, unit=owned_unit)
    second = open_request(by=operator, customer=owner, unit=owned_unit)
    assert 'id="duplicate"' in login(operator).get(second.get_absolute_url()).content.decode()


def test_unit_page_lists_its_requests(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    page = login(operator).get(owned_unit.get_absolute_url()).content.decode()
    assert 'id="unit-requests"' in page and request.number in page


def _type(code):
    from aftersales.service.models import ServiceType

    return ServiceType.objects.get(code=code).pk


def test_a_caller_not_found_can_be_registered(login, operator):
    page = login(operator).get("/service/new/", {"q": "0912 000 0000"}).content.decode()
    assert 'id="new-customer"' in page and "/customers/new/" in page
