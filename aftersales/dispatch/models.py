"""Dispatch: a plan of the technicians' days and the assignment of each open visit in it.

Write only through `aftersales.dispatch.services`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import Role
from aftersales.service.choices import VisitPurpose

from .choices import EngineChoice, PlanStatus, Reason

PLANNERS = frozenset({Role.DISPATCHER, Role.MANAGER, Role.AGENT})
MAX_DAYS = 7


class Plan(models.Model):
    """A plan for one day or a few: which technician visits whom, when. A draft until published;
    the maker's plan (no agent) covers the maker's own technicians, an agent's plan its own."""

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    first_day = models.DateField(_("first day"))
    days = models.PositiveSmallIntegerField(
        _("days"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_DAYS)]
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dispatch_plans",
    )
    engine = models.CharField(
        _("planner"), max_length=10, choices=EngineChoice, default=EngineChoice.VROOM
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus, default=PlanStatus.DRAFT
    )
    planned_at = models.DateTimeField(_("planned"), null=True, blank=True)
    planning_seconds = models.DecimalField(
        _("planning time (s)"), max_digits=7, decimal_places=2, default=0
    )
    travel_km = models.DecimalField(_("travel (km)"), max_digits=10, decimal_places=1, default=0)
    travel_minutes = models.PositiveIntegerField(_("travel (minutes)"), default=0)
    utilization = models.DecimalField(_("utilisation"), max_digits=5, decimal_places=4, default=0)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(view=PLANNERS, add=PLANNERS, change=PLANNERS, agent="agent")

    class Meta:
        verbose_name = _("dispatch plan")
        verbose_name_plural = _("dispatch plans")
        ordering = ["-first_day", "-pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("dispatch:board", args=[self.pk])

    @property
    def last_day(self):
        import datetime as dt

        return self.first_day + dt.timedelta(days=self.days - 1)


class Assignment(models.Model):
    """One open request in a plan: its technician and time, or why it could not be placed.

    `pinned` assignments were fixed by hand (the optimiser keeps technician and start); `started`
    ones are visits under way, kept as they are."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("plan")
    )
    request = models.ForeignKey(
        "service.ServiceRequest",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="dispatch_assignments",
    )
    visit = models.ForeignKey(
        "service.Visit",
        verbose_name=_("visit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    technician = models.ForeignKey(
        "workforce.Technician",
        verbose_name=_("technician"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dispatch_assignments",
    )
    sequence = models.PositiveSmallIntegerField(_("order in the day"), default=0)
    arrives_at = models.DateTimeField(_("arrives"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    window_start = models.DateTimeField(_("promised from"), null=True, blank=True)
    window_end = models.DateTimeField(_("promised until"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=60)
    travel_km = models.DecimalField(_("travel (km)"), max_digits=8, decimal_places=1, default=0)
    travel_minutes = models.PositiveIntegerField(_("travel (minutes)"), default=0)
    sla_due = models.DateTimeField(_("SLA due"), null=True, blank=True)
    pinned = models.BooleanField(_("pinned"), default=False)
    started = models.BooleanField(_("under way"), default=False)
    van_has_parts = models.BooleanField(_("parts in the van"), default=False)
    reason = models.CharField(_("why not placed"), max_length=20, choices=Reason, blank=True)
    purpose = models.CharField(
        _("purpose"),
        max_length=10,
        choices=VisitPurpose,
        default=VisitPurpose.FIELD,
        help_text=_("What the visit is for: service at the customer's, or delivering the unit."),
    )

    objects = RestrictedManager()
    policy = Policy(view=PLANNERS, add=PLANNERS, change=PLANNERS, agent="plan__agent")

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["technician_id", "starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "request"], name="dispatch_request_once")
        ]

    def __str__(self):
        return f"{self.plan} · {self.request}"

    @property
    def is_placed(self) -> bool:
        return self.technician_id is not None and self.starts_at is not None

    @property
    def is_late(self) -> bool:
        return bool(self.sla_due and self.ends_at and self.ends_at > self.sla_due)


track(Plan, Assignment)
