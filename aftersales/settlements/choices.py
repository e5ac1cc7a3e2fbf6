"""Choice sets of agents' settlements."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SettlementStatus(models.TextChoices):
    """Draft (computed, may be refreshed and adjusted) -> approved (frozen, numbered, posted to
    the journal) -> paid (nothing left open), or carried forward (its open balance moved into the
    agent's next settlement)."""

    DRAFT = "draft", pgettext_lazy("settlement status", "Draft")
    APPROVED = "approved", pgettext_lazy("settlement status", "Approved")
    PAID = "paid", pgettext_lazy("settlement status", "Paid")
    CARRIED = "carried", pgettext_lazy("settlement status", "Carried forward")


class LineKind(models.TextChoices):
    """What a settlement line is. Amounts are signed: above zero the maker owes the agent,
    below zero the agent owes the maker."""

    CARRIED = "carried", _("Balance carried over")
    CLAIM = "claim", _("Warranty claim")
    PURCHASE = "purchase", _("Parts bought by the agent")
    GRADE = "grade", _("Grade bonus or penalty")
    ADJUSTMENT = "adjustment", _("Manual adjustment")


class Direction(models.TextChoices):
    """Which way money went: to the agent (the maker paid) or from the agent (the agent paid)."""

    TO_AGENT = "to_agent", _("Paid to the agent")
    FROM_AGENT = "from_agent", _("Received from the agent")


class PaymentMethod(models.TextChoices):
    TRANSFER = "transfer", _("Bank transfer")
    CASH = "cash", _("Cash")
    CARD = "card", _("Card")
    CHEQUE = "cheque", _("Cheque")


class Account(models.TextChoices):
    """The ledger accounts a settlement posts to. The codes an accounting package uses are in
    `settings.SETTLEMENT_ACCOUNT_CODES` (defaults in `journal.py`)."""

    AGENTS = "agents", _("Agents' accounts")
    WARRANTY_LABOUR = "warranty_labour", _("Warranty labour")
    WARRANTY_TRAVEL = "warranty_travel", _("Warranty travel")
    WARRANTY_PARTS = "warranty_parts", _("Warranty parts")
    PARTS_SALES = "parts_sales", _("Parts sales to agents")
    GRADE = "grade", _("Agents' bonuses and penalties")
    ADJUSTMENTS = "adjustments", _("Settlement adjustments")
    BANK = "bank", _("Bank and cash")


class RunStatus(models.TextChoices):
    """A payment run: prepared (its file made, waiting for the bank) -> paid (the bank executed
    it; a payment recorded on each settlement), or cancelled (the file is not to be used)."""

    PREPARED = "prepared", pgettext_lazy("payment run status", "Prepared")
    PAID = "paid", pgettext_lazy("payment run status", "Paid")
    CANCELLED = "cancelled", pgettext_lazy("payment run status", "Cancelled")


class BankStatus(models.TextChoices):
    """What the bank said of one transfer of a run in its status report (pain.002): nothing yet,
    accepted (it will be or was executed), or rejected (with the bank's reason)."""

    WAITING = "waiting", pgettext_lazy("bank status of a transfer", "No answer yet")
    ACCEPTED = "accepted", pgettext_lazy("bank status of a transfer", "Accepted by the bank")
    REJECTED = "rejected", pgettext_lazy("bank status of a transfer", "Rejected by the bank")
