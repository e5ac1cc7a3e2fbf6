"""Complaints as records of their own (ISO 10002): received through any channel with a public
tracking code, assessed, assigned, investigated, answered, accepted or appealed, followed up and
closed, each stage against a deadline that escalates when it passes.

Write only through `aftersales.complaints.services`.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import Language, Role

from .choices import (
    OPEN_STAGES,
    Channel,
    Decision,
    EventKind,
    Remedy,
    RootCause,
    Severity,
    Stage,
)

HANDLERS = frozenset({Role.OPERATOR, Role.QUALITY, Role.MANAGER})
READERS = HANDLERS | {Role.DISPATCHER, Role.AGENT, Role.CUSTOMER}
SETUP = frozenset({Role.MANAGER, Role.QUALITY})


class Complaint(models.Model):
    """A customer's complaint, from receipt to closure, linked to what it is about."""

    code = models.CharField(_("tracking code"), max_length=20, unique=True, editable=False)
    received_at = models.DateTimeField(_("received"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel)
    # who complains: a known customer, and/or the contact details given with the complaint
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=Language, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("what happened"))
    remedy_sought = models.CharField(_("remedy sought"), max_length=15, choices=Remedy)
    remedy_details = models.TextField(_("remedy details"), blank=True)
    # assessment
    stage = models.CharField(_("stage"), max_length=15, choices=Stage, default=Stage.RECEIVED)
    severity = models.PositiveSmallIntegerField(
        _("severity"), choices=Severity, default=Severity.NORMAL
    )
    is_safety = models.BooleanField(
        _("safety issue"),
        default=False,
        help_text=_("A risk to people or property: fast-tracked at the highest severity."),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    assessed_at = models.DateTimeField(_("assessed"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # deadline of the current stage, and how far up it has been escalated (0 = the handler)
    due_at = models.DateTimeField(_("stage due"), null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(_("escalation level"), default=0)
    # investigation and answer
    root_cause = models.CharField(_("root cause"), max_length=20, choices=RootCause, blank=True)
    findings = models.TextField(_("findings"), blank=True)
    decision = models.CharField(_("decision"), max_length=15, choices=Decision, blank=True)
    resolution = models.TextField(_("answer to the customer"), blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    appeal_reason = models.TextField(_("reason for the appeal"), blank=True)
    appealed_at = models.DateTimeField(_("appealed"), null=True, blank=True)
    follow_up_note = models.TextField(_("follow-up"), blank=True)
    satisfied = models.BooleanField(_("customer satisfied"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # what the complaint is about
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    request = models.ForeignKey(
        "service.ServiceRequest",
        verbose_name=_("service request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    visit = models.ForeignKey(
        "service.Visit",
        verbose_name=_("visit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    technician = models.ForeignKey(
        "workforce.Technician",
        verbose_name=_("technician"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    product_model = models.ForeignKey(
        "catalog.ProductModel",
        verbose_name=_("model"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = RestrictedManager()
    policy = Policy(
        view=READERS,
        add=HANDLERS | {Role.AGENT, Role.CUSTOMER},
        change=HANDLERS,
        customer="customer",
        agent="agent",
    )

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["stage", "due_at"], name="complaint_stage_due"),
            models.Index(fields=["received_at"], name="complaint_received"),
        ]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("complaints:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class ComplaintEvent(models.Model):
    """One step of a complaint's record: what happened, when, by whom, at which level."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="events", verbose_name=_("complaint")
    )
    kind = models.CharField(_("what"), max_length=15, choices=EventKind)
    stage = models.CharField(_("stage"), max_length=15, choices=Stage)
    level = models.PositiveSmallIntegerField(_("escalation level"), default=0)
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=HANDLERS | {Role.DISPATCHER, Role.AGENT},
        agent="complaint__agent",
    )

    class Meta:
        verbose_name = _("complaint event")
        verbose_name_plural = _("complaint events")
        ordering = ["at", "pk"]


class StageDeadline(models.Model):
    """How long a stage may take for a severity, in hours, before it escalates."""

    severity = models.PositiveSmallIntegerField(_("severity"), choices=Severity)
    stage = models.CharField(_("stage"), max_length=15, choices=Stage)
    hours = models.PositiveIntegerField(_("hours"), validators=[MinValueValidator(1)])

    objects = RestrictedManager()
    policy = Policy(view=HANDLERS | {Role.DISPATCHER}, add=SETUP, change=SETUP)

    class Meta:
        verbose_name = _("stage deadline")
        verbose_name_plural = _("stage deadlines")
        ordering = ["-severity", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["severity", "stage"], name="complaint_deadline_once")
        ]

    def __str__(self):
        return f"{self.get_severity_display()} · {self.get_stage_display()}: {self.hours}"


track(Complaint, ComplaintEvent, StageDeadline)
