"""Grading: grades (A/B/C), the scorecard's configurable metrics, scorecards and grade history."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import STAFF_ROLES, Role

from ..choices import Metric
from .agent import NETWORK_MANAGERS

NETWORK_READERS = STAFF_ROLES | {Role.AGENT}


class Grade(models.Model):
    """A grade of agents (A, B, C ...): the score it needs, the work it allows, its tariff level.

    Empty `categories` / `service_types` mean every category / service type is allowed.
    """

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=100)
    rank = models.PositiveSmallIntegerField(
        _("rank"), unique=True, help_text=_("1 is the best grade.")
    )
    min_score = models.DecimalField(
        _("minimum score"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The scorecard score (0-100) an agent needs for this grade."),
    )
    tariff_level = models.PositiveSmallIntegerField(_("tariff level"), default=1)
    settlement_adjustment_percent = models.DecimalField(
        _("settlement adjustment (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
        help_text=_("A bonus (above zero) or a penalty (below zero) on the agent's settlement."),
    )
    categories = models.ManyToManyField(
        "catalog.Category",
        verbose_name=_("allowed product categories"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to allow every category."),
    )
    service_types = models.ManyToManyField(
        "service.ServiceType",
        verbose_name=_("allowed service types"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to allow every service type."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(view=NETWORK_READERS, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent=ALL)

    class Meta:
        verbose_name = _("grade")
        verbose_name_plural = _("grades")
        ordering = ["rank"]

    def __str__(self):
        return f"{self.code} · {self.name}"

    def get_absolute_url(self):
        return reverse("agents:grade", args=[self.pk])


class GradeAssignment(models.Model):
    """One line of an agent's grade history: this grade from `valid_from` (until the next)."""

    agent = models.ForeignKey(
        "agents.Agent", verbose_name=_("agent"), on_delete=models.CASCADE, related_name="grades"
    )
    grade = models.ForeignKey(
        Grade, verbose_name=_("grade"), on_delete=models.PROTECT, related_name="assignments"
    )
    valid_from = models.DateField(_("valid from"))
    scorecard = models.ForeignKey(
        "agents.Scorecard",
        verbose_name=_("scorecard"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(
        view=NETWORK_READERS, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent="agent"
    )

    class Meta:
        verbose_name = _("grade assignment")
        verbose_name_plural = _("grade history")
        ordering = ["agent", "-valid_from", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agent", "valid_from"], name="agents_one_grade_per_day")
        ]

    def __str__(self):
        return f"{self.agent_id}: {self.grade.code} @ {self.valid_from}"


class ScorecardMetric(models.Model):
    """How one KPI counts in the scorecard: its weight, and the values that score 0 and 100.

    `floor` scores nothing and `target` scores full marks, linearly in between; a lower-is-better
    KPI (complaints, rejections) simply has `target` below `floor`.
    """

    metric = models.CharField(_("KPI"), max_length=40, choices=Metric, unique=True)
    weight = models.DecimalField(
        _("weight"), max_digits=6, decimal_places=2, validators=[MinValueValidator(0)]
    )
    floor = models.DecimalField(
        _("scores zero at"), max_digits=8, decimal_places=4, help_text=_("0 points at this value.")
    )
    target = models.DecimalField(
        _("scores full at"),
        max_digits=8,
        decimal_places=4,
        help_text=_("Full points at this value (or better)."),
    )
    is_active = models.BooleanField(_("counts"), default=True)

    objects = RestrictedManager()
    policy = Policy(view=NETWORK_READERS, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent=ALL)

    class Meta:
        verbose_name = _("scorecard metric")
        verbose_name_plural = _("scorecard metrics")
        ordering = ["metric"]

    def __str__(self):
        return self.get_metric_display()

    def clean(self):
        if self.floor is not None and self.target is not None and self.floor == self.target:
            raise ValidationError(
                {"target": _("The full-points value must differ from the zero-points value.")}
            )


class Scorecard(models.Model):
    """An agent's KPIs for a period, the score they earn (0-100) and the grade that score reaches.

    `values` and `points` are keyed by `Metric`; a KPI with nothing to measure is null and does
    not count.
    """

    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        on_delete=models.CASCADE,
        related_name="scorecards",
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    jobs = models.PositiveIntegerField(_("jobs"), default=0)
    values = models.JSONField(_("KPI values"), default=dict)
    points = models.JSONField(_("points"), default=dict)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, null=True)
    grade = models.ForeignKey(
        Grade,
        verbose_name=_("grade reached"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    computed_at = models.DateTimeField(_("computed"), auto_now=True)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("computed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RestrictedManager()
    policy = Policy(
        view=NETWORK_READERS, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent="agent"
    )

    class Meta:
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        ordering = ["-period_end", "agent"]
        constraints = [
            models.UniqueConstraint(
                fields=["agent", "period_start", "period_end"], name="agents_scorecard_once"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="agents_scorecard_period",
            ),
        ]

    def __str__(self):
        return f"{self.agent_id} {self.period_start}..{self.period_end}"

    def get_absolute_url(self):
        return reverse("agents:scorecard", args=[self.pk])

    def value_of(self, metric: str) -> Decimal | None:
        raw = self.values.get(metric)
        return None if raw is None else Decimal(raw)


track(Grade, GradeAssignment, ScorecardMetric, Scorecard)
