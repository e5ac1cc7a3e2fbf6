"""Amounts in the billing lists read as money (grouped, the currency's decimals, the user's
digits) and export as numbers a spreadsheet can add up; every filter offers "All"."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from aftersales.billing.models import Invoice
from aftersales.core.text import persian_digits


@pytest.fixture
def invoice(iran, close_visit, owner, owned_unit, compressor):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)])
    return Invoice.objects.get(visit=visit)


def _grouped(amount: Decimal) -> str:
    return f"{int(amount):,}"


def test_rial_amounts_are_grouped_without_decimals(invoice, finance, login):
    total = _grouped(invoice.total)
    page = login(finance).get("/billing/").content.decode()
    assert total in page
    assert f"{invoice.total:.2f}" not in page  # not '46335000.00'

    finance.language = "fa"
    finance.save()
    persian = login(finance).get("/billing/").content.decode()
    assert persian_digits(total) in persian

    rates = login(finance).get("/billing/tariffs/labour/").content.decode()
    assert persian_digits("1,500,000") in rates


def test_the_xlsx_export_has_numbers_not_text(invoice, finance, login):
    response = login(finance).get("/billing/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    row = [cell.value for cell in sheet[2]]
    total = row[header.index("Total")]
    assert isinstance(total, (int, float, Decimal))
    assert Decimal(str(total)) == invoice.total


def test_the_currency_and_line_filters_offer_all(invoice, finance, login):
    client = login(finance)
    for url in ("/billing/", "/billing/payments/", "/billing/journal/"):
        page = client.get(url).content.decode()
        assert "---------" not in page, url
    assert invoice.number in client.get("/billing/", {"currency": "IRR"}).content.decode()
    assert invoice.number not in client.get("/billing/", {"currency": "EUR"}).content.decode()


def test_a_quantity_has_the_italian_decimal_comma(invoice, finance, login):
    finance.language = "it"
    finance.save()
    invoice.lines.filter(kind="labour").update(quantity=Decimal("0.75"))
    page = login(finance).get(f"/billing/invoices/{invoice.pk}/").content.decode()
    assert "0,75" in page
