"""Quality and reliability: early warnings on production groups, corrective and preventive
actions (ISO 9001 10.2), customers' needs and ideas for R&D, and the versioned process of each
service type with its periodic (PDCA) reviews.

Write only through `aftersales.quality.services`.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core import calendars
from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import STAFF_ROLES, Role

from .choices import (
    CapaKind,
    CapaSource,
    CapaStatus,
    GroupKind,
    NeedAudience,
    NeedKind,
    NeedStatus,
    RootCause,
    Verdict,
    WarningStatus,
)

QUALITY = frozenset({Role.QUALITY, Role.MANAGER})
# who hears customers and may note a need or an idea
LISTENERS = frozenset(
    {Role.OPERATOR, Role.DISPATCHER, Role.TECHNICIAN, Role.AGENT, Role.QUALITY, Role.MANAGER}
)


class EarlyWarning(models.Model):
    """A production batch or month of a model whose claim rate is significantly above the
    rest of the model (an exact conditional test on two Poisson rates, Holm-corrected)."""

    product_model = models.ForeignKey(
        "catalog.ProductModel", verbose_name=_("model"), on_delete=models.PROTECT, related_name="+"
    )
    group_kind = models.CharField(_("group"), max_length=10, choices=GroupKind)
    group = models.CharField(_("batch or month"), max_length=40)
    window_months = models.PositiveSmallIntegerField(_("months in service compared"))
    claims = models.PositiveIntegerField(_("claims"))
    unit_months = models.DecimalField(_("unit-months in service"), max_digits=14, decimal_places=1)
    expected = models.DecimalField(_("expected claims"), max_digits=12, decimal_places=2)
    rate_ratio = models.DecimalField(_("rate ratio"), max_digits=8, decimal_places=2)
    p_value = models.FloatField(_("p-value"))
    adjusted_p = models.FloatField(_("adjusted p-value"))
    status = models.CharField(
        _("status"), max_length=15, choices=WarningStatus, default=WarningStatus.OPEN
    )
    detected_at = models.DateTimeField(_("detected"))
    note = models.TextField(_("note"), blank=True)

    objects = RestrictedManager()
    policy = Policy(view=QUALITY, add=QUALITY, change=QUALITY)

    class Meta:
        verbose_name = _("early warning")
        verbose_name_plural = _("early warnings")
        ordering = ["-detected_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["product_model", "group_kind", "group"],
                condition=~Q(status="dismissed"),
                name="quality_warning_once",
            )
        ]

    def __str__(self):
        return f"{self.product_model.code} · {self.group_shown}"

    def get_absolute_url(self):
        return reverse("quality:warning", args=[self.pk])

    @property
    def group_shown(self) -> str:
        """A batch as written; a production month ("2022-05") in the reader's calendar."""
        if self.group_kind == GroupKind.MONTH:
            try:
                year, month = (int(part) for part in self.group.split("-"))
                return calendars.show_month(dt.date(year, month, 1))
            except ValueError:
                pass
        return self.group


