"""Reading an IMAP mailbox into the inbox with the standard library's `imaplib`: the unseen
messages of one folder are stored (once per Message-ID) and only then marked seen, so a message
that could not be stored stays unseen and is tried again next time.

The mailbox comes from the environment (`settings.INBOX_IMAP`, see docs/inbox.md). Messages are
addressed by UID (stable while other clients read the same folder) and read with `BODY.PEEK[]`,
which leaves `\\Seen` alone until the message is stored.
"""

import contextlib
import imaplib
import re
import ssl
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from . import services
from .choices import Source

TIMEOUT = 60  # seconds a silent server is waited for


class ImapError(Exception):
    """The mailbox could not be reached, logged in to or read."""


@dataclass(frozen=True)
class ImapMailbox:
    host: str
    user: str
    password: str
    folder: str = "INBOX"
    security: str = "1"  # "1": TLS from the start, "starttls", "0": plain (a local server only)
    port: int = 0  # 0: 993 with TLS, 143 otherwise

    @classmethod
    def from_settings(cls) -> "ImapMailbox | None":
        """The mailbox set in the environment, None when no host is set."""
        config = dict(getattr(settings, "INBOX_IMAP", None) or {})
        if not config.get("host"):
            return None
        return cls(
            host=config["host"],
            user=config.get("user", ""),
            password=config.get("password", ""),
            folder=config.get("folder") or "INBOX",
            security=str(config.get("ssl", "1")).strip().lower(),
            port=int(config.get("port") or 0),
        )

    @property
    def tls(self) -> bool:
        return self.security not in ("0", "starttls", "no", "false", "off")

    def connect(self) -> imaplib.IMAP4:
        port = self.port or (993 if self.tls else 143)
        if self.tls:
            return imaplib.IMAP4_SSL(
                self.host, port, ssl_context=ssl.create_default_context(), timeout=TIMEOUT
            )
        connection = imaplib.IMAP4(self.host, port, timeout=TIMEOUT)
        if self.security == "starttls":
            connection.starttls(ssl_context=ssl.create_default_context())
        return connection


@dataclass
class Counts:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0


def _quoted(folder: str) -> str:
    """A folder name as an IMAP string (imaplib sends arguments as they are)."""
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _check(answer: tuple, what: str) -> list:
    kind, data = answer
    if kind != "OK":
        raise ImapError(f"{what}: {kind} {data!r}")
    return data


def _message_bytes(data: list) -> bytes | None:
    """The message in a FETCH answer: the literal of the first (envelope, bytes) pair."""
    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            return item[1]
    return None


def fetch_unseen(
    mailbox: ImapMailbox, *, on_error: Callable[[str], None] = lambda text: None
) -> Counts:
    """Store each unseen message of the mailbox's folder, then mark it seen. A message that
    could not be read or stored is reported to `on_error` and left unseen. Raises ImapError
    when the mailbox cannot be reached, logged in to or opened."""
    counts = Counts()
    try:
        connection = mailbox.connect()
    except (OSError, imaplib.IMAP4.error) as error:
        raise ImapError(f"{mailbox.host}: {error}") from error
    try:
        try:
            connection.login(mailbox.user, mailbox.password)
            _check(connection.select(_quoted(mailbox.folder)), f"SELECT {mailbox.folder}")
            found = _check(connection.uid("SEARCH", None, "UNSEEN"), "SEARCH UNSEEN")
        except (OSError, imaplib.IMAP4.error) as error:
            raise ImapError(f"{mailbox.host}: {error}") from error
        uids = b" ".join(part for part in found if part).split()
        for uid in uids:
            uid = uid.decode("ascii")
            if not re.fullmatch(r"\d+", uid):
                continue
            try:
                raw = _message_bytes(
                    _check(connection.uid("FETCH", uid, "(BODY.PEEK[])"), f"FETCH {uid}")
                )
                if raw is None:
                    raise ImapError(f"FETCH {uid}: no message in the answer")
                _record, created = services.message_receive(raw=raw, source=Source.IMAP)
            except Exception as error:  # noqa: BLE001 - one bad message must not stop the rest
                counts.failed += 1
                on_error(f"UID {uid}: not stored ({error})")
                continue
            counts.stored += created
            counts.duplicates += not created
            try:
                _check(connection.uid("STORE", uid, "+FLAGS", "(\\Seen)"), f"STORE {uid}")
            except (ImapError, imaplib.IMAP4.error) as error:
                # stored already: the next run finds it stored and marks it then
                on_error(f"UID {uid}: stored, not marked seen ({error})")
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            connection.logout()
    return counts
