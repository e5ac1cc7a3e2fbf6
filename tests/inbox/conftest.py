import email.message
import email.policy
import email.utils
from pathlib import Path

import pytest

MAIL = Path(__file__).parent / "mail"


def fixture_bytes(name: str) -> bytes:
    return (MAIL / name).read_bytes()


def compose(
    *,
    sender="sara.karimi@example.ir",
    subject="Hello",
    body="Hi",
    message_id=None,
    in_reply_to=None,
    references=None,
) -> bytes:
    """A plain-text message as a mail client writes it (UTF-8, headers encoded as needed)."""
    message = email.message.EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = "service@aftersales.example"
    message["Subject"] = subject
    message["Date"] = email.utils.formatdate()
    message["Message-ID"] = message_id or email.utils.make_msgid(domain="example.ir")
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    if references:
        message["References"] = references
    message.set_content(body)
    return message.as_bytes()


@pytest.fixture
def customer_mail(owner):
    """`owner` (Sara Karimi) with her e-mail address on file."""
    owner.email = "sara.karimi@example.ir"
    owner.save()
    return owner
