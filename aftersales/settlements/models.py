"""Agents' settlements: what the maker owes an authorized agent for a period (warranty claims
approved, bonuses) and what the agent owes the maker (parts bought, penalties), the balance
carried over, the payments that reconcile it, and the journal lines posted for accounting.

Write only through `aftersales.settlements.services`. Amounts are signed from the agent's side:
above zero the maker owes the agent, below zero the agent owes the maker.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.calendars import uses_jalali
from aftersales.core.choices import Currency, Role
from aftersales.core.text import persian_digits

from .choices import (
    Account,
    BankStatus,
    Direction,
    LineKind,
    PaymentMethod,
    RunStatus,
    SettlementStatus,
)

FINANCE = frozenset({Role.FINANCE, Role.MANAGER})
APPROVERS = frozenset({Role.MANAGER})
READERS = FINANCE | {Role.AGENT}


def _agents_own(agent) -> Q:
    """An agent's staff see their agent's settlements once approved (a draft is work in
    progress of the maker's finance)."""
    return Q(agent=agent) & ~Q(status=SettlementStatus.DRAFT)


def _money(verbose, **kwargs):
    return models.DecimalField(verbose, max_digits=18, decimal_places=2, default=0, **kwargs)


class Settlement(models.Model):
    """One agent's account for one period (a month by default), from draft to paid."""

    number = models.CharField(
        _("number"),
        max_length=30,
        blank=True,
        help_text=_("Given when the settlement is approved (gap-free per year)."),
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        on_delete=models.PROTECT,
        related_name="settlements",
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    status = models.CharField(
        _("status"), max_length=10, choices=SettlementStatus, default=SettlementStatus.DRAFT
    )
    total = _money(_("balance"))
    settled = _money(_("settled by payments"))
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous settlement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    carried_to = models.ForeignKey(
        "self",
        verbose_name=_("carried forward to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    computed_at = models.DateTimeField(_("computed"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(view=READERS, add=FINANCE, change=FINANCE, delete=FINANCE, agent=_agents_own)

    class Meta:
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agent", "period_start"],
                name="settlement_unique_agent_period",
                violation_error_message=_("This agent already has a settlement for this period."),
            ),
            models.UniqueConstraint(
                fields=["agent"],
                condition=Q(status=SettlementStatus.DRAFT),
                name="settlement_one_draft_per_agent",
                violation_error_message=_("This agent already has a draft settlement."),
            ),
            models.UniqueConstraint(
                fields=["number"], condition=~Q(number=""), name="settlement_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="settlement_period_ordered",
            ),
        ]
        indexes = [models.Index(fields=["agent", "period_end"], name="settlement_agent_end")]

    def __str__(self):
        if self.number:
            return self.number
        pk = str(self.pk)
        return _("Draft %(pk)s") % {"pk": persian_digits(pk) if uses_jalali() else pk}

    def get_absolute_url(self):
        return reverse("settlements:detail", args=[self.pk])

    @property
    def open_amount(self):
        """What is still open: the balance less the payments (zero once carried forward)."""
        if self.status == SettlementStatus.CARRIED:
            return Decimal(0)
        return self.total - self.settled

    @property
    def is_draft(self) -> bool:
        return self.status == SettlementStatus.DRAFT


class SettlementLine(models.Model):
    """A line of a settlement: a claim, a parts purchase, the grade's bonus or penalty, a manual
    adjustment with its reason, or the balance carried over. A claim and a purchase can be on one
    settlement line only, ever (a claim is settled once)."""

    settlement = models.ForeignKey(
        Settlement, on_delete=models.CASCADE, related_name="lines", verbose_name=_("settlement")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=LineKind)
    day = models.DateField(_("date"))
    claim = models.OneToOneField(
        "warranty.Claim",
        verbose_name=_("claim"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="settlement_line",
    )
    sale = models.OneToOneField(
        "parts.CounterSale",
        verbose_name=_("parts purchase"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="settlement_line",
    )
    source = models.ForeignKey(
        Settlement,
        verbose_name=_("carried from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reference = models.CharField(_("reference"), max_length=60, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    labour = _money(_("labour"))
    travel = _money(_("travel"))
    parts = _money(_("parts"))
    base = _money(_("base"))
    percent = models.DecimalField(
        _("per cent"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    amount = _money(_("amount"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = RestrictedManager()
    policy = Policy(
        view=Settlement.policy.view,
        add=FINANCE,
        change=FINANCE,
        delete=FINANCE,
        agent=lambda agent: (
            Q(settlement__agent=agent) & ~Q(settlement__status=SettlementStatus.DRAFT)
        ),
    )

    class Meta:
        verbose_name = _("settlement line")
        verbose_name_plural = _("settlement lines")
        ordering = ["settlement", "kind", "day", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=LineKind.CLAIM) | Q(claim__isnull=False),
                name="settlement_claim_line_has_claim",
            ),
            models.CheckConstraint(
                condition=~Q(kind=LineKind.PURCHASE) | Q(sale__isnull=False),
                name="settlement_purchase_line_has_sale",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference}".strip()


class Payment(models.Model):
    """Money that went between the maker and the agent against an approved settlement."""

    settlement = models.ForeignKey(
        Settlement, verbose_name=_("settlement"), on_delete=models.PROTECT, related_name="payments"
    )
    direction = models.CharField(_("direction"), max_length=10, choices=Direction)
    method = models.CharField(
        _("method"), max_length=10, choices=PaymentMethod, default=PaymentMethod.TRANSFER
    )
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("bank reference"), max_length=60, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(view=READERS, add=FINANCE, agent="settlement__agent")

    class Meta:
        verbose_name = _("settlement payment")
        verbose_name_plural = _("settlement payments")
        ordering = ["paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="settlement_payment_gt_0"),
        ]

    def __str__(self):
        return f"{self.get_direction_display()} {self.amount} {self.settlement.currency}"

    @property
    def signed(self):
        """The payment's effect on the open balance (paying the agent lowers what is owed)."""
        return self.amount if self.direction == Direction.TO_AGENT else -self.amount


class JournalEntry(models.Model):
    """A journal line for accounting, posted when a settlement is approved or a payment recorded:
    one amount from a debit account to a credit account. Never changed afterwards."""

    settlement = models.ForeignKey(
        Settlement, verbose_name=_("settlement"), on_delete=models.PROTECT, related_name="journal"
    )
    line = models.ForeignKey(
        SettlementLine,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("line"),
    )
    payment = models.ForeignKey(
        Payment,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("payment"),
    )
    day = models.DateField(_("date"))
    debit = models.CharField(_("debit account"), max_length=20, choices=Account)
    credit = models.CharField(_("credit account"), max_length=20, choices=Account)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    kind = models.CharField(_("kind"), max_length=12)
    reference = models.CharField(_("reference"), max_length=60, blank=True)
    posted_at = models.DateTimeField(_("posted"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(view=FINANCE)

    class Meta:
        verbose_name = _("journal line")
        verbose_name_plural = _("settlement journal lines")
        ordering = ["-day", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="settlement_journal_gt_0"),
        ]

    def __str__(self):
        return f"{self.day} {self.debit}/{self.credit} {self.amount}"

    def get_absolute_url(self):
        return reverse("settlements:detail", args=[self.settlement_id])


class PaymentRun(models.Model):
    """Transfers to agents for approved settlements, made into one file for the bank (SEPA
    credit transfers for euros, a Sheba group-transfer sheet for rials); once the bank has
    executed it, recorded as paid: one payment on each settlement."""

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    execution_date = models.DateField(_("to be executed on"))
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus, default=RunStatus.PREPARED
    )
    total = _money(_("total"))
    file = models.FileField(_("bank file"), upload_to="settlements/payment-runs/")
    message_id = models.CharField(_("message identifier"), max_length=35)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("prepared"), auto_now_add=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    bank_reference = models.CharField(_("bank reference"), max_length=60, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    status_report = models.FileField(
        _("bank's status report"), upload_to="settlements/status-reports/", blank=True
    )
    status_report_at = models.DateTimeField(_("status report read"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(view=FINANCE, add=FINANCE, change=FINANCE)

    class Meta:
        verbose_name = _("payment run")
        verbose_name_plural = _("payment runs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(total__gt=0), name="payment_run_total_gt_0"),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("settlements:run_detail", args=[self.pk])


class PaymentRunLine(models.Model):
    """One transfer of a payment run: what an approved settlement still owed the agent, to the
    account as it was when the file was made."""

    run = models.ForeignKey(
        PaymentRun, on_delete=models.CASCADE, related_name="lines", verbose_name=_("payment run")
    )
    settlement = models.ForeignKey(
        Settlement,
        verbose_name=_("settlement"),
        on_delete=models.PROTECT,
        related_name="run_lines",
    )
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    payee = models.CharField(_("payee"), max_length=140)
    iban = models.CharField(_("IBAN"), max_length=34)
    end_to_end_id = models.CharField(_("transfer identifier"), max_length=35)
    bank_status = models.CharField(
        _("bank status"), max_length=10, choices=BankStatus, default=BankStatus.WAITING
    )
    bank_reason = models.CharField(
        _("bank's reason"),
        max_length=4,
        blank=True,
        help_text=_("The ISO 20022 code the bank gave for rejecting the transfer."),
    )
    bank_note = models.CharField(_("bank's note"), max_length=210, blank=True)
    payment = models.OneToOneField(
        Payment,
        verbose_name=_("payment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="run_line",
    )

    objects = RestrictedManager()
    policy = Policy(view=FINANCE)

    class Meta:
        verbose_name = _("payment run line")
        verbose_name_plural = _("payment run lines")
        ordering = ["run", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["run", "settlement"], name="payment_run_one_line"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_run_line_gt_0"),
        ]

    def __str__(self):
        return f"{self.run} {self.settlement}"


track(Settlement, SettlementLine, Payment, JournalEntry, PaymentRun, PaymentRunLine)
