"""Choice sets of the incoming e-mail."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MessageStatus(models.TextChoices):
    NEW = "new", _("New")
    ATTACHED = "attached", _("Attached to a request")
    OPENED = "opened", _("Turned into a request")
    IGNORED = "ignored", _("Ignored")


class Source(models.TextChoices):
    MAILDIR = "maildir", _("Mailbox (Maildir)")
    WEBHOOK = "webhook", _("Mail provider (webhook)")
    IMAP = "imap", _("Mailbox (IMAP)")
