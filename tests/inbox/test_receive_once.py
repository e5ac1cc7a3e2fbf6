"""Receiving: the same message twice is stored once; the sender matched to a customer by address
(any case); attachments kept as files within the caps; every record audited."""

import pytest
from auditlog.models import LogEntry

from aftersales.inbox import services
from aftersales.inbox.models import InboundAttachment, InboundMessage
from tests.factories import CustomerFactory

from .conftest import compose, fixture_bytes

pytestmark = pytest.mark.django_db


def test_the_same_message_twice_is_stored_once():
    raw = fixture_bytes("persian.eml")
    first, created = services.message_receive(raw=raw, source="maildir")
    again, created_again = services.message_receive(raw=raw, source="webhook")
    assert created and not created_again
    assert again.pk == first.pk
    assert InboundMessage.objects.count() == 1
    assert first.raw_size == len(raw)
    assert first.raw.read() == raw  # the original is kept


def test_sender_matched_to_customer_ignoring_case(customer_mail):
    message, _created = services.message_receive(raw=fixture_bytes("persian.eml"), source="maildir")
    assert message.customer == customer_mail
    assert message.status == "new"


def test_no_customer_when_two_share_the_address():
    CustomerFactory(email="family@example.ir")
    CustomerFactory(email="Family@example.ir")
    raw = compose(sender="family@example.ir")
    message, _created = services.message_receive(raw=raw, source="maildir")
    assert message.customer is None


def test_attachments_are_stored_as_files():
    message, _created = services.message_receive(
        raw=fixture_bytes("attachment.eml"), source="maildir"
    )
    files = list(message.attachments.all())
    assert [(f.filename, f.content_type, f.is_image) for f in files] == [
        ("damage.png", "image/png", True),
        ("رسید.pdf", "application/pdf", False),
    ]
    assert files[1].file.read() == b"%PDF-1.4 receipt"
    assert message.skipped_attachments == 0


def test_attachments_beyond_the_caps_are_counted_not_kept(monkeypatch):
    monkeypatch.setattr(services, "MAX_ATTACHMENTS", 1)
    message, _created = services.message_receive(
        raw=fixture_bytes("attachment.eml"), source="maildir"
    )
    assert message.attachments.count() == 1
    assert message.skipped_attachments == 1


def test_too_large_attachment_is_not_kept(monkeypatch):
    monkeypatch.setattr(services, "MAX_ATTACHMENT_BYTES", 20)  # the PNG is larger
    message, _created = services.message_receive(
        raw=fixture_bytes("attachment.eml"), source="maildir"
    )
    assert [a.filename for a in message.attachments.all()] == ["رسید.pdf"]
    assert message.skipped_attachments == 1


def test_receiving_is_audited():
    message, _created = services.message_receive(
        raw=fixture_bytes("attachment.eml"), source="maildir"
    )
    assert LogEntry.objects.get_for_object(message).filter(action=LogEntry.Action.CREATE).exists()
    attachment = InboundAttachment.objects.filter(message=message).first()
    assert LogEntry.objects.get_for_object(attachment).exists()
