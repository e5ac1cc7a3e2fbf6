"""The desk's pages: the queue (search, filter, sort, export), a message's page (its text always
escaped), the new request opened from a message, attaching, ignoring; customers and agents get
404 everywhere."""

import pytest

from aftersales.core.choices import Role
from aftersales.inbox import services
from aftersales.inbox.models import InboundMessage
from aftersales.service.models import ServiceRequest
from tests.factories import AddressFactory
from tests.service.factories import open_request

from .conftest import compose, fixture_bytes

pytestmark = pytest.mark.django_db


def _receive(raw) -> InboundMessage:
    return services.message_receive(raw=raw, source="webhook")[0]


@pytest.fixture
def persian(customer_mail):
    return _receive(fixture_bytes("persian.eml"))


@pytest.fixture
def italian():
    return _receive(fixture_bytes("italian.eml"))


def test_queue_search_filter_sort_and_export(login, operator, persian, italian):
    client = login(operator)
    page = client.get("/inbox/").content.decode()
    assert "درخواست تعمیر کولر" in page and "Lavatrice già rotta" in page
    assert "Incoming e-mail" in page  # the menu and the title
    found = client.get("/inbox/", {"q": "marco.rossi"}).content.decode()
    assert "Lavatrice" in found and "درخواست" not in found
    found = client.get("/inbox/", {"q": "کولر"}).content.decode()
    assert "درخواست تعمیر کولر" in found and "Lavatrice" not in found
    services.message_ignore(message=italian, by=operator)
    new_only = client.get("/inbox/", {"status": "new"}).content.decode()
    assert "Lavatrice" not in new_only
    assert client.get("/inbox/", {"sort": "subject"}).status_code == 200
    export = client.get("/inbox/", {"export": "csv"})
    assert export.status_code == 200
    assert "Lavatrice già rotta, perché?" in b"".join(export.streaming_content).decode("utf-8-sig")


def test_message_text_is_escaped_never_raw_html(login, operator):
    raw = compose(sender="x@example.com", subject="<b>bold</b>", body="<script>alert(1)</script>")
    message = _receive(raw)
    page = login(operator).get(message.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_message_page_shows_customer_and_attachments(login, operator, customer_mail):
    message = _receive(fixture_bytes("attachment.eml"))
    client = login(operator)
    page = client.get(message.get_absolute_url()).content.decode()
    assert customer_mail.display_name in page
    assert "damage.png" in page and "رسید.pdf" in page
    image, pdf = message.attachments.all()
    shown = client.get(image.get_absolute_url())
    assert shown["Content-Type"] == "image/png"
    assert "attachment" not in shown.get("Content-Disposition", "")
    downloaded = client.get(pdf.get_absolute_url())
    assert downloaded["Content-Type"] == "application/octet-stream"
    assert downloaded["Content-Disposition"].startswith("attachment")
    assert downloaded["Content-Security-Policy"] == "sandbox"
    assert b"".join(downloaded.streaming_content) == b"%PDF-1.4 receipt"


def test_new_request_from_the_message(login, operator, persian, owned_unit, service_data):
    AddressFactory(customer=persian.customer)
    client = login(operator)
    url = f"/inbox/{persian.pk}/request/"
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'value="email" selected' in html
    assert "سرد نمی\u200cکند" in html  # the description, prefilled
    address = persian.customer.addresses.get()
    repair = form.context["form"].fields["service_type"].queryset.get(code="repair")
    response = client.post(
        url,
        {
            "service_type": repair.pk,
            "unit": owned_unit.pk,
            "address": address.pk,
            "channel": "email",
            "description": "Kooler does not cool",
        },
    )
    request = ServiceRequest.objects.get()
    assert response.status_code == 302 and response.url == request.get_absolute_url()
    assert request.channel == "email" and request.customer == persian.customer
    persian.refresh_from_db()
    assert persian.status == "opened" and persian.request == request
    assert persian.handled_by == operator
    # the request's page shows the message
    page = client.get(request.get_absolute_url()).content.decode()
    assert 'id="request-mail"' in page
    # and the message cannot go to a second request
    again = client.get(url)
    assert again.status_code == 302


def test_unknown_sender_chooses_the_customer_first(login, operator, italian, stranger):
    client = login(operator)
    url = f"/inbox/{italian.pk}/request/"
    page = client.get(url).content.decode()
    assert 'id="find-customer"' in page
    page = client.get(url, {"q": "Rossi"}).content.decode()
    assert f"?customer={stranger.pk}" in page
    page = client.get(url, {"customer": stranger.pk}).content.decode()
    assert "New service request for Marco Rossi" in page


def test_attach_by_number_and_ignore(login, operator, italian, owner, owned_unit, service_data):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    client = login(operator)
    response = client.post(f"/inbox/{italian.pk}/attach/", {"number": "sr-0000-000000"})
    assert response.status_code == 302
    italian.refresh_from_db()
    assert italian.status == "new"
    client.post(f"/inbox/{italian.pk}/attach/", {"number": request.number.lower()})
    italian.refresh_from_db()
    assert italian.status == "attached" and italian.request == request
    assert italian.handled_by == operator
    other = _receive(compose(sender="spam@example.com", subject="Cheap pills"))
    response = client.post(f"/inbox/{other.pk}/ignore/")
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.status == "ignored"


@pytest.mark.parametrize("who", ["customer", "agent", "technician"])
def test_others_get_404(login, who, owner, agent_user, make_user, persian):
    user = {
        "customer": owner.user,
        "agent": agent_user,
        "technician": make_user(Role.TECHNICIAN, username="tech"),
    }[who]
    client = login(user)
    attachment_message = _receive(fixture_bytes("attachment.eml"))
    for url in (
        "/inbox/",
        persian.get_absolute_url(),
        f"/inbox/{persian.pk}/request/",
        attachment_message.attachments.first().get_absolute_url(),
    ):
        response = client.get(url)
        if url == "/inbox/" and who != "customer":  # an empty list, as every list does
            assert "درخواست" not in response.content.decode()
        else:
            assert response.status_code == 404, url
    assert client.post(f"/inbox/{persian.pk}/ignore/").status_code == 404
    persian.refresh_from_db()
    assert persian.status == "new"


def test_customer_gets_404_on_the_queue(login, owner):
    assert login(owner.user).get("/inbox/").status_code == 404
