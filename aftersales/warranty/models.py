"""Warranty as data: policies, legal minimums, guarantees, extended contracts and claims.

The rules the engine (`coverage.py`) applies are records here, editable by managers and quality
engineers; nothing about a country or a product is written in code.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, STAFF_ROLES, Country, Currency, Role

from .choices import (
    ActionKind,
    ClaimStatus,
    ContractKind,
    Exclusion,
    GuaranteeKind,
    LineKind,
    Payer,
    RecoveryStatus,
    StartEvent,
    Submitter,
)

RULE_EDITORS = frozenset({Role.MANAGER, Role.QUALITY})
RULES_POLICY = Policy(
    view=EVERYONE,
    add=RULE_EDITORS,
    change=RULE_EDITORS,
    delete=RULE_EDITORS,
    customer=ALL,
    agent=ALL,
)
PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


def _exclusions(value):
    valid = set(Exclusion.values)
    if not isinstance(value, list) or any(item not in valid for item in value):
        raise ValidationError(_("Choose exclusions from the list."))


def _percent(verbose):
    return models.DecimalField(
        verbose, max_digits=5, decimal_places=2, default=100, validators=PERCENT
    )


class Coverage(models.Model):
    """What a warranty pays, in per cent, for each kind of line; and what it excludes."""

    parts_pct = _percent(_("parts covered (%)"))
    labour_pct = _percent(_("labour covered (%)"))
    travel_pct = _percent(_("travel covered (%)"))
    exclusions = models.JSONField(
        _("exclusions"), default=list, blank=True, validators=[_exclusions]
    )

    class Meta:
        abstract = True

    def pct(self, kind: str):
        return {
            LineKind.PART: self.parts_pct,
            LineKind.LABOUR: self.labour_pct,
            LineKind.TRAVEL: self.travel_pct,
        }[kind]

    def exclusion_labels(self) -> list[str]:
        return [str(Exclusion(code).label) for code in self.exclusions or []]


class WarrantyPolicy(Coverage):
    """The maker's commercial warranty for a product model or a whole category."""

    name = models.CharField(_("name"), max_length=200)
    product_model = models.ForeignKey(
        "catalog.ProductModel",
        verbose_name=_("product model"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="warranty_policies",
        help_text=_("Either a model or a category; a model's policy wins over its category's."),
    )
    category = models.ForeignKey(
        "catalog.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="warranty_policies",
    )
    valid_from = models.DateField(
        _("for units starting from"),
        null=True,
        blank=True,
        help_text=_("The policy applies to units whose warranty starts on or after this day."),
    )
    start_event = models.CharField(
        _("starts at"), max_length=10, choices=StartEvent, default=StartEvent.SALE
    )
    months = models.PositiveSmallIntegerField(
        _("months"), null=True, blank=True, validators=[MaxValueValidator(600)]
    )
    usage_limit = models.DecimalField(
        _("usage limit"),
        max_digits=12,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("On the model's meter (hours, km or cycles); whichever comes first."),
    )
    transferable = models.BooleanField(
        _("transferable"), default=True, help_text=_("Whether the warranty passes to a new owner.")
    )
    registration_days = models.PositiveSmallIntegerField(
        _("registration deadline (days)"),
        null=True,
        blank=True,
        help_text=_("The unit must be registered within this many days of the sale."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = RULES_POLICY

    class Meta:
        verbose_name = _("warranty policy")
        verbose_name_plural = _("warranty policies")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(product_model__isnull=False) ^ Q(category__isnull=False),
                name="warranty_policy_model_xor_category",
            ),
            models.CheckConstraint(
                condition=Q(months__isnull=False) | Q(usage_limit__isnull=False),
                name="warranty_policy_has_a_limit",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("warranty:policy", args=[self.pk])

    def clean(self):
        if bool(self.product_model_id) == bool(self.category_id):
            raise ValidationError(_("Choose either a product model or a category."))
        if self.months is None and self.usage_limit is None:
            raise ValidationError(_("Give the months, the usage limit, or both."))


class PartCoverage(models.Model):
    """A part covered longer (or differently) than the rest, e.g. a compressor for 60 months."""

    warranty_policy = models.ForeignKey(
        WarrantyPolicy,
        on_delete=models.CASCADE,
        related_name="part_overrides",
        verbose_name=_("warranty policy"),
    )
    part = models.ForeignKey("catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT)
    months = models.PositiveSmallIntegerField(_("months"), validators=[MaxValueValidator(600)])
    usage_limit = models.DecimalField(
        _("usage limit"), max_digits=12, decimal_places=1, null=True, blank=True
    )
    pct = _percent(_("covered (%)"))
    payer = models.CharField(
        _("who pays"), max_length=10, choices=Payer, default=Payer.MANUFACTURER
    )
    supplier = models.CharField(
        _("supplier"),
        max_length=200,
        blank=True,
        help_text=_("Who made the part: claims for it may be passed on to this supplier."),
    )

    objects = RestrictedManager()
    policy = RULES_POLICY

    class Meta:
        verbose_name = _("part coverage")
        verbose_name_plural = _("part coverages")
        constraints = [
            models.UniqueConstraint(
                fields=["warranty_policy", "part"], name="part_coverage_unique_per_policy"
            )
        ]

    def __str__(self):
        return f"{self.part} · {self.months}"


class LegalMinimum(Coverage):
    """The least a country's law gives a consumer, per category (or for every category)."""

    country = models.CharField(_("country"), max_length=2, choices=Country)
    category = models.ForeignKey(
        "catalog.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="legal_minimums",
        help_text=_("Empty: every category without a rule of its own."),
    )
    months = models.PositiveSmallIntegerField(_("months"), validators=[MaxValueValidator(600)])
    presumption_months = models.PositiveSmallIntegerField(
        _("defect presumed for (months)"),
        default=0,
        help_text=_("A defect appearing in this time is presumed present at delivery."),
    )
    commitment_years = models.PositiveSmallIntegerField(
        _("parts available after the warranty (years)"),
        default=0,
        help_text=_("A paid commitment period: repairs and parts for this many years more."),
    )
    survives_transfer = models.BooleanField(_("passes to a new owner"), default=True)
    source = models.TextField(_("source"), blank=True, help_text=_("Where the number comes from."))

    objects = RestrictedManager()
    policy = RULES_POLICY

    class Meta:
        verbose_name = _("legal minimum")
        verbose_name_plural = _("legal minimums")
        ordering = ["country", "category__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "category"],
                condition=Q(category__isnull=False),
                name="legal_minimum_unique_per_category",
                violation_error_message=_(
                    "This country already has a legal minimum for this category."
                ),
            ),
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(category__isnull=True),
                name="legal_minimum_unique_default",
                violation_error_message=_(
                    "This country already has a legal minimum for this category."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_country_display()} · {self.category or '*'} · {self.months}"


class GuaranteeRule(models.Model):
    """A commitment beyond repair (R5.2), attached to a warranty policy."""

    warranty_policy = models.ForeignKey(
        WarrantyPolicy,
        on_delete=models.CASCADE,
        related_name="guarantees",
        verbose_name=_("warranty policy"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=GuaranteeKind)
    days = models.PositiveSmallIntegerField(
        _("days"), null=True, blank=True, help_text=_("N days (money back, inherent defect).")
    )
    repairs = models.PositiveSmallIntegerField(
        _("repairs"), null=True, blank=True, help_text=_("The Nth repair of the same defect.")
    )
    working_days = models.PositiveSmallIntegerField(
        _("working days"),
        null=True,
        blank=True,
        help_text=_("A repair longer than this extends the warranty by the extra days."),
    )

    objects = RestrictedManager()
    policy = RULES_POLICY

    class Meta:
        verbose_name = _("guarantee rule")
        verbose_name_plural = _("guarantee rules")
        constraints = [
            models.UniqueConstraint(
                fields=["warranty_policy", "kind"], name="guarantee_unique_kind_per_policy"
            )
        ]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        needed = {
            GuaranteeKind.MONEY_BACK: "days",
            GuaranteeKind.REPLACE_DEFECT: "days",
            GuaranteeKind.REPLACE_REPEAT: "repairs",
            GuaranteeKind.EXTEND_REPAIR: "working_days",
        }.get(self.kind)
        if needed and getattr(self, needed) is None:
            raise ValidationError({needed: _("This rule needs this number.")})


class ExtendedContract(Coverage):
    """An extended warranty or a service contract sold for one unit."""

    number = models.CharField(_("number"), max_length=30, unique=True)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="contracts"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ContractKind, default=ContractKind.EXTENDED
    )
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends (last day covered)"))
    usage_limit = models.DecimalField(
        _("usage limit"), max_digits=12, decimal_places=1, null=True, blank=True
    )
    payer = models.CharField(
        _("who pays"), max_length=10, choices=Payer, default=Payer.MANUFACTURER
    )
    price = models.DecimalField(_("price"), max_digits=16, decimal_places=2, default=0)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency, default="IRR")
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE,
        add=frozenset({Role.OPERATOR, Role.MANAGER}),
        change=frozenset({Role.OPERATOR, Role.MANAGER}),
        customer="unit__owner",
        agent="unit__service_agent",
    )

    class Meta:
        verbose_name = _("extended contract")
        verbose_name_plural = _("extended contracts")
        ordering = ["-starts", "-pk"]

    def __str__(self):
        return self.number

    def clean(self):
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": _("A contract cannot end before it starts.")})


class StandardTime(models.Model):
    """The standard labour time of a repair (by failure code) that claims are held to."""

    failure_code = models.OneToOneField(
        "catalog.FailureCode",
        verbose_name=_("failure code"),
        on_delete=models.CASCADE,
        related_name="standard_time",
    )
    minutes = models.PositiveIntegerField(_("standard minutes"))

    objects = RestrictedManager()
    policy = RULES_POLICY

    class Meta:
        verbose_name = _("standard time")
        verbose_name_plural = _("standard times")

    def __str__(self):
        return f"{self.failure_code_id}: {self.minutes}"


def _claims_of_agent(agent) -> Q:
    return Q(agent=agent)


class Claim(models.Model):
    """A warranty claim for a finished job, submitted by an agent or the maker's technician."""

    number = models.CharField(_("number"), max_length=30, unique=True)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="claims"
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="warranty_claims",
    )
    submitter = models.CharField(
        _("submitted by"), max_length=10, choices=Submitter, default=Submitter.AGENT
    )
    external_ref = models.CharField(_("agent's reference"), max_length=60, blank=True)
    failure_date = models.DateField(_("failure date"))
    repair_started = models.DateField(_("repair started"), null=True, blank=True)
    repair_finished = models.DateField(_("repair finished"), null=True, blank=True)
    meter = models.DecimalField(
        _("meter reading"), max_digits=12, decimal_places=1, null=True, blank=True
    )
    failure_codes = models.ManyToManyField(
        "catalog.FailureCode", verbose_name=_("failure codes"), related_name="warranty_claims"
    )
    defect_key = models.CharField(
        max_length=200, blank=True, db_index=True, editable=False, verbose_name=_("defect key")
    )
    causes = models.JSONField(_("causes"), default=list, blank=True, validators=[_exclusions])
    labour_minutes = models.PositiveIntegerField(_("labour (minutes)"), default=0)
    labour_amount = models.DecimalField(_("labour"), max_digits=16, decimal_places=2, default=0)
    travel_amount = models.DecimalField(_("travel"), max_digits=16, decimal_places=2, default=0)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency, default="IRR")
    claimed_total = models.DecimalField(_("claimed"), max_digits=16, decimal_places=2, default=0)
    approved_total = models.DecimalField(_("approved"), max_digits=16, decimal_places=2, default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=ClaimStatus, default=ClaimStatus.SUBMITTED
    )
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.AGENT},
        add=frozenset({Role.AGENT, Role.TECHNICIAN, Role.MANAGER, Role.QUALITY}),
        change=frozenset({Role.QUALITY, Role.MANAGER, Role.FINANCE}),
        agent=_claims_of_agent,
    )

    class Meta:
        verbose_name = _("warranty claim")
        verbose_name_plural = _("warranty claims")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["unit", "failure_date"], name="claim_unit_failure")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("warranty:claim", args=[self.pk])


