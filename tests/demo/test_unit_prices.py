"""Generated units sold carry a plausible sale price in their owner's currency."""

from decimal import Decimal

import pytest

from aftersales.demo.generate import generate
from aftersales.units.models import Unit

pytestmark = pytest.mark.django_db


def test_units_sold_have_a_price_in_their_owners_currency():
    generate(300, 1_500, seed=12)
    sold = Unit.objects.filter(owner__isnull=False)
    assert not sold.filter(sale_price__isnull=True).exists()
    assert not Unit.objects.filter(owner__isnull=True, sale_price__isnull=False).exists()
    for unit in sold.select_related("owner", "product_model"):
        currency = "EUR" if unit.owner.country == "IT" else "IRR"
        assert unit.sale_currency == currency, unit
        if currency == "IRR":  # millions to billions of rials (prices rise fast), whole 100,000s
            assert Decimal(5_000_000) <= unit.sale_price <= Decimal(4_000_000_000), unit
            assert unit.sale_price % 100_000 == 0
        else:
            assert Decimal(200) <= unit.sale_price <= Decimal(3_000), unit
    big = sold.filter(product_model__code="AC-48F", sale_currency="IRR").first()
    small = sold.filter(product_model__code="AC-09I", sale_currency="IRR").first()
    if big and small and big.sale_date.year == small.sale_date.year:
        assert big.sale_price > small.sale_price
