"""The people who visit customers: the maker's own technicians and agents' technicians, their
skills, and the certifications some work needs."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, Role

from ..choices import CertificateState

WARN_DAYS = 30  # a certification expiring within this many days is flagged


class Technician(models.Model):
    """A field technician; `agent` is empty for the maker's own staff."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="technician",
        verbose_name=_("user"),
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="technicians",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    categories = models.ManyToManyField(
        "catalog.Category",
        verbose_name=_("product categories"),
        blank=True,
        help_text=_(
            "Leave empty, with no specific models, if the technician works on every category."
        ),
    )
    service_types = models.ManyToManyField(
        "service.ServiceType",
        verbose_name=_("service types"),
        blank=True,
        help_text=_("Leave empty if the technician does every type of service."),
    )
    product_models = models.ManyToManyField(
        "catalog.ProductModel",
        verbose_name=_("specific models"),
        blank=True,
        related_name="+",
        help_text=_("Models the technician is trained on beyond their categories."),
    )
    home_latitude = models.DecimalField(
        _("home latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    home_longitude = models.DecimalField(
        _("home longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    shift_start = models.TimeField(_("shift starts"), default=datetime.time(8, 0))
    shift_end = models.TimeField(_("shift ends"), default=datetime.time(17, 0))
    break_minutes = models.PositiveSmallIntegerField(_("break (minutes)"), default=30)
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE - {Role.CUSTOMER},
        add=frozenset({Role.MANAGER}),
        change=frozenset({Role.MANAGER}),
        agent="agent",
    )

    class Meta:
        verbose_name = _("technician")
        verbose_name_plural = _("technicians")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self):
        return reverse("workforce:detail", args=[self.pk])

    @property
    def employer(self) -> str:
        return self.agent.name if self.agent_id else str(_("The maker"))


class Qualification(models.Model):
    """A certificate some work needs (e.g. refrigerant handling for air-conditioner installs).

    Work of a listed category and service type (an empty list means any) may only be given to a
    technician who holds a certification of this qualification valid on the day of the work.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    categories = models.ManyToManyField(
        "catalog.Category", verbose_name=_("for product categories"), blank=True, related_name="+"
    )
    service_types = models.ManyToManyField(
        "service.ServiceType", verbose_name=_("for service types"), blank=True, related_name="+"
    )
    validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"),
        null=True,
        blank=True,
        help_text=_("How long a new certificate lasts; leave empty if it never expires."),
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE - {Role.CUSTOMER},
        add=frozenset({Role.MANAGER}),
        change=frozenset({Role.MANAGER}),
        agent=ALL,
    )

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workforce:qualification_edit", args=[self.pk])

    def expiry_from(self, day: datetime.date) -> datetime.date | None:
        """When a certificate issued on `day` expires (None: never)."""
        return add_months(day, self.validity_months) if self.validity_months else None


class Certification(models.Model):
    """A technician's certificate of a qualification, valid until `expires_on` (if set)."""

    technician = models.ForeignKey(
        Technician,
        verbose_name=_("technician"),
        on_delete=models.CASCADE,
        related_name="certifications",
    )
    qualification = models.ForeignKey(
        Qualification,
        verbose_name=_("qualification"),
        on_delete=models.PROTECT,
        related_name="certifications",
    )
    number = models.CharField(_("certificate number"), max_length=100, blank=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE - {Role.CUSTOMER},
        add=frozenset({Role.MANAGER}),
        change=frozenset({Role.MANAGER}),
        agent="technician__agent",
    )

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["technician", "qualification", "-issued_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("issued_on")),
                name="certification_expires_after_issue",
                violation_error_message=_("A certificate cannot expire before it is issued."),
            )
        ]

    def __str__(self):
        return f"{self.qualification} — {self.technician}"

    def get_absolute_url(self):
        return self.technician.get_absolute_url()

    def valid_on(self, day) -> bool:
        return self.issued_on <= day and (self.expires_on is None or day <= self.expires_on)

    def state_on(self, day: datetime.date, *, warn_days: int = WARN_DAYS) -> str:
        """Valid, expiring within `warn_days`, expired, or not yet valid on `day`."""
        if day < self.issued_on:
            return CertificateState.NOT_YET
        if self.expires_on is None:
            return CertificateState.VALID
        if self.expires_on < day:
            return CertificateState.EXPIRED
        if (self.expires_on - day).days <= warn_days:
            return CertificateState.EXPIRING
        return CertificateState.VALID

    def days_left(self, day: datetime.date) -> int | None:
        return None if self.expires_on is None else (self.expires_on - day).days


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` plus whole months, on the month's last day when it is shorter (31 Jan + 1 = 28 Feb)."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


track(Technician, Qualification, Certification)
