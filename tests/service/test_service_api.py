"""The service API: idempotent create, list and get in scope, transitions, visits."""

import json

import pytest
from django.test import Client

from aftersales.core.services import api_token_create
from aftersales.service.models import ServiceRequest
from tests.factories import AddressFactory

from .factories import open_request, scheduled_visit

pytestmark = pytest.mark.django_db


def client_for(user):
    _token, key = api_token_create(user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def post(client, path, data, **kwargs):
    return client.post(path, json.dumps(data), content_type="application/json", **kwargs)


def test_create_is_idempotent(operator, owner, owned_unit):
    client = client_for(operator)
    body = {
        "customer_id": owner.pk,
        "service_type": "repair",
        "unit_id": owned_unit.pk,
        "address_id": AddressFactory(customer=owner).pk,
        "description": "Noisy",
    }
    first = post(client, "/api/v1/service/requests", body, headers={"Idempotency-Key": "k1"})
    again = post(client, "/api/v1/service/requests", body, headers={"Idempotency-Key": "k1"})
    assert first.status_code == 201 and again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert first.json()["number"] == again.json()["number"]
    assert ServiceRequest.objects.count() == 1
    assert first.json()["channel"] == "api"


def test_create_errors_are_422(operator, owner):
    response = post(
        client_for(operator),
        "/api/v1/service/requests",
        {"customer_id": owner.pk, "service_type": "repair", "description": "x"},
    )
    assert response.status_code == 422
    assert "unit" in response.json()["errors"]


def test_an_address_is_found_only_with_its_customer_in_scope(operator, owner, stranger):
    body = {"service_type": "support", "description": "x"}
    theirs = AddressFactory(customer=stranger).pk
    # someone else's address with this customer, and a customer out of the caller's scope
    wrong = post(
        client_for(operator),
        "/api/v1/service/requests",
        {**body, "customer_id": owner.pk, "address_id": theirs},
    )
    out_of_scope = post(
        client_for(owner.user),
        "/api/v1/service/requests",
        {**body, "customer_id": stranger.pk, "address_id": theirs},
    )
    right = post(
        client_for(operator),
        "/api/v1/service/requests",
        {**body, "customer_id": stranger.pk, "address_id": theirs},
    )
    assert wrong.status_code == 404 and out_of_scope.status_code == 404
    assert right.status_code == 201 and right.json()["customer_id"] == stranger.pk
    assert ServiceRequest.objects.get().address_id == theirs


def test_list_get_and_transition_in_scope(operator, owner, owned_unit, stranger):
    obj = open_request(by=operator, customer=owner, unit=owned_unit)
    client = client_for(operator)
    assert client.get("/api/v1/service/requests").json()["count"] == 1
    assert client.get(f"/api/v1/service/requests/{obj.pk}").json()["number"] == obj.number
    moved = post(client, f"/api/v1/service/requests/{obj.pk}/transition", {"to": "triaged"})
    assert moved.status_code == 200 and moved.json()["status"] == "triaged"
    wrong = post(client, f"/api/v1/service/requests/{obj.pk}/transition", {"to": "closed"})
    assert wrong.status_code == 422
    other = client_for(stranger.user)
    assert other.get(f"/api/v1/service/requests/{obj.pk}").status_code == 404
    assert other.get("/api/v1/service/requests").json()["count"] == 0


def test_customer_may_not_open_for_someone_else(owner, stranger, strangers_unit):
    response = post(
        client_for(owner.user),
        "/api/v1/service/requests",
        {"customer_id": stranger.pk, "service_type": "support", "description": "x"},
    )
    assert response.status_code == 404


def test_visits_check_in_and_close(operator, dispatcher, owner, owned_unit, technician):
    obj = open_request(by=operator, customer=owner, unit=owned_unit)
    visit = scheduled_visit(request=obj, technician=technician, by=dispatcher)
    client = client_for(technician.user)
    assert client.get("/api/v1/service/visits", {"mine": True}).json()["count"] == 1
    assert client.get(f"/api/v1/service/visits/{visit.pk}").json()["status"] == "planned"
    checked = post(client, f"/api/v1/service/visits/{visit.pk}/check-in", {"latitude": "35.7"})
    assert checked.status_code == 200 and checked.json()["status"] == "on_site"
    closed = post(
        client,
        f"/api/v1/service/visits/{visit.pk}/close",
        {"result": "fixed", "labour_minutes": 25},
    )
    assert closed.status_code == 200 and closed.json()["result"] == "fixed"
    assert client.get(f"/api/v1/service/requests/{obj.pk}").json()["status"] == "resolved"
