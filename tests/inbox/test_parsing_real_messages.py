"""Real .eml files: encoded words and charsets decoded, Persian and Italian text intact, the text
of an HTML-only message without its markup, attachments found."""

import datetime as dt

from aftersales.inbox.parsing import html_to_text, parse_message, request_numbers

from .conftest import fixture_bytes


def test_persian_subject_name_and_body_survive():
    parsed = parse_message(fixture_bytes("persian.eml"))
    assert parsed.message_id == "persian-0001@mail.example.ir"
    assert parsed.subject == "درخواست تعمیر کولر"
    assert parsed.from_name == "سارا کریمی"
    assert parsed.from_address == "sara.karimi@example.ir"  # lower-cased
    assert "سرد نمی\u200cکند" in parsed.body
    assert parsed.from_html is False
    assert parsed.sent_at == dt.datetime(2026, 12, 5, 5, 45, tzinfo=dt.UTC)


def test_italian_quoted_printable_in_latin_1():
    parsed = parse_message(fixture_bytes("italian.eml"))
    assert parsed.subject == "Lavatrice già rotta, perché?"
    assert parsed.from_name == "Marco Rossi"
    assert "non centrifuga più: è già la seconda volta. Perché?" in parsed.body


def test_html_only_message_gives_its_text_without_markup_or_scripts():
    parsed = parse_message(fixture_bytes("html_only.eml"))
    assert parsed.from_html is True
    assert "Hello & good morning," in parsed.body
    assert "The fridge makes noise." in parsed.body
    assert "- Model AC18" in parsed.body
    for hidden in ("alert", "color: red", "Hidden title", "<", "tracker"):
        assert hidden not in parsed.body


def test_attachments_are_found_with_their_decoded_names():
    parsed = parse_message(fixture_bytes("attachment.eml"))
    assert parsed.body == "The photo and the receipt are attached."  # the plain part, not HTML
    found = [(a.filename, a.content_type) for a in parsed.attachments]
    assert found == [("damage.png", "image/png"), ("رسید.pdf", "application/pdf")]
    assert parsed.attachments[0].data.startswith(b"\x89PNG")


def test_a_message_without_message_id_gets_a_digest_of_its_bytes():
    raw = b"From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n"
    first, second = parse_message(raw), parse_message(raw)
    assert first.message_id.startswith("sha256:")
    assert first.message_id == second.message_id


def test_request_numbers_in_any_case_and_persian_digits():
    assert request_numbers("Re: sr-2026-000123 and SR-۲۰۲۶-۰۰۰۱۲۴", "<SR-2026-000123@x>") == [
        "SR-2026-000123",
        "SR-2026-000124",
    ]
    assert request_numbers("XSR-2026-000123", "SR-2026-12") == []


def test_html_to_text_keeps_entities_and_lines():
    assert html_to_text("<div>a&lt;b</div><div>c</div>") == "a<b\n\nc"
