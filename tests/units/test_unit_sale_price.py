"""A unit's sale price: given on the form and the API, shown on its page, never negative."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from aftersales.billing.models import Company
from aftersales.core.services import api_token_create
from aftersales.units.models import Unit
from aftersales.units.services import unit_update
from tests.factories import ProductModelFactory, UnitFactory

NEGATIVE = "The sale price cannot be negative."


def _edit(client, unit, **data):
    return client.post(
        f"/units/{unit.pk}/edit/",
        {"product_model": unit.product_model.pk, "serial": unit.serial, "status": "active"} | data,
    )


def test_an_operator_gives_the_price_and_the_page_shows_it(operator, login, owned_unit):
    client = login(operator)
    response = _edit(client, owned_unit, sale_price="545000000", sale_currency="IRR")
    assert response.status_code == 302
    owned_unit.refresh_from_db()
    assert (owned_unit.sale_price, owned_unit.sale_currency) == (Decimal("545000000"), "IRR")
    page = client.get(owned_unit.get_absolute_url()).content.decode()
    assert "545,000,000 Rial" in page
    assert "sale price" in page  # in the history of changes


def test_a_euro_price_keeps_its_cents(operator, login, owned_unit):
    _edit(login(operator), owned_unit, sale_price="1250.50", sale_currency="EUR")
    owned_unit.refresh_from_db()
    assert (owned_unit.sale_price, owned_unit.sale_currency) == (Decimal("1250.50"), "EUR")


def test_a_negative_price_is_refused_with_a_clear_message(operator, login, owned_unit):
    response = _edit(login(operator), owned_unit, sale_price="-100", sale_currency="IRR")
    assert response.status_code == 400
    assert NEGATIVE in response.content.decode()
    owned_unit.refresh_from_db()
    assert owned_unit.sale_price is None


def test_rials_have_no_decimals(operator, login, owned_unit):
    response = _edit(login(operator), owned_unit, sale_price="1000.50", sale_currency="IRR")
    assert response.status_code == 400
    assert "at most 0 decimals in IRR" in response.content.decode()
    with pytest.raises(ValidationError) as error:
        unit_update(unit=owned_unit, by=None, sale_price=Decimal("-1"))
    assert error.value.message_dict == {"sale_price": [NEGATIVE]}


def test_a_new_unit_is_priced_in_the_companys_currency_unless_told(operator, login):
    Company.objects.create(country="IT", name="Aftersales Italia", currency="EUR")
    model = ProductModelFactory()
    client = login(operator)
    assert client.get("/units/new/").context["form"]["sale_currency"].value() == "EUR"
    data = {"product_model": model.pk, "serial": "X-1", "status": "active", "sale_price": "980"}
    assert client.post("/units/new/", data).status_code == 302
    assert Unit.objects.get().sale_currency == "EUR"
    unpriced = UnitFactory()  # made before the company (in rials by default), without a price
    form = client.get(f"/units/{unpriced.pk}/edit/").context["form"]
    assert form["sale_currency"].value() == "EUR"


def _api(user):
    _token, key = api_token_create(user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def test_the_api_takes_and_returns_the_price(operator):
    ProductModelFactory(code="AC-18")
    client = _api(operator)
    payload = {"model": "AC-18", "serial": "P-1", "sale_price": "520000000"}
    response = client.post("/api/v1/units/", json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (Decimal(body["sale_price"]), body["sale_currency"]) == (Decimal(520000000), "IRR")
    unit = client.get(f"/api/v1/units/{body['id']}").json()
    assert Decimal(unit["sale_price"]) == Decimal(520000000)


def test_the_api_refuses_a_negative_price(operator):
    ProductModelFactory(code="AC-18")
    payload = {"model": "AC-18", "serial": "P-2", "sale_price": "-5", "sale_currency": "EUR"}
    response = _api(operator).post(
        "/api/v1/units/", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"]["sale_price"] == [NEGATIVE]
    assert not Unit.objects.exists()


def test_the_api_prices_in_the_companys_currency_unless_told(operator):
    Company.objects.create(country="IT", name="Aftersales Italia", currency="EUR")
    ProductModelFactory(code="AC-18")
    payload = {"model": "AC-18", "serial": "P-3", "sale_price": "890"}
    response = _api(operator).post(
        "/api/v1/units/", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["sale_currency"] == "EUR"
    unit = Unit.objects.get(serial="P-3")
    unit_update(unit=unit, by=operator, sale_price=Decimal(900), sale_currency="")
    unit.refresh_from_db()
    assert (unit.sale_price, unit.sale_currency) == (Decimal(900), "EUR")  # kept on an edit
