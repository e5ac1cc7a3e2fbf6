"""Rials have no decimals: a quote line, an invoice line or a tariff price that would need
rounding is refused with a message, on the pages and the API, and nothing is saved."""

import json
import re
from decimal import Decimal

import pytest
from django.test import Client

from aftersales.billing.models import Invoice, LabourRate, Quote, RevenueTarget, TravelZone
from aftersales.core.services import api_token_create
from tests.factories import PartFactory
from tests.service.factories import open_request


@pytest.fixture
def job(iran, service_data, operator, owner, owned_unit):
    return open_request(by=operator, customer=owner, unit=owned_unit)


def _lines(**lines):
    data = {"lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0"}
    data.update({f"lines-{key.replace('_', '-', 1)}": value for key, value in lines.items()})
    return data


def test_a_quote_line_whose_amount_has_decimals_is_refused(job, operator, login):
    client = login(operator)
    response = client.post(
        f"/billing/quotes/new/?request={job.pk}",
        _lines(
            **{
                "0_kind": "labour",
                "0_description": "Gas refill",
                "0_quantity": "0.5",
                "0_unit_price": "1000001",
            }
        ),
    )
    assert response.status_code == 400
    assert (
        "Line 1: quantity × price comes to 500,000.5, but IRR has no decimals: "
        "change the quantity or the price." in response.content.decode()
    )
    assert not Quote.objects.exists()

    whole = client.post(  # half an hour at an even rate is a whole amount: accepted
        f"/billing/quotes/new/?request={job.pk}",
        _lines(
            **{
                "0_kind": "labour",
                "0_description": "Gas refill",
                "0_quantity": "0.5",
                "0_unit_price": "1000000",
            }
        ),
    )
    assert whole.status_code == 302
    assert Quote.objects.get().net == Decimal("500000")


def test_a_persian_user_reads_the_refusal_in_persian_digits(job, operator, login):
    operator.language = "fa"
    operator.save()
    response = login(operator).post(
        f"/billing/quotes/new/?request={job.pk}",
        _lines(
            **{
                "0_kind": "labour",
                "0_description": "Gas refill",
                "0_quantity": "1",
                "0_unit_price": "2500000.4",
            }
        ),
    )
    assert response.status_code == 400
    [message] = response.context["form"].non_field_errors()
    assert "IRR" in message and "۱" in message and "۰" in message  # line 1, no decimals
    assert not re.search(r"[0-9]", message)
    assert not Quote.objects.exists()


def test_the_api_refuses_a_rial_quote_line_with_decimals(job, operator):
    _token, key = api_token_create(user=operator, name="test")
    api = Client(headers={"authorization": f"Bearer {key}"})
    line = {"kind": "labour", "description": "Gas refill", "quantity": "1"}
    response = api.post(
        "/api/v1/billing/quotes",
        json.dumps({"request": job.pk, "lines": [{**line, "unit_price": "1000000.50"}]}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "Line 1: give the price with at most 0 decimals in IRR." in response.content.decode()
    assert not Quote.objects.exists()


def test_a_draft_invoice_line_is_not_rounded(iran, close_visit, owner, owned_unit, finance, login):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(PartFactory(sku="X-1"), 2)])
    draft = Invoice.objects.get(visit=visit)
    line = draft.lines.get(kind="part")
    client = login(finance)
    url = f"/billing/invoices/{draft.pk}/lines/{line.pk}/"

    price = client.post(url, {"quantity": "2", "unit_price": "300000.5"})
    assert price.status_code == 400
    assert "Give the price with at most 0 decimals in IRR." in price.content.decode()

    amount = client.post(url, {"quantity": "1.5", "unit_price": "300001"})
    assert amount.status_code == 400
    assert "Quantity × price comes to 450,001.5, but IRR has no decimals" in (
        amount.content.decode()
    )
    line.refresh_from_db()
    assert line.unit_price == 0


def test_tariff_prices_and_targets_in_rials_are_refused_with_decimals(iran, italy, finance, login):
    client = login(finance)
    refused = client.post(
        "/billing/tariffs/labour/new/",
        {
            "country": "IR",
            "hourly_rate": "1500000.5",
            "minimum_minutes": "0",
            "valid_from": "2026-01-01",
        },
    )
    assert refused.status_code == 400
    assert "Give the price with at most 0 decimals in IRR." in refused.content.decode()
    assert LabourRate.objects.filter(valid_from="2026-01-01").count() == 0

    zone = client.post(
        "/billing/tariffs/travel/new/",
        {
            "country": "IR",
            "name": "Far",
            "up_to_km": "200",
            "fee": "0.5",
            "valid_from": "2026-01-01",
        },
    )
    assert zone.status_code == 400
    assert not TravelZone.objects.filter(name="Far").exists()

    euro = client.post(  # euros have cents
        "/billing/tariffs/labour/new/",
        {
            "country": "IT",
            "hourly_rate": "48.55",
            "minimum_minutes": "0",
            "valid_from": "2026-01-01",
        },
    )
    assert euro.status_code == 302

    target = client.post(
        "/billing/targets/new/",
        {
            "name": "Q1",
            "start": "2026-01-01",
            "end": "2026-03-31",
            "amount": "1000000.5",
            "currency": "IRR",
        },
    )
    assert target.status_code == 400
    assert not RevenueTarget.objects.exists()
