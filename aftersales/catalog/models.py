"""The maker's catalogue: categories, product models, spare parts and failure codes."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, Currency, Role
from aftersales.core.i18n_fields import TranslatedName

from .choices import FailureLevel, PriceList, UsageMeter

CATALOGUE_EDITORS = frozenset({Role.MANAGER, Role.QUALITY})
CATALOGUE_POLICY = Policy(
    view=EVERYONE, add=CATALOGUE_EDITORS, change=CATALOGUE_EDITORS, customer=ALL, agent=ALL
)


def _months(value):
    if not isinstance(value, list) or any(
        not isinstance(m, int) or not 1 <= m <= 12 for m in value
    ):
        raise ValidationError(_("Give the months as numbers from 1 to 12."))


class Category(TranslatedName):
    """A product category, with the months in which its failures are most urgent."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    peak_months = models.JSONField(
        _("peak months"),
        default=list,
        blank=True,
        validators=[_months],
        help_text=_(
            "Months (1-12) in which a failure is more urgent, e.g. summer for air conditioners."
        ),
    )
    peak_weight = models.DecimalField(
        _("peak weight"),
        max_digits=4,
        decimal_places=2,
        default=2,
        validators=[MinValueValidator(1)],
        help_text=_("How many times more urgent a failure is in a peak month."),
    )

    objects = RestrictedManager()
    policy = CATALOGUE_POLICY

    class Meta:
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")
        ordering = ["code"]

    def get_absolute_url(self):
        return reverse("catalog:category", args=[self.pk])

    def is_peak(self, month: int) -> bool:
        return month in (self.peak_months or [])


class ProductModel(models.Model):
    """A model the maker sells (e.g. an 18,000 BTU inverter air conditioner)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="models"
    )
    launch_date = models.DateField(_("launch date"), null=True, blank=True)
    end_of_production = models.DateField(_("end of production"), null=True, blank=True)
    usage_meter = models.CharField(
        _("usage meter"), max_length=10, choices=UsageMeter, default=UsageMeter.NONE
    )
    manual = models.FileField(_("manual"), upload_to="manuals/", blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = CATALOGUE_POLICY

    class Meta:
        verbose_name = _("product model")
        verbose_name_plural = _("product models")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} · {self.name}"

    def get_absolute_url(self):
        return reverse("catalog:model", args=[self.pk])

    def clean(self):
        if (
            self.launch_date
            and self.end_of_production
            and self.end_of_production < self.launch_date
        ):
            raise ValidationError(
                {"end_of_production": _("Production cannot end before the model is launched.")}
            )


class Part(models.Model):
    """A spare part; `superseded_by` points to the newer part number that replaces it."""

    sku = models.CharField(_("SKU"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    compatible_models = models.ManyToManyField(
        ProductModel, verbose_name=_("compatible models"), blank=True, related_name="parts"
    )
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = CATALOGUE_POLICY

    class Meta:
        verbose_name = _("spare part")
        verbose_name_plural = _("spare parts")
        ordering = ["sku"]

    def __str__(self):
        return f"{self.sku} · {self.name}"

    def get_absolute_url(self):
        return reverse("catalog:part", args=[self.pk])

    def clean(self):
        seen = {self.pk}
        successor = self.superseded_by
        while successor is not None:
            if successor.pk in seen:
                raise ValidationError(
                    {"superseded_by": _("Supersession cannot go round in a circle.")}
                )
            seen.add(successor.pk)
            successor = successor.superseded_by

    def current(self) -> "Part":
        """The part number that serves this one today (follows the supersession chain)."""
        part, seen = self, {self.pk}
        while part.superseded_by_id and part.superseded_by_id not in seen:
            seen.add(part.superseded_by_id)
            part = part.superseded_by
        return part


class PartPrice(models.Model):
    """A price of a part on a price list, in a currency, from a date on."""

    part = models.ForeignKey(
        Part, on_delete=models.CASCADE, related_name="prices", verbose_name=_("part")
    )
    price_list = models.CharField(_("price list"), max_length=10, choices=PriceList)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)
    amount = models.DecimalField(
        _("amount"), max_digits=16, decimal_places=2, validators=[MinValueValidator(0)]
    )
    valid_from = models.DateField(_("valid from"))

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE - {Role.CUSTOMER},
        agent=ALL,
        add=frozenset({Role.MANAGER, Role.FINANCE}),
        change=frozenset({Role.MANAGER, Role.FINANCE}),
    )

    class Meta:
        verbose_name = _("part price")
        verbose_name_plural = _("part prices")
        ordering = ["part", "price_list", "currency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["part", "price_list", "currency", "valid_from"], name="part_price_unique"
            )
        ]

    def __str__(self):
        return f"{self.part.sku} {self.price_list} {self.amount} {self.currency}"


class FailureCode(TranslatedName):
    """A code in three levels (symptom, defect, repair) that technicians record on a visit."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=FailureLevel)
    categories = models.ManyToManyField(
        Category, verbose_name=_("categories"), blank=True, related_name="failure_codes"
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE - {Role.CUSTOMER}, add=CATALOGUE_EDITORS, change=CATALOGUE_EDITORS, agent=ALL
    )

    class Meta:
        verbose_name = _("failure code")
        verbose_name_plural = _("failure codes")
        ordering = ["level", "code"]

    def __str__(self):
        return f"{self.code} · {self.name}"

    def get_absolute_url(self):
        return reverse("catalog:failure_code", args=[self.pk])


track(Category, ProductModel, Part, PartPrice, FailureCode)
