"""Finance's invoice pages: list and exports, the invoice, payments, credit notes, scope."""

import datetime as dt
from decimal import Decimal

import pytest

from aftersales.billing.models import Invoice, Payment
from aftersales.billing.selectors import invoice_balance


@pytest.fixture
def invoice(iran, close_visit, owner, owned_unit, compressor):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)])
    return Invoice.objects.get(visit=visit)


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_finance_lists_searches_and_exports_invoices(invoice, finance, login):
    client = login(finance)

    page = client.get("/billing/", {"q": invoice.number})
    assert page.status_code == 200
    assert invoice.number in page.content.decode()
    assert "Nothing found" in client.get("/billing/", {"q": "INV-XX-0"}).content.decode()

    csv = client.get("/billing/", {"export": "csv"})
    assert csv.status_code == 200
    assert invoice.number in _body(csv)
    xlsx = client.get("/billing/payments/", {"export": "xlsx"})
    assert xlsx.status_code == 200
    journal = _body(client.get("/billing/journal/", {"export": "csv"}))
    assert journal.count(invoice.number) == invoice.lines.count()


def test_a_payment_lowers_the_balance_and_overpaying_is_refused(invoice, finance, login):
    client = login(finance)
    url = f"/billing/invoices/{invoice.pk}/payments/"

    too_much = client.post(url, {"method": "cash", "amount": str(invoice.customer_total + 1)})
    assert too_much.status_code == 400
    assert "is open on this document" in too_much.content.decode()
    no_ref = client.post(url, {"method": "card", "amount": "1000"})
    assert "Give the card slip or bank reference." in no_ref.content.decode()
    assert not Payment.objects.exists()

    done = client.post(url, {"method": "cash", "amount": "20000000"})
    assert done.status_code == 302
    assert invoice_balance(invoice) == invoice.customer_total - Decimal("20000000")
    client.post(
        url, {"method": "transfer", "amount": str(invoice_balance(invoice)), "reference": "TR-1"}
    )
    assert invoice_balance(invoice) == 0
    page = client.get(f"/billing/invoices/{invoice.pk}/").content.decode()
    assert 'id="payment-form"' not in page  # nothing left to pay


def test_an_issued_invoice_is_credited_refunded_and_redrafted(invoice, finance, login):
    client = login(finance)
    client.post(
        f"/billing/invoices/{invoice.pk}/payments/",
        {"method": "cash", "amount": str(invoice.customer_total)},
    )

    refused = client.post(f"/billing/invoices/{invoice.pk}/credit/", {"reason": ""})
    assert refused.status_code == 400
    response = client.post(f"/billing/invoices/{invoice.pk}/credit/", {"reason": "Wrong part"})
    note = Invoice.objects.get(credit_of=invoice)
    assert response.status_code == 302
    assert note.number.startswith(f"CN-IR-{note.issue_date.year}-")
    assert note.total == invoice.total
    assert invoice_balance(invoice) == -invoice.customer_total  # owed back to the customer

    client.post(
        f"/billing/invoices/{note.pk}/payments/",
        {"method": "cash", "amount": str(invoice.customer_total)},
    )
    assert invoice_balance(invoice) == 0

    client.post(f"/billing/invoices/{invoice.pk}/redraft/")
    draft = Invoice.objects.filter(status="draft").get()
    assert draft.lines.count() == invoice.lines.count()
    invoice.refresh_from_db()
    assert invoice.total == note.total  # the issued invoice itself never changed


def test_a_draft_line_is_corrected_then_issued(
    iran, close_visit, owner, owned_unit, finance, login
):
    from tests.factories import PartFactory

    visit = close_visit(customer=owner, unit=owned_unit, parts=[(PartFactory(sku="X-1"), 2)])
    draft = Invoice.objects.get(visit=visit)
    line = draft.lines.get(kind="part")
    client = login(finance)

    client.post(f"/billing/invoices/{draft.pk}/issue/")
    draft.refresh_from_db()
    assert draft.status == "draft"  # the part has no price yet

    bad = client.post(
        f"/billing/invoices/{draft.pk}/lines/{line.pk}/", {"quantity": "0", "unit_price": "-1"}
    )
    assert bad.status_code == 400
    client.post(
        f"/billing/invoices/{draft.pk}/lines/{line.pk}/", {"quantity": "2", "unit_price": "300000"}
    )
    client.post(f"/billing/invoices/{draft.pk}/issue/")
    draft.refresh_from_db()
    assert draft.status == "issued"
    assert draft.lines.get(kind="part").net == Decimal("600000")
    assert draft.number
    issued_line = client.get(f"/billing/invoices/{draft.pk}/lines/{line.pk}/")
    assert issued_line.url == draft.get_absolute_url()  # no form that could only be refused


def test_the_owner_sees_their_invoice_and_a_stranger_does_not(
    invoice, owner, stranger, login, agent_user, other_agent, make_user
):
    mine = login(owner.user)
    assert mine.get(f"/billing/invoices/{invoice.pk}/").status_code == 200
    assert mine.get(f"/billing/invoices/{invoice.pk}/pdf/").status_code == 200
    assert invoice.number in mine.get("/billing/my/").content.decode()
    assert mine.post(f"/billing/invoices/{invoice.pk}/credit/", {"reason": "x"}).status_code == 404

    theirs = login(stranger.user)
    assert theirs.get(f"/billing/invoices/{invoice.pk}/").status_code == 404
    assert theirs.get(f"/billing/invoices/{invoice.pk}/pdf/").status_code == 404
    assert invoice.number not in theirs.get("/billing/my/").content.decode()

    assert login(agent_user).get(f"/billing/invoices/{invoice.pk}/").status_code == 200
    other = make_user("agent", username="south", agent=other_agent)
    assert login(other).get(f"/billing/invoices/{invoice.pk}/").status_code == 404


def test_the_visit_page_links_its_invoice_and_job_sheet(invoice, operator, login):
    client = login(operator)
    page = client.get(f"/service/visits/{invoice.visit_id}/").content.decode()
    assert f"/billing/visits/{invoice.visit_id}/job-sheet.pdf" in page
    assert (
        client.get(f"/billing/visits/{invoice.visit_id}/invoice/").url
        == f"/billing/invoices/{invoice.pk}/"
    )
    sheet = client.get(f"/billing/visits/{invoice.visit_id}/job-sheet.pdf")
    assert sheet["Content-Type"] == "application/pdf"
    assert sheet.content.startswith(b"%PDF")


def test_payment_in_the_future_is_refused(invoice, finance, login):
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    response = login(finance).post(
        f"/billing/invoices/{invoice.pk}/payments/",
        {"method": "cash", "amount": "1000", "received_on": tomorrow.isoformat()},
    )
    assert response.status_code == 400
    assert not Payment.objects.exists()


def test_a_rial_payment_with_decimals_is_refused_not_rounded(invoice, finance, login):
    client = login(finance)
    url = f"/billing/invoices/{invoice.pk}/payments/"
    response = client.post(url, {"method": "cash", "amount": "1000.5"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the amount with at most 0 decimals in IRR." in page
    assert 'value="1000.5"' in page
    assert not Payment.objects.exists()


def test_the_open_amount_in_the_overpayment_message_reads_as_money(invoice, finance, login):
    from aftersales.core.money import show_money

    too_much = login(finance).post(
        f"/billing/invoices/{invoice.pk}/payments/",
        {"method": "cash", "amount": str(invoice.customer_total + 1)},
    )
    open_amount = show_money(invoice.customer_total, "IRR")
    assert f"Only {open_amount} is open on this document." in too_much.content.decode()
