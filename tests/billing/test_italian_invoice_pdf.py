"""What an Italian customer expects on a fattura: both parties' partita IVA / codice fiscale, the
address as Italians write it (CAP, city, provincia), the company's phone readable, each payer's
share named as on the invoice's page, and times in Italy's time, not Tehran's."""

import datetime as dt

import pytest

from aftersales.billing.documents import invoice_pdf, job_sheet_pdf
from aftersales.billing.models import Invoice
from tests.pdf import pdf_text


@pytest.fixture
def italian_company_customer(italian_company, italian_customer):
    """A company in Milan, with its partita IVA and its owner's codice fiscale, billed by the
    Italian company (with a phone)."""
    italian_company.phone = "+390212345678"
    italian_company.save()
    italian_customer.kind = "company"
    italian_customer.company_name = "Rossi Impianti S.r.l."
    italian_customer.vat_number = "00743110157"
    italian_customer.save()
    return italian_customer


def test_the_fattura_names_both_parties_as_an_italian_invoice_must(
    italian_company_customer, close_visit, strangers_unit, tmp_path
):
    visit = close_visit(customer=italian_company_customer, unit=strangers_unit)
    invoice = Invoice.objects.get(visit=visit)

    text = pdf_text(invoice_pdf(invoice), tmp_path)

    assert "Partita IVA: 12345670157" in text  # the company's
    assert "+39 02 1234 5678" in text  # the company's phone, not +390212345678
    assert "Partita IVA: 00743110157" in text  # the customer's ...
    assert "Codice fiscale: RSSMRA80A01H501U" in text  # ... and their codice fiscale too
    assert "Via Roma 1, 20121 Milano (MI)" in text
    assert "A carico del cliente" in text  # as the invoice's page says it
    assert "Pagato da" not in text  # "paid by Cliente": not paid yet, and half English grammar


def test_the_job_sheet_of_a_visit_in_milan_tells_milans_time(
    italian_company_customer, close_visit, strangers_unit, tmp_path
):
    visit = close_visit(customer=italian_company_customer, unit=strangers_unit)
    visit.checked_in_at = dt.datetime(2026, 11, 20, 11, 0, tzinfo=dt.UTC)
    visit.checked_out_at = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
    visit.save(update_fields=["checked_in_at", "checked_out_at"])

    text = pdf_text(job_sheet_pdf(visit), tmp_path)

    assert "20/11/2026 12:00" in text and "20/11/2026 13:00" in text  # Rome, winter: UTC+1
    assert "14:30" not in text  # Tehran's time, the server's default
