"""Targets per agent and period, improvement actions, and periodic review records (R3.3, R3.5)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track

from ..choices import ActionStatus, Metric
from .agent import NETWORK_MANAGERS
from .grading import NETWORK_READERS


class Target(models.Model):
    """A KPI value an agent is to reach in a period (e.g. first-time fix ≥ 0.80 this quarter)."""

    agent = models.ForeignKey(
        "agents.Agent", verbose_name=_("agent"), on_delete=models.CASCADE, related_name="targets"
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    metric = models.CharField(_("KPI"), max_length=40, choices=Metric)
    value = models.DecimalField(_("target value"), max_digits=8, decimal_places=4)
    note = models.CharField(_("note"), max_length=500, blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=NETWORK_READERS,
        add=NETWORK_MANAGERS,
        change=NETWORK_MANAGERS,
        delete=NETWORK_MANAGERS,
        agent="agent",
    )

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["-period_start", "metric"]
        constraints = [
            models.UniqueConstraint(
                fields=["agent", "period_start", "period_end", "metric"],
                name="agents_target_once",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="agents_target_period",
            ),
        ]

    def __str__(self):
        return f"{self.get_metric_display()} {self.value}"


class ImprovementAction(models.Model):
    """An action to improve an agent's performance: who owns it, by when, and what it achieved."""

    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        on_delete=models.CASCADE,
        related_name="improvement_actions",
    )
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    metric = models.CharField(_("KPI addressed"), max_length=40, choices=Metric, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus, default=ActionStatus.OPEN
    )
    result = models.TextField(_("result"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(
        view=NETWORK_READERS, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent="agent"
    )

    class Meta:
        verbose_name = _("improvement action")
        verbose_name_plural = _("improvement actions")
        ordering = ["status", "due_on", "pk"]

    def __str__(self):
        return self.title

    def is_overdue(self, today) -> bool:
        return self.status == ActionStatus.OPEN and self.due_on < today


class Review(models.Model):
    """A periodic review of an agent (R3.5): the period, its scorecard, findings and decisions."""

    agent = models.ForeignKey(
        "agents.Agent", verbose_name=_("agent"), on_delete=models.CASCADE, related_name="reviews"
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    held_on = models.DateField(_("held on"))
    scorecard = models.ForeignKey(
        "agents.Scorecard",
        verbose_name=_("scorecard"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    findings = models.TextField(_("findings"))
    decisions = models.TextField(_("decisions"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
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
        verbose_name = _("periodic review")
        verbose_name_plural = _("periodic reviews")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="agents_review_period",
            )
        ]


track(Target, ImprovementAction, Review)
