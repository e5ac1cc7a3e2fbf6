"""Service delivery: service types and their SLA targets, business-hour holidays, service
requests with their status history, and visits (work orders) with parts, photos and signature.

Write only through `aftersales.service.services`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, STAFF_ROLES, Role
from aftersales.core.i18n_fields import TranslatedName
from aftersales.core.models import StatusStep

from .choices import (
    OPEN_STATUSES,
    BusinessCalendarCode,
    Channel,
    ContactStatus,
    DefectStatus,
    Priority,
    Status,
    SupportKind,
    SupportOutcome,
    VisitPurpose,
    VisitResult,
    VisitStatus,
)

SETUP_EDITORS = frozenset({Role.MANAGER})
DESK = frozenset({Role.OPERATOR, Role.DISPATCHER, Role.MANAGER, Role.AGENT})
FIELD = DESK | {Role.TECHNICIAN}


def _visits_of_agent(agent) -> Q:
    return Q(request__agent=agent) | Q(technician__agent=agent)


class ServiceType(TranslatedName):
    """A kind of service (repair, installation ...): its intake fields, check-list and weight."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    needs_unit = models.BooleanField(_("needs a unit"), default=True)
    needs_visit = models.BooleanField(_("usually needs a visit"), default=True)
    self_booking = models.BooleanField(
        _("customers choose the time"),
        default=False,
        help_text=_(
            "Customers choose the visit's time themselves on the portal, from the technicians' "
            "free time; leave it off for work a dispatcher must plan (e.g. site measurements)."
        ),
    )
    required_fields = models.JSONField(
        _("required intake fields"),
        default=list,
        blank=True,
        help_text=_("Intake fields the operator must fill for this type, e.g. address."),
    )
    checklist = models.JSONField(
        _("check-list"),
        default=list,
        blank=True,
        help_text=_("The steps a technician ticks on site, one text per step."),
    )
    checklist_fa = models.JSONField(
        _("check-list (Persian)"),
        default=dict,
        blank=True,
        help_text=_('Each step in Persian, by the step as written: {"Test run": "…"}.'),
    )
    checklist_it = models.JSONField(
        _("check-list (Italian)"),
        default=dict,
        blank=True,
        help_text=_('Each step in Italian, by the step as written: {"Test run": "…"}.'),
    )
    priority_weight = models.DecimalField(
        _("priority weight"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(view=EVERYONE, add=SETUP_EDITORS, change=SETUP_EDITORS, customer=ALL, agent=ALL)

    class Meta:
        verbose_name = _("service type")
        verbose_name_plural = _("service types")
        ordering = ["code"]

    def clean(self):
        if not isinstance(self.checklist, list) or not all(
            isinstance(step, str) for step in self.checklist
        ):
            raise ValidationError({"checklist": _("Give a list of texts, one per step.")})
        for name in ("checklist_fa", "checklist_it"):
            translated = getattr(self, name)
            if not isinstance(translated, dict) or not all(
                isinstance(text, str) for text in [*translated, *translated.values()]
            ):
                raise ValidationError({name: _("Give each step's text by the step as written.")})

    def step_shown(self, step: str) -> str:
        """A step in the user's language; as written where it has no translation. Translations
        are kept by the step as written, so a visit worked with an older procedure keeps them."""
        translated = getattr(self, f"checklist_{(get_language() or 'en')[:2]}", None) or {}
        return translated.get(step) or step

    def checklist_shown(self) -> list[str]:
        return [self.step_shown(step) for step in self.checklist]


class SlaTarget(models.Model):
    """Response and resolution targets, in business hours, for a type and priority."""

    service_type = models.ForeignKey(
        ServiceType,
        on_delete=models.CASCADE,
        related_name="sla_targets",
        verbose_name=_("service type"),
    )
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority)
    response_hours = models.DecimalField(
        _("response (business hours)"), max_digits=6, decimal_places=2
    )
    resolution_hours = models.DecimalField(
        _("resolution (business hours)"), max_digits=6, decimal_places=2
    )

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT}, add=SETUP_EDITORS, change=SETUP_EDITORS, agent=ALL
    )

    class Meta:
        verbose_name = _("SLA target")
        verbose_name_plural = _("SLA targets")
        constraints = [
            models.UniqueConstraint(fields=["service_type", "priority"], name="service_sla_once")
        ]


