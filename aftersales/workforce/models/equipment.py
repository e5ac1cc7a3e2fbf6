"""Tools and vehicles handed over to technicians with a signed receipt, and returned; vehicles'
mileage readings and the service they are due (by distance or by date)."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, Role

from ..choices import AssetKind, ServiceDue
from .technicians import Technician

KEEPERS = frozenset({Role.MANAGER, Role.WAREHOUSE})
SERVICE_WARN_DAYS = 30  # a vehicle due within this many days ...
SERVICE_WARN_KM = 1000  # ... or this many kilometres is flagged


class Asset(models.Model):
    """A tool or a vehicle of the maker's, tagged with an inventory code."""

    kind = models.CharField(_("kind"), max_length=10, choices=AssetKind, default=AssetKind.TOOL)
    code = models.CharField(_("inventory code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    serial = models.CharField(_("serial number"), max_length=100, blank=True)
    plate = models.CharField(_("number plate"), max_length=30, blank=True)
    acquired_on = models.DateField(_("acquired on"), null=True, blank=True)
    service_interval_km = models.PositiveIntegerField(
        _("service every (km)"), null=True, blank=True
    )
    service_interval_days = models.PositiveSmallIntegerField(
        _("service every (days)"), null=True, blank=True
    )
    last_service_on = models.DateField(_("last serviced on"), null=True, blank=True)
    last_service_km = models.PositiveIntegerField(
        _("odometer at last service (km)"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    objects = RestrictedManager()
    policy = Policy(view=EVERYONE - {Role.CUSTOMER, Role.AGENT}, add=KEEPERS, change=KEEPERS)

    class Meta:
        verbose_name = _("tool or vehicle")
        verbose_name_plural = _("tools and vehicles")
        ordering = ["kind", "code"]

    def __str__(self):
        return f"{self.code} — {self.name}"

    def get_absolute_url(self):
        return reverse("workforce:asset_detail", args=[self.pk])

    @property
    def is_vehicle(self) -> bool:
        return self.kind == AssetKind.VEHICLE

    def odometer(self) -> int | None:
        """The latest reading, in km."""
        reading = self.readings.order_by("-read_on", "-km").first()
        return reading.km if reading else None

    def due_on(self) -> datetime.date | None:
        if not (self.service_interval_days and self.last_service_on):
            return None
        return self.last_service_on + datetime.timedelta(days=self.service_interval_days)

    def due_km(self) -> int | None:
        if not self.service_interval_km:
            return None
        return (self.last_service_km or 0) + self.service_interval_km

    def service_due(self, today: datetime.date, odometer: int | None = None) -> str:
        """Overdue, due soon, not due, or unknown (no interval), by date or distance."""
        due_on, due_km = self.due_on(), self.due_km()
        if due_on is None and due_km is None:
            return ServiceDue.UNKNOWN
        km = odometer if odometer is not None else self.odometer()
        if (due_on and due_on < today) or (due_km is not None and km is not None and km >= due_km):
            return ServiceDue.OVERDUE
        soon_date = due_on and (due_on - today).days <= SERVICE_WARN_DAYS
        soon_km = due_km is not None and km is not None and due_km - km <= SERVICE_WARN_KM
        return ServiceDue.SOON if (soon_date or soon_km) else ServiceDue.OK


class Handover(models.Model):
    """A tool or vehicle given to a technician against their drawn signature, and its return."""

    number = models.CharField(_("receipt number"), max_length=40, unique=True)
    asset = models.ForeignKey(
        Asset, verbose_name=_("tool or vehicle"), on_delete=models.PROTECT, related_name="handovers"
    )
    technician = models.ForeignKey(
        Technician,
        verbose_name=_("technician"),
        on_delete=models.PROTECT,
        related_name="handovers",
    )
    handed_at = models.DateTimeField(_("handed over at"))
    handed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handed over by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    condition_out = models.CharField(_("condition when handed over"), max_length=300, blank=True)
    km_out = models.PositiveIntegerField(_("odometer when handed over (km)"), null=True, blank=True)
    signature = models.ImageField(_("signature"), upload_to="workforce/receipts/")
    signed_by = models.CharField(_("signed by"), max_length=200)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    condition_in = models.CharField(_("condition when returned"), max_length=300, blank=True)
    km_in = models.PositiveIntegerField(_("odometer when returned (km)"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE - {Role.CUSTOMER},
        add=KEEPERS,
        change=KEEPERS,
        agent="technician__agent",
    )

    class Meta:
        verbose_name = _("hand-over")
        verbose_name_plural = _("hand-overs")
        ordering = ["-handed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset"],
                condition=models.Q(returned_at__isnull=True),
                name="handover_one_open_per_asset",
            )
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("workforce:handover_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.returned_at is None


class MileageReading(models.Model):
    """A vehicle's odometer on a day."""

    vehicle = models.ForeignKey(
        Asset, verbose_name=_("vehicle"), on_delete=models.PROTECT, related_name="readings"
    )
    read_on = models.DateField(_("read on"))
    km = models.PositiveIntegerField(_("odometer (km)"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE - {Role.CUSTOMER, Role.AGENT},
        add=KEEPERS | {Role.TECHNICIAN},
        change=KEEPERS,
    )

    class Meta:
        verbose_name = _("mileage reading")
        verbose_name_plural = _("mileage readings")
        ordering = ["-read_on", "-km"]

    def __str__(self):
        return f"{self.vehicle.code}: {self.km} km"

    def get_absolute_url(self):
        return self.vehicle.get_absolute_url()


track(Asset, Handover, MileageReading, exclude=("signature",))
