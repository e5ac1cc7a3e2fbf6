"""Choice sets of billing."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class LineKind(models.TextChoices):
    LABOUR = "labour", _("Labour")
    TRAVEL = "travel", _("Travel")
    PART = "part", _("Part")
    FIXED = "fixed", _("Fixed-price service")
    OTHER = "other", _("Other")


class Payer(models.TextChoices):
    """Who pays a line of an invoice."""

    CUSTOMER = "customer", _("Customer")
    MANUFACTURER = "maker", _("Manufacturer (warranty)")
    AGENT = "agent", _("Agent")


class QuoteStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("quote status", "Draft")
    SENT = "sent", pgettext_lazy("quote status", "Sent")
    ACCEPTED = "accepted", pgettext_lazy("quote status", "Accepted")
    DECLINED = "declined", pgettext_lazy("quote status", "Declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("quote status", "Withdrawn")


class AcceptedVia(models.TextChoices):
    PORTAL = "portal", _("Customer portal")
    LINK = "link", _("Link sent by SMS or e-mail")
    DESK = "desk", _("Recorded by staff")


class InvoiceKind(models.TextChoices):
    INVOICE = "invoice", _("Invoice")
    CREDIT_NOTE = "credit", _("Credit note")


class InvoiceStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("invoice status", "Draft")
    ISSUED = "issued", pgettext_lazy("invoice status", "Issued")


class PaymentMethod(models.TextChoices):
    CASH = "cash", _("Cash")
    CARD = "card", _("Card")
    TRANSFER = "transfer", _("Bank transfer")
