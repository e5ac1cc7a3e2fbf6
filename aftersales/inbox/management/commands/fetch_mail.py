"""Read new messages from a Maildir into the inbox: `manage.py fetch_mail --maildir PATH`.

Each message in `new/` is stored (once per Message-ID) and then moved to `cur/` marked as seen,
or deleted with `--delete`. Messages already in `cur/` are left alone. A message that could not
be stored stays in `new/` and is tried again next time. Deliver mail into the Maildir with
getmail, fetchmail or the mail server itself (see docs/inbox.md).
"""

import mailbox
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from aftersales.inbox import services
from aftersales.inbox.choices import Source


class Command(BaseCommand):
    help = "Store the new messages of a Maildir in the inbox, then mark them seen (or delete)."

    def add_arguments(self, parser):
        parser.add_argument("--maildir", required=True, help="the Maildir (with new/ and cur/)")
        parser.add_argument("--delete", action="store_true", help="delete each message once stored")

    def handle(self, *args, maildir: str, delete: bool, **options):
        path = Path(maildir)
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
        self.stdout.write(f"{stored} stored, {duplicates} already stored, {failed} failed.")
        if failed:
            raise CommandError(f"{failed} message(s) could not be stored; they stay in new/.")