class ClaimPart(models.Model):
    """A part replaced in a claimed repair, with the faulty part's serial and its return."""

    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="parts", verbose_name=_("claim")
    )
    part = models.ForeignKey("catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT)
    quantity = models.PositiveSmallIntegerField(_("quantity"), default=1)
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2, default=0)
    faulty_serial = models.CharField(_("faulty part's serial"), max_length=60, blank=True)
    return_required = models.BooleanField(_("return required"), default=False)
    return_due = models.DateField(_("return due"), null=True, blank=True)
    returned_at = models.DateField(_("returned"), null=True, blank=True)
    defective_return = models.ForeignKey(
        "parts.DefectiveReturn",
        verbose_name=_("return authorization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claim_parts",
    )
    approved_amount = models.DecimalField(_("approved"), max_digits=16, decimal_places=2, default=0)

    objects = RestrictedManager()
    policy = Policy(
        view=Claim.policy.view,
        add=Claim.policy.add,
        change=Claim.policy.change,
        agent=lambda agent: Q(claim__agent=agent),
    )

    class Meta:
        verbose_name = _("claimed part")
        verbose_name_plural = _("claimed parts")


RECOVERY_ROLES = frozenset({Role.QUALITY, Role.FINANCE, Role.MANAGER})


class SupplierRecovery(models.Model):
    """An approved claim (or one of its lines) passed on to the part's supplier."""

    number = models.CharField(_("number"), max_length=30, unique=True)
    claim = models.ForeignKey(
        Claim, verbose_name=_("claim"), on_delete=models.PROTECT, related_name="recoveries"
    )
    line = models.ForeignKey(
        ClaimPart,
        verbose_name=_("claimed part"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recoveries",
    )
    supplier = models.CharField(_("supplier"), max_length=200)
    amount = models.DecimalField(
        _("amount"), max_digits=16, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency, default="IRR")
    status = models.CharField(
        _("status"), max_length=10, choices=RecoveryStatus, default=RecoveryStatus.CLAIMED
    )
    recovered_amount = models.DecimalField(
        _("recovered"), max_digits=16, decimal_places=2, default=0
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(view=RECOVERY_ROLES, add=RECOVERY_ROLES, change=RECOVERY_ROLES)

    class Meta:
        verbose_name = _("supplier recovery")
        verbose_name_plural = _("supplier recoveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("warranty:recovery", args=[self.pk])


class GuaranteeAction(models.Model):
    """A guarantee honoured: money back, or the unit replaced (R5.2), as a manager accepted it."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="guarantee_actions",
    )
    kind = models.CharField(_("action"), max_length=12, choices=ActionKind)
    rule = models.CharField(_("guarantee"), max_length=20, choices=GuaranteeKind)
    basis = models.TextField(_("why"), blank=True)
    new_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("new unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES,
        add=frozenset({Role.MANAGER}),
        change=frozenset({Role.MANAGER}),
    )

    class Meta:
        verbose_name = _("guarantee action")
        verbose_name_plural = _("guarantee actions")
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.unit_id}"


track(
    SupplierRecovery,
    GuaranteeAction,
    WarrantyPolicy,
    PartCoverage,
    LegalMinimum,
    GuaranteeRule,
    ExtendedContract,
    StandardTime,
    Claim,
    ClaimPart,
)
