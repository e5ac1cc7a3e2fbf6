"""/inbox/inbound/: a mail provider POSTs the raw message with the shared secret; without a
secret configured the endpoint does not exist; CSRF does not apply to it (only to it)."""

import base64

import pytest
from django.test import Client

from aftersales.inbox.models import InboundMessage

from .conftest import fixture_bytes

pytestmark = pytest.mark.django_db
URL = "/inbox/inbound/"
SECRET = "s3cret-of-the-provider"


@pytest.fixture
def secret(settings):
    settings.INBOUND_MAIL_SECRET = SECRET


@pytest.fixture
def client():
    return Client(enforce_csrf_checks=True)


def _post(client, raw, **headers):
    return client.post(URL, data=raw, content_type="message/rfc822", headers=headers)


def test_without_a_configured_secret_the_endpoint_is_404(client, settings):
    settings.INBOUND_MAIL_SECRET = ""
    response = _post(client, fixture_bytes("persian.eml"), x_inbound_secret="anything")
    assert response.status_code == 404
    assert not InboundMessage.objects.exists()


def test_missing_secret_is_401(client, secret):
    response = _post(client, fixture_bytes("persian.eml"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    assert not InboundMessage.objects.exists()


def test_wrong_secret_is_403(client, secret):
    response = _post(client, fixture_bytes("persian.eml"), x_inbound_secret="guess")
    assert response.status_code == 403
    assert not InboundMessage.objects.exists()


def test_right_secret_stores_the_message_once(client, secret):
    raw = fixture_bytes("persian.eml")
    response = _post(client, raw, x_inbound_secret=SECRET)
    assert response.status_code == 201
    message = InboundMessage.objects.get()
    assert response.json() == {"id": message.pk, "created": True, "status": "new"}
    assert message.source == "webhook"
    assert message.subject == "درخواست تعمیر کولر"
    again = _post(client, raw, x_inbound_secret=SECRET)
    assert again.status_code == 200 and again.json()["created"] is False
    assert InboundMessage.objects.count() == 1


def test_basic_auth_password_is_the_secret(client, secret):
    token = base64.b64encode(f"inbox:{SECRET}".encode()).decode()
    response = _post(client, fixture_bytes("italian.eml"), authorization=f"Basic {token}")
    assert response.status_code == 201
    wrong = base64.b64encode(b"inbox:nope").decode()
    response = _post(client, fixture_bytes("html_only.eml"), authorization=f"Basic {wrong}")
    assert response.status_code == 403


def test_multipart_field_email_as_a_file(client, secret):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("m.eml", fixture_bytes("attachment.eml"), "message/rfc822")
    response = client.post(URL, {"email": upload}, headers={"x_inbound_secret": SECRET})
    assert response.status_code == 201
    assert InboundMessage.objects.get().attachments.count() == 2


def test_multipart_field_email_as_text(client, secret):
    raw = fixture_bytes("italian.eml").decode("ascii")
    response = client.post(URL, {"email": raw}, headers={"x_inbound_secret": SECRET})
    assert response.status_code == 201
    assert InboundMessage.objects.get().subject == "Lavatrice già rotta, perché?"


def test_other_bodies_and_methods_are_refused(client, secret):
    response = client.post(
        URL, data="{}", content_type="application/json", headers={"x_inbound_secret": SECRET}
    )
    assert response.status_code == 415
    assert client.get(URL, headers={"x_inbound_secret": SECRET}).status_code == 405


def test_other_pages_still_need_csrf(client, operator):
    client.force_login(operator)
    assert client.post("/inbox/1/ignore/").status_code == 403
