"""In a real browser: the operator opens the incoming e-mail, takes a customer's message to a new
request (the service's form, prefilled) and finds the message linked to the request."""

import pytest

from aftersales.inbox import services
from aftersales.service.models import ServiceRequest
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, AddressFactory

from .conftest import fixture_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_queue_to_new_request(page, operator, customer_mail, owned_unit, service_data):
    AddressFactory(customer=customer_mail, line="12 Valiasr")
    message, _created = services.message_receive(raw=fixture_bytes("persian.eml"), source="maildir")
    log_in(page, operator.username, PASSWORD)
    page.goto("/inbox/")
    page.get_by_role("link", name="درخواست تعمیر کولر").click()
    page.wait_for_url(f"**/inbox/{message.pk}/")
    assert "Sara Karimi" in page.locator("#customer").inner_text()
    page.click("#open-request")
    page.wait_for_url(f"**/inbox/{message.pk}/request/")
    assert page.input_value("select[name=channel]") == "email"
    assert "سرد نمی" in page.input_value("textarea[name=description]")
    page.select_option("select[name=service_type]", label="Repair")
    page.select_option("select[name=unit]", str(owned_unit.pk))
    page.select_option("select[name=address]", label="12 Valiasr")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    request = ServiceRequest.objects.get()
    assert page.url.endswith(request.get_absolute_url())
    assert "درخواست تعمیر کولر" in page.locator("#request-mail").inner_text()
    message.refresh_from_db()
    assert message.status == "opened" and message.request == request
