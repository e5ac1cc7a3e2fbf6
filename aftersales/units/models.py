"""The installed base: every serial-numbered unit sold, who owns it and where it is installed."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, Currency, Role

from .choices import ImportStatus, RegistrationStatus, UnitSource, UnitStatus

UNIT_EDITORS = frozenset({Role.OPERATOR, Role.MANAGER})
UNIT_POLICY = Policy(
    view=EVERYONE,
    add=UNIT_EDITORS,
    change=UNIT_EDITORS,
    delete=frozenset({Role.MANAGER}),
    customer="owner",
    agent="service_agent",
)
# the one message for a negative price: form, API, service and import alike
SALE_PRICE_NEGATIVE = _("The sale price cannot be negative.")


class Unit(models.Model):
    """One serial-numbered product: made, sold, installed, owned, serviced."""

    product_model = models.ForeignKey(
        "catalog.ProductModel",
        verbose_name=_("model"),
        on_delete=models.PROTECT,
        related_name="units",
    )
    serial = models.CharField(_("serial number"), max_length=60, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=UnitStatus, default=UnitStatus.ACTIVE
    )
    production_date = models.DateField(_("production date"), null=True, blank=True)
    batch = models.CharField(_("production batch"), max_length=40, blank=True, db_index=True)
    sale_date = models.DateField(_("sale date"), null=True, blank=True)
    dealer = models.CharField(_("selling dealer"), max_length=200, blank=True)
    sale_invoice = models.CharField(_("sale invoice number"), max_length=60, blank=True)
    sale_price = models.DecimalField(
        _("sale price"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=SALE_PRICE_NEGATIVE)],
        help_text=_("What the unit was sold for (before tax), in the sale currency."),
    )
    sale_currency = models.CharField(
        _("sale currency"), max_length=3, choices=Currency, default=Currency.IRR
    )
    installation_date = models.DateField(_("installation date"), null=True, blank=True)
    installation_address = models.ForeignKey(
        "customers.Address",
        verbose_name=_("installation address"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    installer = models.ForeignKey(
        "workforce.Technician",
        verbose_name=_("installer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="installed_units",
    )
    owner = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
    )
    service_agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("servicing agent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    replaced_by = models.ForeignKey(
        "self", verbose_name=_("replaced by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    source = models.CharField(
        _("source"), max_length=10, choices=UnitSource, default=UnitSource.STAFF
    )
    import_batch = models.ForeignKey(
        "units.ImportBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
        verbose_name=_("import batch"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RestrictedManager()
    policy = UNIT_POLICY

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["product_model", "serial"], name="unit_unique_serial_per_model"
            )
        ]

    def __str__(self):
        return f"{self.product_model.code} / {self.serial}"

    def get_absolute_url(self):
        return reverse("units:detail", args=[self.pk])

    @property
    def last_reading(self):
        return self.meter_readings.order_by("-read_at", "-pk").first()


class OwnershipChange(models.Model):
    """A unit passing from one owner to another (sale, gift, house move)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="ownership_changes", verbose_name=_("unit")
    )
    previous_owner = models.ForeignKey(
        "customers.Customer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("previous owner"),
    )
    new_owner = models.ForeignKey(
        "customers.Customer",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("new owner"),
    )
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(auto_now_add=True, verbose_name=_("recorded at"))

    objects = RestrictedManager()
    policy = Policy(view=EVERYONE, customer="unit__owner", agent="unit__service_agent")

    class Meta:
        verbose_name = _("ownership change")
        verbose_name_plural = _("ownership changes")
        ordering = ["-date", "-pk"]


class MeterReading(models.Model):
    """A reading of the unit's usage meter (hours, km or cycles)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="meter_readings", verbose_name=_("unit")
    )
    value = models.DecimalField(
        _("reading"), max_digits=12, decimal_places=1, validators=[MinValueValidator(0)]
    )
    read_at = models.DateTimeField(_("read at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("recorded by"),
    )

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE,
        add=UNIT_EDITORS | {Role.TECHNICIAN, Role.AGENT},
        customer="unit__owner",
        agent="unit__service_agent",
    )

    class Meta:
        verbose_name = _("meter reading")
        verbose_name_plural = _("meter readings")
        ordering = ["-read_at", "-pk"]


class Registration(models.Model):
    """A customer's request to register a unit they bought, checked by staff."""

    number = models.CharField(_("number"), max_length=30, unique=True)
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("customer"),
    )
    product_model = models.ForeignKey(
        "catalog.ProductModel", verbose_name=_("model"), on_delete=models.PROTECT
    )
    serial = models.CharField(_("serial number"), max_length=60)
    purchase_date = models.DateField(_("purchase date"))
    dealer = models.CharField(_("where you bought it"), max_length=200, blank=True)
    proof = models.FileField(_("proof of purchase"), upload_to="registrations/%Y/%m/")
    installation_address = models.ForeignKey(
        "customers.Address",
        verbose_name=_("installation address"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus, default=RegistrationStatus.PENDING
    )
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        verbose_name=_("unit"),
    )
    rejection_reason = models.CharField(_("reason"), max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("reviewed at"))
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    objects = RestrictedManager()
    policy = Policy(
        view=frozenset({Role.CUSTOMER, Role.OPERATOR, Role.MANAGER}),
        add=frozenset({Role.CUSTOMER}),
        change=UNIT_EDITORS,
        customer="customer",
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("units:registration", args=[self.pk])


class ImportBatch(models.Model):
    """One upload of units sold, from the maker's ERP (CSV or XLSX), with its per-row errors."""

    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True, verbose_name=_("sha256"))
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus, default=ImportStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_created = models.PositiveIntegerField(pgettext_lazy("import rows", "created"), default=0)
    rows_existing = models.PositiveIntegerField(_("already present"), default=0)
    rows_failed = models.PositiveIntegerField(pgettext_lazy("import rows", "rejected"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    message = models.TextField(blank=True, verbose_name=_("message"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(view=UNIT_EDITORS, add=UNIT_EDITORS)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("units:import", args=[self.pk])


track(Unit, OwnershipChange, MeterReading, Registration)
