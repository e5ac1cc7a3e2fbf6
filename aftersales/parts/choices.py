"""Choice sets of the spare-parts warehouse."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WarehouseKind(models.TextChoices):
    CENTRAL = "central", _("Central warehouse")
    REGIONAL = "regional", _("Regional warehouse")
    AGENT = "agent", _("Agent's warehouse")
    VAN = "van", _("Technician's van")


class MoveKind(models.TextChoices):
    """What a line of the stock ledger records. Its effect on the buckets is in `EFFECTS`."""

    RECEIPT = "receipt", _("Receipt")
    TRANSFER_OUT = "transfer_out", _("Transfer out")
    TRANSFER_SHIPPED = "transfer_shipped", _("Transfer in transit")
    TRANSFER_IN = "transfer_in", _("Transfer received")
    RESERVE = "reserve", _("Reservation")
    RELEASE = "release", _("Reservation released")
    ISSUE = "issue", _("Issue to a job")
    RETURN_UNUSED = "return_unused", _("Return of unused part")
    DEFECTIVE_IN = "defective_in", _("Defective part taken back")
    DEFECTIVE_OUT = "defective_out", _("Defective part shipped")
    SCRAP = "scrap", _("Scrap")
    COUNT_ADJUST = "count_adjust", _("Count adjustment")


class DocumentType(models.TextChoices):
    """The kind of document a move names. Visits and claims are other apps' documents (issues 3
    and 4): until they exist, they are named by type and number only."""

    PURCHASE = "purchase", _("Purchase / delivery note")
    TRANSFER = "transfer", _("Transfer")
    VISIT = "visit", _("Visit")
    CLAIM = "claim", _("Warranty claim")
    COUNTER_SALE = "counter_sale", _("Counter sale")
    RETURN = "return", _("Return authorization")
    COUNT = "count", _("Stock count")
    SCRAP = "scrap", _("Scrap note")
    OTHER = "other", _("Other")


class ReservationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    RELEASED = "released", _("Released")
    ISSUED = "issued", _("Issued")


class TransferStatus(models.TextChoices):
    IN_TRANSIT = "in_transit", _("In transit")
    RECEIVED = "received", _("Received")


class ReturnStatus(models.TextChoices):
    AUTHORIZED = "authorized", _("Authorized")
    SHIPPED = "shipped", _("Shipped")
    RECEIVED = "received", _("Received")
    INSPECTED = "inspected", _("Inspected")


class InspectionResult(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed defect")
    NO_FAULT = "no_fault", _("No fault found")
    MISUSE = "misuse", _("Misuse")


class SuggestionKind(models.TextChoices):
    PURCHASE = "purchase", _("Purchase")
    TRANSFER = "transfer", _("Transfer")


class SuggestionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class CounterSaleStatus(models.TextChoices):
    """Billing does not exist yet: every sale waits "to invoice" until the billing app invoices
    it (and sets `invoiced`)."""

    TO_INVOICE = "to_invoice", _("To invoice")
    INVOICED = "invoiced", _("Invoiced")
