"""Reading an RFC 822 message with the standard library (`email`, policy=default): headers and
encoded words decoded, the charset of each part honoured, the plain text preferred and the text of
the HTML taken when there is no plain text, the attachments listed."""

import datetime as dt
import email
import email.policy
import email.utils
import hashlib
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from html.parser import HTMLParser

from django.utils import timezone

from aftersales.core.text import latin_digits


@dataclass
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass
class ParsedMessage:
    message_id: str
    from_address: str
    from_name: str
    to: str
    subject: str
    body: str
    from_html: bool
    sent_at: dt.datetime | None
    references: list[str]
    size: int
    attachments: list[Attachment] = field(default_factory=list)


def parse_message(raw: bytes) -> ParsedMessage:
    """The parts of `raw` (the bytes of one message) that the inbox keeps."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    from_address, from_name = _sender(message)
    body_part = _body_part(message)
    body, from_html = _text_of(body_part)
    return ParsedMessage(
        message_id=_message_id(message, raw),
        from_address=from_address,
        from_name=from_name,
        to=", ".join(_addresses(message, "To"))[:1000],
        subject=_one_line(_header(message, "Subject"))[:500],
        body=body,
        from_html=from_html,
        sent_at=_date(message),
        references=_header(message, "In-Reply-To").split() + _header(message, "References").split(),
        size=len(raw),
        attachments=list(_attachments(message, body_part)),
    )


def _header(message: EmailMessage, name: str) -> str:
    """A header's decoded text; a header too broken to decode gives its raw text."""
    try:
        value = message[name]
    except Exception:  # noqa: BLE001 - a malformed header must not lose the message
        raw = message.get_all(name) if hasattr(message, "get_all") else None
        value = raw[0] if raw else ""
    return str(value or "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _message_id(message: EmailMessage, raw: bytes) -> str:
    """The Message-ID without its angle brackets; without one, a digest of the bytes (so the
    same message received twice is still stored once)."""
    value = _one_line(_header(message, "Message-ID")).strip("<>").strip()
    if not value or len(value) > 255:
        return "sha256:" + hashlib.sha256(value.encode() if value else raw).hexdigest()
    return value


def _addresses(message: EmailMessage, name: str) -> list[str]:
    try:
        header = message[name]
        addresses = getattr(header, "addresses", None)
        if addresses is not None:
            return [address.addr_spec for address in addresses if address.addr_spec]
    except Exception:  # noqa: BLE001
        pass
    text = _header(message, name)
    return [addr for _name, addr in email.utils.getaddresses([text]) if addr]


def _sender(message: EmailMessage) -> tuple[str, str]:
    """The From address (lower-cased) and display name; Sender when From is missing."""
    for name in ("From", "Sender", "Return-Path"):
        try:
            header = message[name]
            addresses = getattr(header, "addresses", None) or ()
            for address in addresses:
                if address.addr_spec and "@" in address.addr_spec:
                    return address.addr_spec.lower()[:254], _one_line(address.display_name)[:200]
        except Exception:  # noqa: BLE001
            pass
        display, addr = email.utils.parseaddr(_header(message, name))
        if addr and "@" in addr:
            return addr.lower()[:254], _one_line(display)[:200]
    return "", ""


def _date(message: EmailMessage) -> dt.datetime | None:
    try:
        moment = email.utils.parsedate_to_datetime(_header(message, "Date"))
    except (TypeError, ValueError, IndexError):
        return None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _body_part(message: EmailMessage):
    try:
        return message.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001
        return None


def _text_of(part) -> tuple[str, bool]:
    """The part's text, decoded by its charset; the text of HTML when it is HTML."""
    if part is None:
        return "", False
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, KeyError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    except Exception:  # noqa: BLE001
        content = ""
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    if part.get_content_subtype() == "html":
        return html_to_text(content), True
    return _tidy(content), False


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _leaves(part):
    """Every part that is not a container; a forwarded message (message/rfc822) stays whole."""
    if part.get_content_type() == "message/rfc822":
        yield part
    elif part.is_multipart():
        for sub in part.iter_parts():
            yield from _leaves(sub)
    else:
        yield part


def _attachments(message: EmailMessage, body_part):
    for part in _leaves(message):
        if part is body_part:
            continue
        content_type = part.get_content_type()
        disposition = part.get_content_disposition()
        try:
            filename = part.get_filename() or ""
        except Exception:  # noqa: BLE001
            filename = ""
        if (
            content_type in ("text/plain", "text/html")
            and not filename
            and disposition != "attachment"
        ):
            continue  # the other form of the body (the HTML of a plain-text message)
        if content_type == "message/rfc822":
            inner = part.get_payload(0) if part.is_multipart() else part.get_payload()
            data = inner.as_bytes() if hasattr(inner, "as_bytes") else str(inner).encode()
            filename = filename or "message.eml"
        else:
            data = part.get_payload(decode=True) or b""
        if not filename:
            extension = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif"}.get(
                content_type, ".bin"
            )
            filename = f"attachment{extension}"
        yield Attachment(filename=_one_line(filename)[:255], content_type=content_type, data=data)


BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "hr"}
)
HIDDEN = frozenset({"script", "style", "head", "title", "template"})


class _TextOfHtml(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.chunks.append("\n")
            if tag == "li":
                self.chunks.append("- ")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.chunks.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.chunks.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML body: no tags, scripts or styles; a line per block."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.chunks).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# a service request's number, as `service.services.request_open` gives it: SR-2026-000123
REQUEST_NUMBER = re.compile(r"(?<![A-Za-z0-9])SR-\d{4}-\d{6,}(?!\d)", re.IGNORECASE)


def request_numbers(*texts: str) -> list[str]:
    """The request numbers named in `texts` (a subject, Message-IDs), first named first; Persian
    or Arabic digits count as digits."""
    numbers: list[str] = []
    for text in texts:
        for found in REQUEST_NUMBER.findall(latin_digits(text or "")):
            number = found.upper()
            if number not in numbers:
                numbers.append(number)
    return numbers
