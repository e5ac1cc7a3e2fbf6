import datetime as dt
from decimal import Decimal

from aftersales.catalog.models import PartPrice
from aftersales.core.choices import Role
from tests.factories import PartFactory

PRICE = {
    "price_list": "customer",
    "currency": "IRR",
    "amount": "1250000.4",
    "valid_from": "2026-01-01",
}


def test_a_manager_adds_a_price_rounded_to_the_currency(manager, login):
    part = PartFactory()
    client = login(manager)
    assert 'id="price-form"' in client.get(part.get_absolute_url()).content.decode()
    response = client.post(f"/catalog/parts/{part.pk}/prices/new/", PRICE)
    assert response.status_code == 302
    price = PartPrice.objects.get(part=part)
    assert price.amount == Decimal("1250000") and price.valid_from == dt.date(2026, 1, 1)
    page = client.get(part.get_absolute_url()).content.decode()
    assert "1,250,000" in page


def test_a_negative_price_is_refused(manager, login):
    part = PartFactory()
    response = login(manager).post(
        f"/catalog/parts/{part.pk}/prices/new/", {**PRICE, "amount": "-5"}
    )
    assert response.status_code == 400
    assert "A price cannot be negative." in response.content.decode()
    assert not PartPrice.objects.exists()


def test_the_same_price_date_twice_is_refused(manager, login):
    part = PartFactory()
    client = login(manager)
    client.post(f"/catalog/parts/{part.pk}/prices/new/", PRICE)
    response = client.post(f"/catalog/parts/{part.pk}/prices/new/", {**PRICE, "amount": "9"})
    assert response.status_code == 400
    assert "already has a price" in response.content.decode()
    assert PartPrice.objects.count() == 1


def test_finance_may_add_prices_but_an_operator_may_not(make_user, operator, login):
    part = PartFactory()
    finance = make_user(Role.FINANCE)
    assert login(finance).post(f"/catalog/parts/{part.pk}/prices/new/", PRICE).status_code == 302
    client = login(operator)
    assert 'id="price-form"' not in client.get(part.get_absolute_url()).content.decode()
    response = client.post(
        f"/catalog/parts/{part.pk}/prices/new/", {**PRICE, "valid_from": "2026-02-01"}
    )
    assert response.status_code == 404
    assert PartPrice.objects.count() == 1
