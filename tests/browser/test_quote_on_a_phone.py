"""A customer opens the quote link from their SMS on a phone and accepts it; then a technician
closes the visit and the customer pays the invoice in the finance desk's records."""

import re

import pytest
from django.core import mail

from aftersales.billing import services
from aftersales.billing.models import Invoice, Quote
from tests.billing.conftest import close_visit, compressor, dispatcher, finance, iran, technician  # noqa: F401
from tests.factories import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_customer_accepts_a_quote_from_the_link_on_a_phone(
    browser,
    live_server,
    iran,  # noqa: F811
    service_data,
    operator,
    owner,
    owned_unit,  # noqa: F811
):
    from tests.factories import AddressFactory
    from tests.service.factories import open_request

    owner.email = "sara@example.com"
    owner.save()
    AddressFactory(customer=owner)
    job = open_request(by=operator, customer=owner, unit=owned_unit)
    quote = services.quote_create(
        by=operator,
        customer=owner,
        request=job,
        lines=[
            {"kind": "labour", "description": "Gas refill", "quantity": 1, "unit_price": 2_000_000}
        ],
    )
    mail.outbox.clear()
    services.quote_send(quote=quote, by=operator)  # committed at once: no transaction here
    link = re.search(r"/billing/q/[\w-]+/", mail.outbox[-1].body).group(0)

    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = phone.new_page()
    page.goto(link)
    assert quote.number in page.locator("h1").inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the phone
    page.click("#accept")
    page.wait_for_selector("#answered")
    assert Quote.objects.get(pk=quote.pk).status == "accepted"
    page.goto(link)
    assert page.locator("#invalid").is_visible()
    phone.close()


def test_finance_records_a_payment_on_the_invoice_page(
    page,
    iran,  # noqa: F811
    finance,  # noqa: F811
    close_visit,  # noqa: F811
    owner,
    owned_unit,
    compressor,  # noqa: F811
):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)])
    invoice = Invoice.objects.get(visit=visit)
    log_in(page, finance.username, PASSWORD)
    page.goto(f"/billing/invoices/{invoice.pk}/")
    page.select_option("#payment-form select[name=method]", "cash")
    page.fill("#payment-form input[name=amount]", "1")
    with page.expect_navigation():
        page.click("#payment-form button[type=submit]")
    assert "Payment recorded." in page.content()
    assert invoice.payments.count() == 1
