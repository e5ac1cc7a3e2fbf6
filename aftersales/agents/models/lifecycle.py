"""An agent's lifecycle: the application, evaluation against weighted criteria, the state log,
contracts (territory, service types, categories, validity) and attached documents."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import STAFF_ROLES, Currency, Role
from aftersales.core.models import StatusStep

from ..choices import AgentStatus, DocumentKind
from .agent import NETWORK_MANAGERS

# The people who look after the network (and the agent itself, for its own records).
NETWORK_OFFICE = (STAFF_ROLES - {Role.TECHNICIAN, Role.WAREHOUSE, Role.DISPATCHER}) | {Role.AGENT}


class Application(models.Model):
    """What a candidate agent told us on the public application form."""

    agent = models.OneToOneField(
        "agents.Agent",
        verbose_name=_("agent"),
        on_delete=models.CASCADE,
        related_name="application",
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    premises_sqm = models.PositiveIntegerField(_("premises (m²)"), default=0)
    staff_count = models.PositiveSmallIntegerField(_("staff"), default=0)
    certified_staff = models.PositiveSmallIntegerField(_("certified technicians"), default=0)
    equipment = models.TextField(_("equipment held"), blank=True)
    capital = models.DecimalField(
        _("working capital"),
        max_digits=18,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency, default="IRR")
    years_experience = models.PositiveSmallIntegerField(_("years of experience"), default=0)
    categories = models.ManyToManyField(
        "catalog.Category", verbose_name=_("product categories"), blank=True, related_name="+"
    )
    service_types = models.ManyToManyField(
        "service.ServiceType", verbose_name=_("service types"), blank=True, related_name="+"
    )
    message = models.TextField(_("message"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(
        view=NETWORK_OFFICE, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent="agent"
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at"]

    def __str__(self):
        return str(self.agent)


class Criterion(models.Model):
    """A selection criterion defined in advance (need in the region, premises ...) and its weight.

    Each is rated 0-10 in an evaluation; the evaluation's score is the weighted mean, as 0-100.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("how to rate it"), blank=True)
    weight = models.DecimalField(
        _("weight"), max_digits=6, decimal_places=2, validators=[MinValueValidator(0)]
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(view=NETWORK_OFFICE, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent=ALL)

    class Meta:
        verbose_name = _("selection criterion")
        verbose_name_plural = _("selection criteria")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Evaluation(models.Model):
    """An evaluation of a candidate agent against the criteria, with its computed score."""

    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    note = models.TextField(_("note"), blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evaluated_at = models.DateTimeField(_("evaluated"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(view=NETWORK_OFFICE - {Role.AGENT}, add=NETWORK_MANAGERS)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-evaluated_at", "-pk"]


class EvaluationScore(models.Model):
    """One criterion's rating (0-10) in an evaluation, with the weight it had at that moment."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="+"
    )
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2)
    rating = models.PositiveSmallIntegerField(
        _("rating (0-10)"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )

    objects = RestrictedManager()
    policy = Policy(view=NETWORK_OFFICE - {Role.AGENT}, add=NETWORK_MANAGERS)

    class Meta:
        verbose_name = _("criterion rating")
        verbose_name_plural = _("criterion ratings")
        ordering = ["criterion__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion"], name="agents_rate_criterion_once"
            )
        ]


class StatusChange(StatusStep):
    """One step of an agent's life: from which state to which, by whom, when, why."""

    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(_("from"), max_length=12, choices=AgentStatus, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=AgentStatus)

    objects = RestrictedManager()
    policy = Policy(view=NETWORK_OFFICE, agent="agent")

    class Meta(StatusStep.Meta):
        verbose_name = _("agent status change")
        verbose_name_plural = _("agent status changes")


class Contract(models.Model):
    """An agent's contract: its territory, the services and categories it covers, its validity.

    Empty `service_types` / `categories` mean all of them.
    """

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    agent = models.ForeignKey(
        "agents.Agent", verbose_name=_("agent"), on_delete=models.PROTECT, related_name="contracts"
    )
    starts_on = models.DateField(_("valid from"))
    ends_on = models.DateField(_("valid until"))
    regions = models.JSONField(_("regions"), default=list, blank=True)
    cities = models.JSONField(_("cities"), default=list, blank=True)
    service_types = models.ManyToManyField(
        "service.ServiceType", verbose_name=_("service types"), blank=True, related_name="+"
    )
    categories = models.ManyToManyField(
        "catalog.Category", verbose_name=_("product categories"), blank=True, related_name="+"
    )
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
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
        view=NETWORK_OFFICE, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent="agent"
    )

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="agents_contract_period"
            )
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("agents:contract", args=[self.pk])

    def is_valid_on(self, day: dt.date) -> bool:
        end = min(self.ends_on, self.terminated_on) if self.terminated_on else self.ends_on
        return self.starts_on <= day <= end


class AgentDocument(models.Model):
    """A document attached to an agent (registration, licence, certificates, signed contract)."""

    agent = models.ForeignKey(
        "agents.Agent", verbose_name=_("agent"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="agents/documents/%Y/%m/")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RestrictedManager()
    policy = Policy(
        view=NETWORK_OFFICE, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent="agent"
    )

    class Meta:
        verbose_name = _("agent document")
        verbose_name_plural = _("agent documents")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.title


track(Application, Criterion, Evaluation, EvaluationScore, StatusChange, Contract, AgentDocument)
