"""The invoices list shows what is still due on each invoice, the same figure as the invoice's
page, and finance filters the invoices with money still due."""

from decimal import Decimal

import pytest

from aftersales.billing import services
from aftersales.billing.models import Invoice
from aftersales.billing.selectors import invoice_balance, with_balance


@pytest.fixture
def invoice(iran, close_visit, owner, owned_unit, compressor):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)])
    return Invoice.objects.get(visit=visit)


def _listed(invoice) -> Decimal:
    return with_balance(Invoice.objects.filter(pk=invoice.pk)).get().balance


def test_the_balance_follows_payments_credit_notes_and_refunds(invoice, finance):
    assert _listed(invoice) == invoice_balance(invoice) == invoice.customer_total

    services.payment_record(invoice=invoice, by=finance, method="cash", amount=Decimal(1_000_000))
    assert _listed(invoice) == invoice_balance(invoice) == invoice.customer_total - 1_000_000

    note = services.credit_note_create(invoice=invoice, by=finance, reason="Wrong part")
    assert _listed(invoice) == invoice_balance(invoice) == Decimal(-1_000_000)  # owed back
    assert _listed(note) is None

    services.payment_record(invoice=note, by=finance, method="cash", amount=Decimal(1_000_000))
    assert _listed(invoice) == invoice_balance(invoice) == 0


def test_finance_lists_the_invoices_with_money_due(invoice, finance, login):
    client = login(finance)
    page = client.get("/billing/", {"due": "true"}).content.decode()
    assert invoice.number in page
    assert f"{int(invoice.customer_total):,}" in page  # the balance column

    services.payment_record(
        invoice=invoice, by=finance, method="cash", amount=invoice.customer_total
    )
    assert invoice.number not in client.get("/billing/", {"due": "true"}).content.decode()
    assert invoice.number in client.get("/billing/", {"due": "false"}).content.decode()
    assert client.get("/billing/", {"sort": "-balance"}).status_code == 200
