"""Quotes, invoices (and credit notes) with their lines, and payments.

An issued invoice is never edited: a mistake is corrected with a credit note that refers to it.
Amounts are stored already rounded to the document's currency.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, STAFF_ROLES, Currency, Language, Role

from ..choices import (
    AcceptedVia,
    InvoiceKind,
    InvoiceStatus,
    LineKind,
    Payer,
    PaymentMethod,
    QuoteStatus,
)
from .common import FINANCE, money
from .statements import BankStatement

QUOTERS = FINANCE | {Role.OPERATOR, Role.DISPATCHER, Role.AGENT, Role.TECHNICIAN}
COLLECTORS = FINANCE | {Role.OPERATOR, Role.AGENT, Role.TECHNICIAN}


def _of_agent(prefix: str):
    def scope(agent) -> Q:
        return Q(**{f"{prefix}request__agent": agent})

    return scope


class Quote(models.Model):
    """A price offered for chargeable work before it is done, for the customer to accept."""

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    company = models.ForeignKey(
        "billing.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+"
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.PROTECT,
        related_name="quotes",
    )
    request = models.ForeignKey(
        "service.ServiceRequest",
        verbose_name=_("service request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quotes",
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    language = models.CharField(_("language"), max_length=5, choices=Language)
    status = models.CharField(
        _("status"), max_length=10, choices=QuoteStatus, default=QuoteStatus.DRAFT
    )
    valid_until = models.DateField(_("valid until"))
    note = models.TextField(_("note"), blank=True)
    tax_percent = models.DecimalField(_("tax (%)"), max_digits=5, decimal_places=2, default=0)
    net = money(_("net"), default=0)
    tax = money(_("tax"), default=0)
    total = money(_("total"), default=0)
    token_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_via = models.CharField(
        _("decided through"), max_length=10, choices=AcceptedVia, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE,
        add=QUOTERS,
        change=QUOTERS,
        customer=lambda customer: Q(customer=customer) & ~Q(status=QuoteStatus.DRAFT),
        agent=_of_agent(""),
    )

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["-pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("billing:quote", args=[self.pk])


class QuoteLine(models.Model):
    """A line of a quote."""

    quote = models.ForeignKey(
        Quote, verbose_name=_("quote"), on_delete=models.CASCADE, related_name="lines"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=LineKind)
    description = models.CharField(_("description"), max_length=300)
    part = models.ForeignKey(
        "catalog.Part",
        verbose_name=_("part"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    quantity = models.DecimalField(
        _("quantity"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    unit_price = money(_("unit price"), validators=[MinValueValidator(0)])
    net = money(_("amount"))

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE,
        customer=lambda customer: Q(quote__customer=customer) & ~Q(quote__status="draft"),
        agent=_of_agent("quote__"),
    )

    class Meta:
        verbose_name = _("quote line")
        verbose_name_plural = _("quote lines")
        ordering = ["pk"]


class Invoice(models.Model):
    """An invoice for a job (or a credit note correcting one), with its lines split by payer."""

    number = models.CharField(_("number"), max_length=30, blank=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=InvoiceKind, default=InvoiceKind.INVOICE
    )
    status = models.CharField(
        _("status"), max_length=10, choices=InvoiceStatus, default=InvoiceStatus.DRAFT
    )
    credit_of = models.ForeignKey(
        "self",
        verbose_name=_("credits invoice"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_notes",
    )
    company = models.ForeignKey(
        "billing.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="+"
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.PROTECT,
        related_name="invoices",
    )
    request = models.ForeignKey(
        "service.ServiceRequest",
        verbose_name=_("service request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invoices",
    )
    visit = models.ForeignKey(
        "service.Visit",
        verbose_name=_("visit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invoices",
    )
    quote = models.ForeignKey(
        Quote,
        verbose_name=_("quote"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invoices",
    )
    counter_sale = models.ForeignKey(
        "parts.CounterSale",
        verbose_name=_("counter sale"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invoices",
    )
    service_type = models.ForeignKey(
        "service.ServiceType",
        verbose_name=_("service line"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    region = models.CharField(_("region"), max_length=100, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    language = models.CharField(_("language"), max_length=5, choices=Language)
    priced_on = models.DateField(_("priced on"), help_text=_("The day whose tariffs apply."))
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    tax_percent = models.DecimalField(_("tax (%)"), max_digits=5, decimal_places=2, default=0)
    net = money(_("net"), default=0)
    tax = money(_("tax"), default=0)
    total = money(_("total"), default=0)
    customer_total = money(_("customer pays"), default=0)
    maker_total = money(_("manufacturer pays"), default=0)
    agent_total = money(_("agent pays"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE,
        add=FINANCE,
        change=FINANCE,
        customer=lambda customer: Q(customer=customer, status=InvoiceStatus.ISSUED),
        agent=_of_agent(""),
    )

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~Q(number=""), name="billing_invoice_number_unique"
            ),
            models.UniqueConstraint(
                fields=["visit"],
                condition=Q(kind="invoice"),
                name="billing_one_invoice_per_visit",
            ),
            models.UniqueConstraint(
                fields=["counter_sale"],
                condition=Q(kind="invoice", counter_sale__isnull=False),
                name="billing_one_invoice_per_sale",
            ),
        ]
        indexes = [models.Index(fields=["issue_date", "status"], name="billing_inv_issued")]

    def __str__(self):
        return self.number or str(_("Draft invoice"))

    def get_absolute_url(self):
        return reverse("billing:invoice", args=[self.pk])

    @property
    def is_credit(self) -> bool:
        return self.kind == InvoiceKind.CREDIT_NOTE


class InvoiceLine(models.Model):
    """A line of an invoice for one payer; a line the warranty covers in part is split in two."""

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("invoice"), on_delete=models.CASCADE, related_name="lines"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=LineKind)
    description = models.CharField(_("description"), max_length=300)
    part = models.ForeignKey(
        "catalog.Part",
        verbose_name=_("part"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    quantity = models.DecimalField(_("quantity"), max_digits=10, decimal_places=2)
    unit_price = money(_("unit price"))
    share_percent = models.DecimalField(_("share (%)"), max_digits=5, decimal_places=2, default=100)
    payer = models.CharField(_("payer"), max_length=10, choices=Payer, default=Payer.CUSTOMER)
    rule = models.CharField(_("warranty rule"), max_length=40, blank=True)
    note = models.CharField(_("why"), max_length=300, blank=True)
    net = money(_("net"))
    tax = money(_("tax"))
    total = money(_("total"))

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE,
        customer=lambda customer: Q(invoice__customer=customer, invoice__status="issued"),
        agent=_of_agent("invoice__"),
    )

    class Meta:
        verbose_name = _("invoice line")
        verbose_name_plural = _("invoice lines")
        ordering = ["pk"]

    def get_absolute_url(self):
        return reverse("billing:invoice", args=[self.invoice_id])


class Payment(models.Model):
    """Money received from the customer against an invoice, or refunded on a credit note."""

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("invoice"), on_delete=models.PROTECT, related_name="payments"
    )
    method = models.CharField(_("method"), max_length=10, choices=PaymentMethod)
    amount = money(_("amount"), validators=[MinValueValidator(0)])
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    received_on = models.DateField(_("date"))
    reference = models.CharField(
        _("reference"), max_length=100, blank=True, help_text=_("Card slip or bank reference.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    statement = models.ForeignKey(
        BankStatement,
        verbose_name=_("bank statement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payments",
    )

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT, Role.CUSTOMER},
        add=COLLECTORS,
        customer="invoice__customer",
        agent=_of_agent("invoice__"),
    )

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return f"{self.invoice} {self.amount} {self.currency}"

    def get_absolute_url(self):
        return reverse("billing:invoice", args=[self.invoice_id])


track(Quote, QuoteLine, Invoice, InvoiceLine, Payment, exclude=("token_digest",))
