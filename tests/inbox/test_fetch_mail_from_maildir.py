"""`manage.py fetch_mail --maildir PATH` with a real Maildir: new messages stored, then moved to
cur/ marked seen (or deleted); what is already in cur/ is left alone; a second run adds nothing."""

import mailbox

import pytest
from django.core.management import CommandError, call_command

from aftersales.inbox.models import InboundMessage

from .conftest import compose, fixture_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def maildir(tmp_path):
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for name in ("persian.eml", "italian.eml", "attachment.eml"):
        box.add(mailbox.MaildirMessage(fixture_bytes(name)))
    read = mailbox.MaildirMessage(compose(subject="already read elsewhere"))
    read.set_subdir("cur")
    read.add_flag("S")
    box.add(read)
    return tmp_path / "Maildir"


def _run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("fetch_mail", *args, stdout=out)
    return out.getvalue()


def test_new_messages_are_stored_and_moved_to_cur(maildir):
    assert "3 stored, 0 already stored, 0 failed." in _run("--maildir", str(maildir))
    assert set(InboundMessage.objects.values_list("source", flat=True)) == {"maildir"}
    subjects = set(InboundMessage.objects.values_list("subject", flat=True))
    assert {"درخواست تعمیر کولر", "Lavatrice già rotta, perché?"} <= subjects
    assert "already read elsewhere" not in subjects
    assert not list((maildir / "new").iterdir())
    box = mailbox.Maildir(maildir, create=False)
    kept = [box.get_message(key) for key in box.iterkeys()]
    assert len(kept) == 4
    assert all(message.get_subdir() == "cur" and "S" in message.get_flags() for message in kept)
    ids = {message["Message-ID"] for message in kept}
    assert "<persian-0001@mail.example.ir>" in ids  # moved whole, not rewritten
    # a second run finds nothing new
    assert "0 stored" in _run("--maildir", str(maildir))
    assert InboundMessage.objects.count() == 3


def test_a_message_seen_twice_is_stored_once(maildir):
    box = mailbox.Maildir(maildir, create=False)
    box.add(mailbox.MaildirMessage(fixture_bytes("persian.eml")))  # delivered twice
    assert "3 stored, 1 already stored" in _run("--maildir", str(maildir))


def test_delete_removes_what_was_stored(maildir):
    _run("--maildir", str(maildir), "--delete")
    assert InboundMessage.objects.count() == 3
    assert not list((maildir / "new").iterdir())
    assert len(list((maildir / "cur").iterdir())) == 1  # only the one read elsewhere


def test_not_a_maildir(tmp_path):
    with pytest.raises(CommandError):
        _run("--maildir", str(tmp_path))
