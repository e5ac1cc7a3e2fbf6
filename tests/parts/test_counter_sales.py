"""Counter sales: priced from the customer or agent price list valid today in the currency's
precision, issued from stock through the ledger, gap-free numbers, all or nothing on a shortage,
left "to invoice" for billing; the form, the list, the scoped pages and the idempotent API."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aftersales.catalog.models import PartPrice
from aftersales.core.choices import Role
from aftersales.core.services import api_token_create
from aftersales.parts import services
from aftersales.parts.choices import CounterSaleStatus, DocumentType, MoveKind
from aftersales.parts.models import CounterSale, StockLevel, StockMove
from aftersales.parts.services.ledger import NOT_ENOUGH_STOCK

from ..factories import CustomerFactory, PartFactory, PhoneFactory
from .helpers import assert_ledger_matches_levels

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def price(part, price_list, amount, valid_from, currency="IRR"):
    return PartPrice.objects.create(
        part=part,
        price_list=price_list,
        currency=currency,
        amount=Decimal(amount),
        valid_from=valid_from,
    )


@pytest.fixture
def priced(part):
    price(part, "customer", "900000", dt.date(2025, 1, 1))  # older: not used
    price(part, "customer", "1500000.50", dt.date(2026, 6, 1))  # valid today
    price(part, "customer", "2000000", dt.date(2027, 1, 1))  # not valid yet
    price(part, "agent", "1200000", dt.date(2026, 1, 1))
    price(part, "agent", "10.50", dt.date(2026, 1, 1), currency="EUR")
    return part


@pytest.fixture
def buyer(db):
    customer = CustomerFactory(first_name="Nima", last_name="Rahimi")
    PhoneFactory(customer=customer, number="+989121112233")
    return customer


def test_a_sale_to_a_customer_takes_todays_customer_price_and_issues_the_stock(
    central, priced, buyer, receive, keeper
):
    receive(central, priced, 5)
    sale = services.counter_sale_create(
        warehouse=central, customer=buyer, lines=[(priced, 2)], by=keeper, today=TODAY
    )
    assert sale.number == "CS-2026-000001"
    assert sale.status == CounterSaleStatus.TO_INVOICE
    (line,) = sale.lines.all()
    assert line.unit_price == Decimal("1500001")  # IRR has no decimals: rounded half up
    assert line.amount == Decimal("3000002")
    assert sale.total == Decimal("3000002")
    (move,) = StockMove.objects.filter(document_type=DocumentType.COUNTER_SALE)
    assert (move.kind, move.quantity, move.on_hand, move.document_number) == (
        MoveKind.ISSUE,
        2,
        -2,
        sale.number,
    )
    assert StockLevel.objects.get(warehouse=central, part=priced).on_hand == 3
    assert_ledger_matches_levels()


def test_a_sale_to_an_agent_takes_the_agent_price_in_its_currency(
    central, priced, agent, receive, keeper
):
    receive(central, priced, 5)
    sale = services.counter_sale_create(
        warehouse=central, agent=agent, lines=[(priced, 3)], currency="EUR", by=keeper, today=TODAY
    )
    assert (sale.price_list, sale.currency, sale.total) == ("agent", "EUR", Decimal("31.50"))


def test_a_shortage_on_any_line_refuses_the_whole_sale_and_keeps_the_number(
    central, priced, buyer, receive, keeper
):
    other = PartFactory(sku="FAN-1")
    price(other, "customer", "100000", dt.date(2026, 1, 1))
    receive(central, priced, 5)
    receive(central, other, 1)
    with pytest.raises(ValidationError) as error:
        services.counter_sale_create(
            warehouse=central,
            customer=buyer,
            lines=[(priced, 2), (other, 2)],
            by=keeper,
            today=TODAY,
        )
    assert error.value.code == NOT_ENOUGH_STOCK
    assert "Not enough stock of FAN-1 in CEN: 1 available, 2 requested." in error.value.messages
    assert not CounterSale.objects.exists()
    assert not StockMove.objects.filter(kind=MoveKind.ISSUE).exists()
    assert StockLevel.objects.get(warehouse=central, part=priced).on_hand == 5
    assert_ledger_matches_levels()
    sale = services.counter_sale_create(
        warehouse=central, customer=buyer, lines=[(priced, 1)], by=keeper, today=TODAY
    )
    assert sale.number == "CS-2026-000001"  # gap-free: the refused sale took no number


def test_a_part_without_a_price_or_a_sale_without_one_buyer_is_refused(
    central, part, priced, buyer, agent, receive, keeper
):
    unpriced = PartFactory(sku="NO-PRICE")
    receive(central, unpriced, 2)
    with pytest.raises(ValidationError, match="NO-PRICE has no Customer price in IRR"):
        services.counter_sale_create(
            warehouse=central, customer=buyer, lines=[(unpriced, 1)], by=keeper, today=TODAY
        )
    for buyers in ({}, {"customer": buyer, "agent": agent}):
        with pytest.raises(ValidationError, match="one customer or one agent"):
            services.counter_sale_create(
                warehouse=central, lines=[(part, 1)], by=keeper, today=TODAY, **buyers
            )
    assert not CounterSale.objects.exists()


def _priced_today(part):
    price(part, "customer", "250000", timezone.localdate() - dt.timedelta(days=1))
    return part


def test_the_keeper_sells_through_the_form_and_finds_the_sale_in_the_list(
    central, part, buyer, receive, keeper, login
):
    _priced_today(part)
    receive(central, part, 4)
    client = login(keeper)
    assert client.get(reverse("parts:sale_create")).status_code == 200
    response = client.post(
        reverse("parts:sale_create"),
        {
            "warehouse": central.pk,
            "customer_phone": "0912 111 2233",
            "currency": "IRR",
            "sku_1": "cap-35",
            "quantity_1": 2,
        },
    )
    sale = CounterSale.objects.get()
    assert response.status_code == 302 and response.url == sale.get_absolute_url()
    assert (sale.customer, sale.total) == (buyer, Decimal("500000"))
    page = client.get(sale.get_absolute_url())
    assert page.status_code == 200 and sale.number in page.content.decode()
    listing = client.get(reverse("parts:sales"), {"q": "Rahimi"}).content.decode()
    assert sale.number in listing
    export = client.get(reverse("parts:sales"), {"export": "csv"})
    csv = b"".join(export.streaming_content).decode()
    assert sale.number in csv


def test_a_shortage_in_the_form_lands_on_the_form_and_posts_nothing(
    central, part, buyer, receive, keeper, login
):
    _priced_today(part)
    receive(central, part, 1)
    response = login(keeper).post(
        reverse("parts:sale_create"),
        {
            "warehouse": central.pk,
            "customer_phone": "+989121112233",
            "currency": "IRR",
            "sku_1": "CAP-35",
            "quantity_1": 3,
        },
    )
    assert response.status_code == 400
    assert "Not enough stock" in response.content.decode()
    assert not CounterSale.objects.exists()


def test_a_line_quantity_too_big_to_store_is_an_error_on_its_field(
    central, part, buyer, keeper, login
):
    _priced_today(part)
    response = login(keeper).post(
        reverse("parts:sale_create"),
        {
            "warehouse": central.pk,
            "customer_phone": "+989121112233",
            "currency": "IRR",
            "sku_1": "CAP-35",
            "quantity_1": "99999999999999999999",
        },
    )
    assert response.status_code == 400
    assert "less than or equal to 2147483647" in response.content.decode()
    assert 'name="quantity_1" value="99999999999999999999"' in response.content.decode()
    assert not CounterSale.objects.exists()


def test_sales_are_seen_only_where_their_warehouse_is(
    central, agent_store, part, buyer, receive, keeper, agent_user, make_user, login
):
    _priced_today(part)
    receive(central, part, 2)
    sale = services.counter_sale_create(
        warehouse=central, customer=buyer, lines=[(part, 1)], by=keeper
    )
    assert login(agent_user).get(sale.get_absolute_url()).status_code == 404
    assert sale.number not in login(agent_user).get(reverse("parts:sales")).content.decode()
    technician = make_user(Role.TECHNICIAN, username="t2")
    assert login(technician).get(reverse("parts:sale_create")).status_code == 404
    customer_user = make_user(Role.CUSTOMER, username="c2")
    assert sale.number not in login(customer_user).get(reverse("parts:sales")).content.decode()


def _api(user):
    _token, key = api_token_create(user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def test_the_api_creates_a_sale_once_per_idempotency_key(central, part, buyer, receive, keeper):
    _priced_today(part)
    receive(central, part, 5)
    client = _api(keeper)
    data = {
        "warehouse_id": central.pk,
        "customer_id": buyer.pk,
        "lines": [{"sku": "CAP-35", "quantity": 2}],
    }

    def send():
        return client.post(
            "/api/v1/parts/sales",
            json.dumps(data),
            content_type="application/json",
            headers={"Idempotency-Key": "sale-1"},
        )

    first, again = send(), send()
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert first.json() == again.json()
    assert first.json()["status"] == "to_invoice"
    assert Decimal(first.json()["total"]) == Decimal("500000")
    assert CounterSale.objects.count() == 1
    assert StockLevel.objects.get(warehouse=central, part=part).on_hand == 3
    listing = client.get("/api/v1/parts/sales").json()
    assert [item["number"] for item in listing["items"]] == [first.json()["number"]]


def test_the_api_answers_a_shortage_with_422_and_posts_nothing(
    central, part, buyer, receive, keeper
):
    _priced_today(part)
    receive(central, part, 1)
    answer = _api(keeper).post(
        "/api/v1/parts/sales",
        json.dumps(
            {
                "warehouse_id": central.pk,
                "customer_id": buyer.pk,
                "lines": [{"sku": "CAP-35", "quantity": 2}],
            }
        ),
        content_type="application/json",
    )
    assert answer.status_code == 422
    assert "Not enough stock" in answer.json()["errors"]["__all__"][0]
    assert not CounterSale.objects.exists()


def test_the_list_shows_each_total_in_its_currencys_precision(
    central, priced, agent, receive, keeper, login
):
    receive(central, priced, 5)
    services.counter_sale_create(
        warehouse=central, agent=agent, lines=[(priced, 2)], currency="IRR", by=keeper, today=TODAY
    )
    services.counter_sale_create(
        warehouse=central, agent=agent, lines=[(priced, 3)], currency="EUR", by=keeper, today=TODAY
    )
    html = login(keeper).get(reverse("parts:sales")).content.decode()
    assert "2400000" in html and "2400000.00" not in html  # rials have no decimals
    assert "31.50" in html
