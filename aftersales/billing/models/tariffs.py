"""Tariffs: the company of each country (and its one currency), tax rates, labour rates, travel
zones and fixed prices. Every price has a `valid_from` day: a job is priced by the rows in force
on its day, so old jobs keep their old prices. Parts are priced by the catalogue's price lists
(`catalog.PartPrice`) and repair times by the warranty's standard times (`warranty.StandardTime`).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import Country, Currency

from .common import TARIFF_POLICY, price


class Company(models.Model):
    """The after-sales company of a country: the name on its documents and its one currency."""

    country = models.CharField(_("country"), max_length=2, choices=Country, unique=True)
    name = models.CharField(_("name"), max_length=200)
    vat_number = models.CharField(_("VAT number"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    # the account agents' settlements are paid from (stored without spaces)
    iban = models.CharField(_("IBAN"), max_length=42, blank=True)
    bic = models.CharField(
        _("BIC"), max_length=11, blank=True, help_text=_("Only if the bank asks for it.")
    )
    invoice_prefix = models.CharField(
        _("invoice series"),
        max_length=10,
        default="INV",
        help_text=_("Invoices are numbered PREFIX-YEAR-000001, without gaps, per company."),
    )
    quote_days = models.PositiveSmallIntegerField(
        _("quotes valid for (days)"), default=14, validators=[MinValueValidator(1)]
    )

    objects = RestrictedManager()
    policy = TARIFF_POLICY

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["country"]

    def get_absolute_url(self):
        return reverse("billing:tariff_edit", args=["companies", self.pk])

    def __str__(self):
        return f"{self.name} ({self.currency})"


class TaxRate(models.Model):
    """A country's VAT rate from a day on (Iran 10%, Italy 22% ...)."""

    country = models.CharField(_("country"), max_length=2, choices=Country)
    name = models.CharField(_("name"), max_length=50, default="VAT")
    percent = models.DecimalField(
        _("rate (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    valid_from = models.DateField(_("valid from"))

    objects = RestrictedManager()
    policy = TARIFF_POLICY

    class Meta:
        verbose_name = _("tax rate")
        verbose_name_plural = _("tax rates")
        ordering = ["country", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "valid_from"],
                name="billing_tax_once_per_day",
                violation_error_message=_("This country already has a tax rate from this day."),
            )
        ]

    def get_absolute_url(self):
        return reverse("billing:tariff_edit", args=["taxes", self.pk])

    def __str__(self):
        return f"{self.country} {self.name} {self.percent}%"


class LabourRate(models.Model):
    """An hourly labour rate for a service type x product category x region (empty = any).
    The most specific row in force wins; `commitment_rate` applies after the warranty, during
    the legal commitment period in which parts and repairs must stay available."""

    country = models.CharField(_("country"), max_length=2, choices=Country)
    service_type = models.ForeignKey(
        "service.ServiceType",
        verbose_name=_("service type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: every service type."),
    )
    category = models.ForeignKey(
        "catalog.Category",
        verbose_name=_("product category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: every category."),
    )
    region = models.CharField(
        _("region"), max_length=100, blank=True, help_text=_("Province or regione; empty: any.")
    )
    hourly_rate = price(_("rate per hour"))
    commitment_rate = price(
        _("rate per hour in the commitment period"),
        null=True,
        blank=True,
        help_text=_("After the warranty, while parts must stay available; empty: the rate."),
    )
    minimum_minutes = models.PositiveIntegerField(
        _("minimum billed (minutes)"), default=0, help_text=_("e.g. the first half hour.")
    )
    valid_from = models.DateField(_("valid from"))

    objects = RestrictedManager()
    policy = TARIFF_POLICY

    class Meta:
        verbose_name = _("labour rate")
        verbose_name_plural = _("labour rates")
        ordering = ["country", "-valid_from", "pk"]

    def get_absolute_url(self):
        return reverse("billing:tariff_edit", args=["labour", self.pk])

    def __str__(self):
        return f"{self.country} {self.hourly_rate}/h"


class TravelZone(models.Model):
    """A travel fee for visits up to a distance (the smallest zone that reaches the customer)."""

    country = models.CharField(_("country"), max_length=2, choices=Country)
    name = models.CharField(_("name"), max_length=100)
    up_to_km = models.DecimalField(
        _("up to (km)"), max_digits=7, decimal_places=1, validators=[MinValueValidator(0)]
    )
    fee = price(_("fee"))
    valid_from = models.DateField(_("valid from"))

    objects = RestrictedManager()
    policy = TARIFF_POLICY

    class Meta:
        verbose_name = _("travel zone")
        verbose_name_plural = _("travel zones")
        ordering = ["country", "up_to_km", "-valid_from"]

    def get_absolute_url(self):
        return reverse("billing:tariff_edit", args=["travel", self.pk])

    def __str__(self):
        return self.name


class FixedPrice(models.Model):
    """A fixed price for a service of a product model (e.g. installing an air conditioner),
    with its standard duration, used instead of labour and travel."""

    country = models.CharField(_("country"), max_length=2, choices=Country)
    service_type = models.ForeignKey(
        "service.ServiceType",
        verbose_name=_("service type"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    product_model = models.ForeignKey(
        "catalog.ProductModel",
        verbose_name=_("product model"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    amount = price(_("price"))
    minutes = models.PositiveIntegerField(_("standard duration (minutes)"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"))

    objects = RestrictedManager()
    policy = TARIFF_POLICY

    class Meta:
        verbose_name = _("fixed price")
        verbose_name_plural = _("fixed prices")
        ordering = ["country", "service_type", "product_model", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "service_type", "product_model", "valid_from"],
                name="billing_fixed_price_once",
                violation_error_message=_("This model already has a price from this day."),
            )
        ]

    def get_absolute_url(self):
        return reverse("billing:tariff_edit", args=["fixed", self.pk])

    def __str__(self):
        return f"{self.service_type_id}/{self.product_model_id}: {self.amount}"


track(Company, TaxRate, LabourRate, TravelZone, FixedPrice)
