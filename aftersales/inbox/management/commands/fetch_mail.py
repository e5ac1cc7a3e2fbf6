"""Read new messages into the inbox, from a Maildir or an IMAP mailbox:
`manage.py fetch_mail --maildir PATH` or `manage.py fetch_mail --imap`.

Maildir: each message in `new/` is stored (once per Message-ID) and then moved to `cur/` marked as
seen, or deleted with `--delete`. Messages already in `cur/` are left alone. A message that could
not be stored stays in `new/` and is tried again next time. Deliver mail into the Maildir with
getmail, fetchmail or the mail server itself (see docs/inbox.md).

IMAP (the mailbox set by AFTERSALES_IMAP_HOST and the like): each unseen message of the folder is
stored, then marked seen; one that could not be stored stays unseen and is tried again.
"""

import mailbox
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from aftersales.inbox import services
from aftersales.inbox.choices import Source
from aftersales.inbox.imap import ImapError, ImapMailbox, fetch_unseen


class Command(BaseCommand):
    help = (
        "Store the new messages of a Maildir (then mark them seen, or delete them) or the unseen "
        "messages of the IMAP mailbox set in the environment (then mark them seen)."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--maildir", help="the Maildir (with new/ and cur/)")
        source.add_argument(
            "--imap",
            action="store_true",
            help="the IMAP mailbox of AFTERSALES_IMAP_HOST, _PORT, _USER, _PASSWORD, _FOLDER, _SSL",
        )
        parser.add_argument(
            "--delete", action="store_true", help="Maildir: delete each message once stored"
        )

    def handle(self, *args, maildir: str | None, imap: bool, delete: bool, **options):
        if imap:
            if delete:
                raise CommandError("--delete applies to a Maildir only.")
            stored, duplicates, failed = self._imap()
            where = "they stay unseen"
        else:
            stored, duplicates, failed = self._maildir(Path(maildir), delete=delete)
            where = "they stay in new/"
        self.stdout.write(f"{stored} stored, {duplicates} already stored, {failed} failed.")
        if failed:
            raise CommandError(f"{failed} message(s) could not be stored; {where}.")

    def _imap(self) -> tuple[int, int, int]:
        mailbox_ = ImapMailbox.from_settings()
        if mailbox_ is None:
            raise CommandError("No IMAP mailbox: set AFTERSALES_IMAP_HOST (see docs/inbox.md).")
        try:
            counts = fetch_unseen(mailbox_, on_error=self.stderr.write)
        except ImapError as error:
            raise CommandError(f"IMAP: {error}") from error
        return counts.stored, counts.duplicates, counts.failed

    def _maildir(self, path: Path, *, delete: bool) -> tuple[int, int, int]:
        if not (path / "new").is_dir() or not (path / "cur").is_dir():
            raise CommandError(f"{path} is not a Maildir (it needs new/ and cur/).")
        box = mailbox.Maildir(path, factory=None, create=False)
        stored = duplicates = failed = 0
        for key in list(box.iterkeys()):
            try:
                message = box.get_message(key)
            except KeyError:
                continue  # taken by another reader meanwhile
            if message.get_subdir() != "new":
                continue
            try:
                raw = box.get_bytes(key)
                _record, created = services.message_receive(raw=raw, source=Source.MAILDIR)
            except Exception as error:  # noqa: BLE001 - one bad message must not stop the rest
                failed += 1
                self.stderr.write(f"{key}: not stored ({error})")
                continue
            stored += created
            duplicates += not created
            if delete:
                box.discard(key)
            else:
                message.set_subdir("cur")
                message.add_flag("S")
                box[key] = message
        return stored, duplicates, failed
