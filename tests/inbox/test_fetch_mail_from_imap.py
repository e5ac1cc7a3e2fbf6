"""`manage.py fetch_mail --imap` against a real IMAP server on a real socket
(tests/inbox/imap_server.py): the unseen messages of the folder are stored once per Message-ID
and marked seen only once stored; seen messages are left alone; a message the server would not
give stays unseen and is taken next time; a wrong password stores nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from aftersales.inbox import services
from aftersales.inbox.models import InboundMessage

from .conftest import compose, fixture_bytes
from .imap_server import ImapServer, MailStore

pytestmark = pytest.mark.django_db

FOLDER = "Service Requests"


@pytest.fixture
def mailstore():
    store = MailStore(users={"service@example.com": 'se"cret pass'})
    for name in ("persian.eml", "italian.eml", "attachment.eml"):
        store.add(fixture_bytes(name), folder=FOLDER)
    store.add(compose(subject="already read elsewhere"), folder=FOLDER, seen=True)
    store.add(compose(subject="in another folder"))
    return store


@pytest.fixture
def imap(mailstore, settings):
    with ImapServer(mailstore) as server:
        settings.INBOX_IMAP = {
            "host": "127.0.0.1",
            "port": server.port,
            "user": "service@example.com",
            "password": 'se"cret pass',
            "folder": FOLDER,
            "ssl": "0",
        }
        yield mailstore


def _run(*args) -> str:
    out = StringIO()
    call_command("fetch_mail", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_unseen_messages_are_stored_then_marked_seen(imap):
    assert "3 stored, 0 already stored, 0 failed." in _run("--imap")
    assert set(InboundMessage.objects.values_list("source", flat=True)) == {"imap"}
    subjects = set(InboundMessage.objects.values_list("subject", flat=True))
    assert {"درخواست تعمیر کولر", "Lavatrice già rotta, perché?"} <= subjects
    assert not subjects & {"already read elsewhere", "in another folder"}
    assert imap.seen(FOLDER) == [True, True, True, True]
    assert imap.seen("INBOX") == [False]
    stored = InboundMessage.objects.get(message_id="persian-0001@mail.example.ir")
    assert stored.attachments.count() == 0 and stored.raw.read() == fixture_bytes("persian.eml")
    # read without marking (BODY.PEEK[]), marked only after; logged out at the end
    commands = [entry.split()[0:2] for entry in imap.log]
    assert ["UID", "FETCH"] in commands and ["UID", "STORE"] in commands
    assert all("PEEK" in entry for entry in imap.log if entry.startswith("UID FETCH"))
    assert imap.log[-1] == "LOGOUT"
    # a second run finds nothing unseen
    assert "0 stored, 0 already stored" in _run("--imap")
    assert InboundMessage.objects.count() == 3


def test_a_message_stored_by_another_way_is_only_marked_seen(imap):
    services.message_receive(raw=fixture_bytes("italian.eml"), source="webhook")
    assert "2 stored, 1 already stored, 0 failed." in _run("--imap")
    assert InboundMessage.objects.count() == 3
    assert all(imap.seen(FOLDER))


def test_a_message_not_given_stays_unseen_and_comes_next_time(imap):
    second = imap.folders[FOLDER][1]
    imap.refuse_fetch.add(second.uid)
    with pytest.raises(CommandError, match="stay unseen"):
        _run("--imap")
    assert InboundMessage.objects.count() == 2
    assert imap.seen(FOLDER) == [True, False, True, True]
    imap.refuse_fetch.clear()
    assert "1 stored, 0 already stored, 0 failed." in _run("--imap")
    assert all(imap.seen(FOLDER))


def test_a_wrong_password_stores_nothing(imap, settings):
    settings.INBOX_IMAP = {**settings.INBOX_IMAP, "password": "wrong"}
    with pytest.raises(CommandError, match="IMAP"):
        _run("--imap")
    assert not InboundMessage.objects.exists()
    assert imap.seen(FOLDER) == [False, False, False, True]


def test_no_mailbox_set(settings):
    settings.INBOX_IMAP = {"host": ""}
    with pytest.raises(CommandError, match="AFTERSALES_IMAP_HOST"):
        _run("--imap")
    with pytest.raises(CommandError):
        _run()  # neither --maildir nor --imap
