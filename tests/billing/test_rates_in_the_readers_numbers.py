"""Tax rates and travel distances in the tariff lists are written as the reader writes numbers:
'22' and '8,5' in Italian, Persian digits in Persian, not Python's '22.00' and '8.5'."""

import datetime as dt
from decimal import Decimal

from aftersales.billing.models import TaxRate, TravelZone

SINCE = dt.date(2024, 1, 1)


def test_an_italian_reader_sees_22_and_a_decimal_comma(finance, login):
    TaxRate.objects.create(country="IT", name="IVA", percent=Decimal("22.00"), valid_from=SINCE)
    TravelZone.objects.create(
        country="IT", name="Zona 1", up_to_km=Decimal("8.5"), fee=25, valid_from=SINCE
    )
    finance.language = "it"
    finance.save()
    client = login(finance)

    taxes = client.get("/billing/tariffs/taxes/").content.decode()
    travel = client.get("/billing/tariffs/travel/").content.decode()

    assert "<td>22</td>" in taxes and "22.00" not in taxes
    assert "<td>8,5</td>" in travel


def test_a_persian_reader_sees_persian_digits(finance, login):
    TaxRate.objects.create(country="IR", name="VAT", percent=Decimal("10.00"), valid_from=SINCE)
    finance.language = "fa"
    finance.save()

    taxes = login(finance).get("/billing/tariffs/taxes/").content.decode()

    assert "<td>۱۰</td>" in taxes


def test_the_export_keeps_the_number(finance, login):
    TaxRate.objects.create(country="IT", name="IVA", percent=Decimal("22.00"), valid_from=SINCE)

    response = login(finance).get("/billing/tariffs/taxes/", {"export": "csv"})

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "22.00" in text
