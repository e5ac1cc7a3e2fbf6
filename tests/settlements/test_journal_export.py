"""The settlement journal for accounting: one line per amount, debit and credit account codes,
exported as CSV and XLSX; only finance and managers see it."""

import csv
import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from aftersales.settlements import services


def test_the_journal_exports_balanced_lines_as_csv_and_xlsx(login, finance, mehr_approved):
    services.settlement_mark_paid(settlement=mehr_approved, by=finance, reference="TR-5")
    client = login(finance)
    page = client.get(reverse("settlements:journal"))
    assert page.status_code == 200
    assert mehr_approved.number in page.content.decode()

    response = client.get(reverse("settlements:journal"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 4
    by_debit = {row["Debit account"]: Decimal(row["Amount"]) for row in rows}
    # default account codes: labour 6110, travel 6120, parts 6130 against agents 2120; bank 1110
    assert by_debit == {
        "6110": Decimal(500_000),
        "6120": Decimal(200_000),
        "6130": Decimal(900_000),
        "2120": Decimal(1_600_000),
    }
    debits = sum(Decimal(r["Amount"]) for r in rows if r["Debit account"] == "2120")
    credits = sum(Decimal(r["Amount"]) for r in rows if r["Credit account"] == "2120")
    assert debits == credits  # the agent's account is settled to zero
    assert {row["Settlement"] for row in rows} == {mehr_approved.number}

    xlsx = client.get(reverse("settlements:journal"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.values)
    assert len(values) == 5 and "Debit account" in values[0]


def test_account_codes_come_from_the_settings(login, finance, mehr_approved, settings):
    settings.SETTLEMENT_ACCOUNT_CODES = {"warranty_labour": "61.10.001"}
    response = login(finance).get(reverse("settlements:journal"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "61.10.001" in text


def test_the_journal_can_be_searched(login, finance, mehr_approved):
    client = login(finance)
    found = client.get(reverse("settlements:journal"), {"q": mehr_approved.number})
    assert "3 records" in found.content.decode()
    none = client.get(reverse("settlements:journal"), {"q": "nothing-like-this"})
    assert "0 records" in none.content.decode()