class Holiday(models.Model):
    """A day off in a business calendar (Nowruz, Festa della Repubblica ...)."""

    calendar = models.CharField(_("calendar"), max_length=2, choices=BusinessCalendarCode)
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=200)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT}, add=SETUP_EDITORS, change=SETUP_EDITORS, agent=ALL
    )

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["calendar", "date"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="service_holiday_once")
        ]

    def __str__(self):
        return f"{self.calendar} {self.date} {self.name}"


class ServiceRequest(models.Model):
    """A customer's request for a service, from any channel, through its states to closure."""

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    service_type = models.ForeignKey(
        ServiceType, verbose_name=_("service type"), on_delete=models.PROTECT, related_name="+"
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    address = models.ForeignKey(
        "customers.Address",
        verbose_name=_("address"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    preferred_date = models.DateField(_("preferred date"), null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel)
    description = models.TextField(_("description"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority, default=Priority.NORMAL
    )
    priority_score = models.DecimalField(
        _("priority score"), max_digits=6, decimal_places=2, default=1
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("responsible agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("another open request for the unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # the warranty decision at triage: None = unknown
    warranty_covered = models.BooleanField(_("under warranty"), null=True, blank=True)
    warranty_until = models.DateField(_("warranty until"), null=True, blank=True)
    warranty_reason = models.TextField(_("warranty reason"), blank=True)
    warranty_reasons = models.JSONField(
        _("warranty reason in each language"), default=dict, blank=True, editable=False
    )
    # SLA, in business hours of `calendar`
    calendar = models.CharField(
        _("business calendar"),
        max_length=2,
        choices=BusinessCalendarCode,
        default=BusinessCalendarCode.IRAN,
    )
    opened_at = models.DateTimeField(_("opened"))
    response_due = models.DateTimeField(_("response due"), null=True, blank=True)
    resolution_due = models.DateTimeField(_("resolution due"), null=True, blank=True)
    responded_at = models.DateTimeField(_("responded"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    paused_at = models.DateTimeField(_("SLA paused since"), null=True, blank=True)
    first_time_fix = models.BooleanField(_("first-time fix"), null=True, blank=True)
    plan = models.ForeignKey(
        "service.MaintenancePlan",
        verbose_name=_("maintenance plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    meter_at_open = models.DecimalField(
        _("meter reading at opening"), max_digits=12, decimal_places=1, null=True, blank=True
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
        view=EVERYONE,
        add=DESK | {Role.CUSTOMER},
        change=FIELD,
        customer="customer",
        agent="agent",
    )

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-pk"]
        indexes = [models.Index(fields=["status", "-priority"], name="service_req_queue")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("service:request", args=[self.pk])

    @property
    def warranty_reason_shown(self) -> str:
        """The warranty decision's reason in the reader's language (as written when it was
        taken, in the language of the person who opened the request, for older requests)."""
        language = (get_language() or "")[:2]
        return self.warranty_reasons.get(language) or self.warranty_reason

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class StatusChange(StatusStep):
    """One step of a request's life: from which state to which, by whom, when, why."""

    request = models.ForeignKey(
        ServiceRequest,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("request"),
    )
    from_status = models.CharField(
        pgettext_lazy("movement", "from"), max_length=20, choices=Status, blank=True
    )
    to_status = models.CharField(pgettext_lazy("movement", "to"), max_length=20, choices=Status)

    objects = RestrictedManager()
    policy = Policy(view=EVERYONE, customer="request__customer", agent="request__agent")

    class Meta(StatusStep.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class Visit(models.Model):
    """A work order: a technician's visit to the customer for a request, bench work on it in a
    workshop, or the delivery or pick-up of its unit (`purpose`)."""

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    request = models.ForeignKey(
        ServiceRequest, verbose_name=_("request"), on_delete=models.PROTECT, related_name="visits"
    )
    technician = models.ForeignKey(
        "workforce.Technician",
        verbose_name=_("technician"),
        on_delete=models.PROTECT,
        related_name="visits",
    )
    window_start = models.DateTimeField(_("promised from"))
    window_end = models.DateTimeField(_("promised until"))
    status = models.CharField(
        _("status"), max_length=10, choices=VisitStatus, default=VisitStatus.PLANNED
    )
    purpose = models.CharField(
        _("purpose"), max_length=10, choices=VisitPurpose, default=VisitPurpose.FIELD
    )
    follow_up_of = models.ForeignKey(
        "self",
        verbose_name=_("follow-up of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    departed_at = models.DateTimeField(_("on the way since"), null=True, blank=True)
    expected_at = models.DateTimeField(_("expected arrival"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_out_at = models.DateTimeField(_("checked out"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    diagnosis = models.TextField(_("diagnosis"), blank=True)
    failure_codes = models.ManyToManyField(
        "catalog.FailureCode", verbose_name=_("failure codes"), blank=True, related_name="+"
    )
    checklist = models.JSONField(_("check-list"), default=dict, blank=True)
    labour_minutes = models.PositiveIntegerField(_("labour (minutes)"), default=0)
    result = models.CharField(_("result"), max_length=20, choices=VisitResult, blank=True)
    signature = models.ImageField(
        _("customer signature"), upload_to="service/signatures/", blank=True
    )
    signed_by = models.CharField(_("signed by"), max_length=200, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
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
        view=EVERYONE,
        add=DESK,
        change=FIELD,
        customer="request__customer",
        agent=_visits_of_agent,
    )

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["window_start", "pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("service:visit", args=[self.pk])

    def checklist_items(self) -> list[tuple[str, bool]]:
        """Each step in the user's language, and whether it was ticked. A recorded visit shows
        the steps it was worked with, even after the procedure changed (in the procedure's order,
        then the steps it no longer has); one not yet recorded, the procedure's steps."""
        service_type = self.request.service_type
        steps = list(service_type.checklist)
        if self.checklist:
            steps = [step for step in steps if step in self.checklist]
            steps += sorted(step for step in self.checklist if step not in steps)
        return [(service_type.step_shown(step), bool(self.checklist.get(step))) for step in steps]


class VisitPart(models.Model):
    """A spare part used on a visit, issued from the technician's van when there is one."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="parts", verbose_name=_("visit")
    )
    part = models.ForeignKey("catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    warehouse = models.ForeignKey(
        "parts.Warehouse",
        verbose_name=_("from warehouse"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    move = models.ForeignKey(
        "parts.StockMove",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("move"),
    )

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE,
        customer="visit__request__customer",
        agent=lambda agent: Q(visit__request__agent=agent) | Q(visit__technician__agent=agent),
    )

    class Meta:
        verbose_name = _("part used")
        verbose_name_plural = _("parts used")


class Photo(models.Model):
    """A photo of a visit or of a request: who uploaded it and when; served only through a
    restricted view."""

    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    objects = RestrictedManager()

    class Meta:
        abstract = True
        ordering = ["pk"]


class VisitPhoto(Photo):
    """A photo taken on a visit."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="photos", verbose_name=_("visit")
    )
    image = models.FileField(_("photo"), upload_to="service/photos/")

    policy = Policy(
        view=EVERYONE,
        customer="visit__request__customer",
        agent=lambda agent: Q(visit__request__agent=agent) | Q(visit__technician__agent=agent),
    )

    class Meta(Photo.Meta):
        verbose_name = _("visit photo")
        verbose_name_plural = _("visit photos")


class RequestPhoto(Photo):
    """A photo of a request itself, before or beside its visits (one the customer sent with an
    e-mail); shown on the request's page and its visits' pages."""

    request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="photos", verbose_name=_("request")
    )
    image = models.FileField(_("photo"), upload_to="service/photos/requests/")

    policy = Policy(
        view=EVERYONE,
        customer="request__customer",
        # the request's agent, or the agent of a technician sent on one of its visits
        agent=lambda agent: (
            Q(request__agent=agent)
            | Q(request__in=Visit.objects.filter(technician__agent=agent).values("request"))
        ),
    )

    class Meta(Photo.Meta):
        verbose_name = _("request photo")
        verbose_name_plural = _("request photos")


class SupportSession(models.Model):
    """Support without a visit: a remote troubleshooting session or a customer training (R7.1)."""

    request = models.ForeignKey(
        ServiceRequest,
        on_delete=models.CASCADE,
        related_name="support_sessions",
        verbose_name=_("request"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SupportKind)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel)
    outcome = models.CharField(_("outcome"), max_length=15, choices=SupportOutcome)
    minutes = models.PositiveIntegerField(_("minutes"), default=0)
    attendees = models.PositiveSmallIntegerField(_("people trained"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    article = models.ForeignKey(
        "knowledge.Article",
        verbose_name=_("article used"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_sessions",
    )
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )

    objects = RestrictedManager()
    policy = Policy(view=EVERYONE, add=FIELD, customer="request__customer", agent="request__agent")

    class Meta:
        verbose_name = _("support session")
        verbose_name_plural = _("support sessions")
        ordering = ["at", "pk"]


class DefectReport(models.Model):
    """A defect referred from a visit to production's quality queue (R4.4)."""

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.PROTECT, related_name="defect_reports"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    batch = models.CharField(_("production batch"), max_length=40, blank=True)
    failure_codes = models.ManyToManyField(
        "catalog.FailureCode", verbose_name=_("failure codes"), blank=True, related_name="+"
    )
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"), max_length=15, choices=DefectStatus, default=DefectStatus.OPEN
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("raised by"),
    )
    raised_at = models.DateTimeField(_("raised"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT},
        add=FIELD,
        change=frozenset({Role.QUALITY, Role.MANAGER}),
        agent=lambda agent: Q(visit__request__agent=agent) | Q(visit__technician__agent=agent),
    )

    class Meta:
        verbose_name = _("defect report")
        verbose_name_plural = _("defect reports")
        ordering = ["-pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("service:defect", args=[self.pk])


class MaintenancePlan(models.Model):
    """Proactive maintenance for a model, a category or the units under a service contract
    (or a mix: the units of a model with a contract): every N months and/or every N meter units,
    or a seasonal campaign (e.g. a pre-summer air-conditioner check in its months)."""

    name = models.CharField(_("name"), max_length=200)
    service_type = models.ForeignKey(
        ServiceType, verbose_name=_("service type"), on_delete=models.PROTECT, related_name="+"
    )
    product_model = models.ForeignKey(
        "catalog.ProductModel",
        verbose_name=_("model"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    category = models.ForeignKey(
        "catalog.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    service_contracts = models.BooleanField(
        _("units under a service contract"),
        default=False,
        help_text=_(
            "Only units with a service contract (AMC) in force on the day; the months count "
            "from the contract's start until the plan's first request."
        ),
    )
    every_months = models.PositiveSmallIntegerField(_("every N months"), null=True, blank=True)
    every_meter = models.DecimalField(
        _("every N meter units"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    season_months = models.JSONField(
        _("campaign months"),
        default=list,
        blank=True,
        help_text=_("For a seasonal campaign: the months (1-12) in which it runs, once a year."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(view=STAFF_ROLES, add=SETUP_EDITORS, change=SETUP_EDITORS)

    class Meta:
        verbose_name = _("maintenance plan")
        verbose_name_plural = _("maintenance plans")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(product_model__isnull=False)
                | Q(category__isnull=False)
                | Q(service_contracts=True),
                name="service_plan_has_target",
            )
        ]

    def __str__(self):
        return self.name


class Campaign(models.Model):
    """A recall or field campaign for a range of production batches of a model."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    product_model = models.ForeignKey(
        "catalog.ProductModel", verbose_name=_("model"), on_delete=models.PROTECT, related_name="+"
    )
    batch_from = models.CharField(_("from batch"), max_length=40)
    batch_to = models.CharField(_("to batch"), max_length=40)
    service_type = models.ForeignKey(
        ServiceType, verbose_name=_("service type"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("what to do"))
    launched_at = models.DateTimeField(_("launched"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT},
        add=frozenset({Role.QUALITY, Role.MANAGER}),
        change=frozenset({Role.QUALITY, Role.MANAGER}),
        agent=lambda agent: Q(contacts__unit__service_agent=agent),
    )

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-pk"]

    def __str__(self):
        return f"{self.code} · {self.name}"

    def get_absolute_url(self):
        return reverse("service:campaign", args=[self.pk])


class CampaignContact(models.Model):
    """One owner to reach in a campaign, with the request opened for their unit."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("campaign")
    )
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT)
    request = models.ForeignKey(
        ServiceRequest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("request"),
    )
    status = models.CharField(
        _("status"), max_length=15, choices=ContactStatus, default=ContactStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    contacted_at = models.DateTimeField(_("last contact"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT},
        change=DESK | {Role.QUALITY},
        agent="unit__service_agent",
    )

    class Meta:
        verbose_name = _("campaign contact")
        verbose_name_plural = _("campaign contacts")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="service_contact_once")
        ]


class CalendarFeed(models.Model):
    """A technician's secret link to their visits as a calendar (iCalendar) that a phone's
    calendar subscribes to. Only the key's hash is kept; a new link replaces the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"))
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self):
        return str(self.user)


track(SupportSession, DefectReport, MaintenancePlan, Campaign, CampaignContact)
track(CalendarFeed, exclude=("digest", "last_read_at"))
track(ServiceType, SlaTarget, Holiday, ServiceRequest, Visit, VisitPart, VisitPhoto, RequestPhoto)
