"""The billing API: tariffs, quotes, invoices and payments, with the caller's scope."""

import json
from decimal import Decimal

import pytest
from django.test import Client

from aftersales.billing.models import Invoice, Payment, Quote
from aftersales.core.services import api_token_create


def _client(user):
    _token, key = api_token_create(user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def _post(client, path, data, **headers):
    return client.post(path, json.dumps(data), content_type="application/json", headers=headers)


@pytest.fixture
def invoice(iran, close_visit, owner, owned_unit, compressor):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)])
    return Invoice.objects.get(visit=visit)


def test_tariffs_are_read_by_staff_not_customers(iran, operator, owner):
    body = _client(operator).get("/api/v1/billing/tariffs?country=IR").json()
    assert body["companies"][0]["currency"] == "IRR"
    assert Decimal(body["labour_rates"][0]["hourly_rate"]) == Decimal("1500000")
    assert _client(owner.user).get("/api/v1/billing/tariffs").status_code == 403


def test_an_invoice_with_its_lines_and_balance_and_a_payment_once(
    invoice, finance, owner, stranger
):
    api = _client(finance)
    body = api.get(f"/api/v1/billing/invoices/{invoice.pk}").json()
    assert body["number"] == invoice.number
    assert Decimal(body["balance"]) == invoice.customer_total
    assert {line["payer"] for line in body["lines"]} == {"customer"}

    pay = {"method": "cash", "amount": "1000000"}
    first = _post(
        api, f"/api/v1/billing/invoices/{invoice.pk}/payments", pay, **{"Idempotency-Key": "p-1"}
    )
    again = _post(
        api, f"/api/v1/billing/invoices/{invoice.pk}/payments", pay, **{"Idempotency-Key": "p-1"}
    )
    assert first.status_code == again.status_code == 201
    assert Payment.objects.count() == 1
    too_much = _post(
        api,
        f"/api/v1/billing/invoices/{invoice.pk}/payments",
        {"method": "cash", "amount": "999999999999"},
    )
    assert too_much.status_code == 422
    assert "amount" in too_much.json()["errors"]

    assert _client(owner.user).get(f"/api/v1/billing/invoices/{invoice.pk}").status_code == 200
    assert _client(stranger.user).get(f"/api/v1/billing/invoices/{invoice.pk}").status_code == 404
    assert (
        _post(
            _client(owner.user),
            f"/api/v1/billing/invoices/{invoice.pk}/credit-notes",
            {"reason": "x"},
        ).status_code
        == 403
    )


def test_a_quote_is_created_sent_and_accepted_by_its_customer(
    iran, service_data, operator, owner, owned_unit
):
    from tests.factories import AddressFactory
    from tests.service.factories import open_request

    AddressFactory(customer=owner)
    job = open_request(by=operator, customer=owner, unit=owned_unit)
    api = _client(operator)
    created = _post(
        api,
        "/api/v1/billing/quotes",
        {
            "request": job.pk,
            "lines": [
                {
                    "kind": "labour",
                    "description": "Gas refill",
                    "quantity": "1",
                    "unit_price": "1000000",
                }
            ],
        },
        **{"Idempotency-Key": "q-1"},
    )
    assert created.status_code == 201
    quote_id = created.json()["id"]
    assert Decimal(created.json()["total"]) == Decimal("1100000")
    assert _post(api, f"/api/v1/billing/quotes/{quote_id}/send", {}).json()["status"] == "sent"

    answered = _post(
        _client(owner.user), f"/api/v1/billing/quotes/{quote_id}/answer", {"accept": True}
    )
    assert answered.status_code == 200
    assert Quote.objects.get(pk=quote_id).decided_via == "portal"

    empty = _post(api, "/api/v1/billing/quotes", {"request": job.pk, "lines": []})
    assert empty.status_code == 422


def test_standard_time_over_the_api(iran, service_data, operator, owned_unit):
    from aftersales.service.models import ServiceType
    from aftersales.warranty.models import StandardTime
    from tests.factories import FailureCodeFactory

    code = FailureCodeFactory(code="R-LEAK")
    StandardTime.objects.create(failure_code=code, minutes=70)
    repair = ServiceType.objects.get(code="repair")
    response = _client(operator).get(
        "/api/v1/billing/standard-time",
        {
            "service_type": repair.pk,
            "product_model": owned_unit.product_model_id,
            "failure_codes": ["R-LEAK"],
        },
    )
    assert response.json() == {"minutes": 70}
