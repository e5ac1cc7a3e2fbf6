"""From the payments list and the journal finance opens the invoice a row belongs to, and from
the invoice its service request."""

import pytest

from aftersales.billing import services
from aftersales.billing.models import Invoice


@pytest.fixture
def invoice(iran, close_visit, owner, owned_unit, compressor):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)])
    return Invoice.objects.get(visit=visit)


def test_payments_and_journal_rows_link_their_invoice(invoice, finance, login):
    services.payment_record(invoice=invoice, by=finance, method="cash", amount=1000)
    client = login(finance)
    link = f'href="/billing/invoices/{invoice.pk}/"'
    assert link in client.get("/billing/payments/").content.decode()
    assert link in client.get("/billing/journal/").content.decode()


def test_the_invoice_links_its_service_request_for_staff(invoice, finance, owner, login):
    link = f'href="{invoice.request.get_absolute_url()}"'
    assert link in login(finance).get(f"/billing/invoices/{invoice.pk}/").content.decode()
    assert link not in login(owner.user).get(f"/billing/invoices/{invoice.pk}/").content.decode()