class CorrectiveAction(models.Model):
    """A corrective or preventive action (CAPA): the finding, its root cause, the actions for
    production and R&D, who owns it and by when, and the verification that claims fell."""

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=CapaKind, default=CapaKind.CORRECTIVE)
    source = models.CharField(_("source"), max_length=10, choices=CapaSource)
    defect_report = models.ForeignKey(
        "service.DefectReport",
        verbose_name=_("defect report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    warning = models.ForeignKey(
        EarlyWarning,
        verbose_name=_("early warning"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        verbose_name=_("complaint"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    product_model = models.ForeignKey(
        "catalog.ProductModel",
        verbose_name=_("model"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    failure_code = models.ForeignKey(
        "catalog.FailureCode",
        verbose_name=_("failure code"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    part = models.ForeignKey(
        "catalog.Part",
        verbose_name=_("part"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    problem = models.TextField(_("problem"))
    root_cause_category = models.CharField(
        _("root cause category"), max_length=15, choices=RootCause, blank=True
    )
    root_cause = models.TextField(_("root cause"), blank=True)
    production_action = models.TextField(_("action for production"), blank=True)
    rnd_action = models.TextField(_("action for R&D"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    effective_date = models.DateField(
        _("effective from"),
        null=True,
        blank=True,
        help_text=_("The first production day made with the change."),
    )
    status = models.CharField(
        _("status"), max_length=15, choices=CapaStatus, default=CapaStatus.INVESTIGATING
    )
    # the verification: claims per 1,000 unit-months before vs after the effective date
    window_months = models.PositiveSmallIntegerField(_("months in service compared"), default=12)
    rate_before = models.DecimalField(
        _("rate before"), max_digits=12, decimal_places=4, null=True, blank=True
    )
    rate_after = models.DecimalField(
        _("rate after"), max_digits=12, decimal_places=4, null=True, blank=True
    )
    claims_before = models.PositiveIntegerField(_("claims before"), null=True, blank=True)
    claims_after = models.PositiveIntegerField(_("claims after"), null=True, blank=True)
    p_value = models.FloatField(_("p-value"), null=True, blank=True)
    verdict = models.CharField(_("verdict"), max_length=15, choices=Verdict, blank=True)
    evidence = models.TextField(
        _("evidence of the check"),
        blank=True,
        help_text=_("What was checked, when and by whom (an action on no product)."),
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(view=STAFF_ROLES, add=QUALITY, change=QUALITY)

    class Meta:
        verbose_name = _("corrective action")
        verbose_name_plural = _("corrective actions")
        ordering = ["-pk"]

    def __str__(self):
        return f"{self.number} · {self.title}"

    def get_absolute_url(self):
        return reverse("quality:action", args=[self.pk])


class CustomerNeed(models.Model):
    """A customer's need, expectation or idea noted by staff, for R&D and market research."""

    kind = models.CharField(_("kind"), max_length=12, choices=NeedKind, default=NeedKind.NEED)
    audience = models.CharField(
        _("for"), max_length=10, choices=NeedAudience, default=NeedAudience.RND
    )
    summary = models.CharField(_("summary"), max_length=200)
    details = models.TextField(_("details"), blank=True)
    product_model = models.ForeignKey(
        "catalog.ProductModel",
        verbose_name=_("model"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    category = models.ForeignKey(
        "catalog.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=NeedStatus, default=NeedStatus.NEW
    )
    response = models.TextField(_("answer from R&D"), blank=True)
    noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("noted by"),
    )
    noted_at = models.DateTimeField(_("noted"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(view=STAFF_ROLES | {Role.AGENT}, add=LISTENERS, change=QUALITY, agent="agent")

    class Meta:
        verbose_name = _("customer need or idea")
        verbose_name_plural = _("customers' needs and ideas")
        ordering = ["-noted_at", "-pk"]

    def __str__(self):
        return self.summary

    def get_absolute_url(self):
        return reverse("quality:need", args=[self.pk])


class ProcessVersion(models.Model):
    """One version of a service type's process (R9.1): its requirements, how the need is
    detected, its procedure (the check-list) and its documents, with the KPI targets it is
    reviewed against. Never changed: every change is a new version."""

    service_type = models.ForeignKey(
        "service.ServiceType",
        verbose_name=_("service type"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("version"))
    requirements = models.TextField(_("requirements"))
    detection = models.TextField(_("how the need is detected"), blank=True)
    procedure = models.JSONField(_("procedure (check-list)"), default=list, blank=True)
    documents = models.JSONField(_("documents"), default=list, blank=True)
    targets = models.JSONField(_("KPI targets"), default=dict, blank=True)
    change_note = models.CharField(_("what changed"), max_length=300)
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
    policy = Policy(view=STAFF_ROLES, add=QUALITY)

    class Meta:
        verbose_name = _("process version")
        verbose_name_plural = _("process versions")
        ordering = ["service_type", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["service_type", "version"], name="quality_version_once")
        ]

    def __str__(self):
        return f"{self.service_type} v{self.version}"

    def get_absolute_url(self):
        return reverse("quality:process_version", args=[self.service_type_id, self.version])


class ProcessReview(models.Model):
    """A periodic review (PDCA) of a service type: its KPIs against the targets of the process
    version in force, what was found (check) and what will change (act)."""

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    service_type = models.ForeignKey(
        "service.ServiceType",
        verbose_name=_("service type"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    process_version = models.ForeignKey(
        ProcessVersion,
        verbose_name=_("process version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    kpis = models.JSONField(_("KPIs"), default=list, blank=True)
    findings = models.TextField(_("findings (check)"), blank=True)
    decisions = models.TextField(_("decisions (act)"), blank=True)
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
    policy = Policy(view=STAFF_ROLES, add=QUALITY)

    class Meta:
        verbose_name = _("process review")
        verbose_name_plural = _("process reviews")
        ordering = ["-period_end", "-pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("quality:review", args=[self.pk])


track(EarlyWarning, CorrectiveAction, CustomerNeed, ProcessVersion, ProcessReview)
