"""Italian finance types euros with a decimal comma ('48,50', '1.234,50'): they are read as
euros and cents, not as 4850 (a browser's number box in English reads the comma as a thousands
separator, so Italian amounts are text boxes the server reads the Italian way)."""

from decimal import Decimal

import pytest
from django.utils import translation

from aftersales.billing.models import LabourRate
from aftersales.core.forms import typed_decimal


@pytest.mark.parametrize(
    ("language", "typed", "read"),
    [
        ("it", "48,50", "48.50"),
        ("it", "1.234,50", "1234.50"),
        ("it", "1.234", "1234"),
        ("it", "48.50", "48.50"),  # a point before two digits is still the decimals
        ("it", " 1 234,5 ", "1234.5"),
        ("it", "-12,30", "-12.30"),
        ("en", "1,234.50", "1234.50"),
        ("fa", "۱٬۸۷۰٬۰۰۰", "1870000"),
        ("fa", "۴۸٫۵", "48.5"),
    ],
)
def test_a_typed_amount_is_read_the_readers_way(language, typed, read):
    with translation.override(language):
        assert typed_decimal(typed) == read


def _labour(**fields) -> dict:
    return {
        "country": "IT",
        "service_type": "",
        "category": "",
        "region": "",
        "hourly_rate": "48,50",
        "commitment_rate": "1.234,50",
        "minimum_minutes": "30",
        "valid_from": "2026-03-21",
        **fields,
    }


def test_italian_finance_saves_a_rate_typed_with_a_comma(italy, finance, login):
    finance.language = "it"
    finance.save()

    response = login(finance).post("/billing/tariffs/labour/new/", _labour())

    assert response.status_code == 302
    rate = LabourRate.objects.get(country="IT", valid_from__year=2026)
    assert (rate.hourly_rate, rate.commitment_rate) == (Decimal("48.50"), Decimal("1234.50"))


def test_the_italian_form_shows_the_rate_with_a_comma_in_a_text_box(italy, finance, login):
    finance.language = "it"
    finance.save()
    rate = LabourRate.objects.get(country="IT")

    page = login(finance).get(f"/billing/tariffs/labour/{rate.pk}/").content.decode()

    assert 'type="text" name="hourly_rate" value="48,50"' in page
    assert 'inputmode="decimal"' in page
