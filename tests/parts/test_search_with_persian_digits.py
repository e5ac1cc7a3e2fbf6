"""Numbers typed on a Persian keyboard find moves by document number, returns by claim number
and counter sales by number, as they do in the stock list."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from aftersales.catalog.models import PartPrice
from aftersales.parts import services

pytestmark = pytest.mark.django_db


def test_moves_are_found_by_a_document_number_in_persian_digits(
    central, part, receive, keeper, login
):
    receive(central, part, 2, number="DN-4711")
    receive(central, part, 1, number="DN-5822")
    html = login(keeper).get(reverse("parts:moves"), {"q": "۴۷۱۱"}).content.decode()
    assert "DN-4711" in html and "DN-5822" not in html


def test_returns_are_found_by_a_claim_number_in_persian_digits(
    central, regional, part, keeper, login
):
    services.stock_return(
        warehouse=regional, part=part, quantity=2, document_number="V-1", defective=True, by=keeper
    )
    found = services.return_authorize(
        source=regional, part=part, quantity=1, claim_number="CL-3141", by=keeper
    )
    other = services.return_authorize(
        source=regional, part=part, quantity=1, claim_number="CL-2718", by=keeper
    )
    html = login(keeper).get(reverse("parts:returns"), {"q": "۳۱۴۱"}).content.decode()
    assert found.number in html and other.number not in html


def test_sales_are_found_by_a_number_in_persian_digits(
    central, part, agent, receive, keeper, login
):
    PartPrice.objects.create(
        part=part,
        price_list="agent",
        currency="IRR",
        amount=Decimal("1000"),
        valid_from=timezone.localdate() - dt.timedelta(days=1),
    )
    receive(central, part, 2)
    first = services.counter_sale_create(
        warehouse=central, agent=agent, lines=[(part, 1)], by=keeper
    )
    second = services.counter_sale_create(
        warehouse=central, agent=agent, lines=[(part, 1)], by=keeper
    )
    html = login(keeper).get(reverse("parts:sales"), {"q": "۰۰۰۰۰۲"}).content.decode()
    assert second.number in html and first.number not in html
