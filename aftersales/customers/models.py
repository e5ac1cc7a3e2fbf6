"""The maker's customers: people and companies who own units, with phones and addresses."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, Country, Language, Role
from aftersales.core.text import search_key

from .choices import CustomerKind, CustomerTier, PhoneKind

CUSTOMER_EDITORS = frozenset({Role.OPERATOR, Role.MANAGER, Role.AGENT})


def _customers_of_agent(agent) -> Q:
    """An agent's staff see the customers who own a unit the agent services."""
    from aftersales.units.models import Unit

    return Q(pk__in=Unit.objects.filter(service_agent=agent).values("owner_id"))


CUSTOMER_POLICY = Policy(
    view=EVERYONE,
    add=CUSTOMER_EDITORS,
    change=CUSTOMER_EDITORS | {Role.CUSTOMER},
    delete=frozenset({Role.MANAGER}),
    customer=lambda customer: Q(pk=customer.pk),
    agent=_customers_of_agent,
)


class Customer(models.Model):
    """A person or company that owns or uses the maker's products."""

    kind = models.CharField(
        _("kind"), max_length=10, choices=CustomerKind, default=CustomerKind.PERSON
    )
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    company_name = models.CharField(_("company name"), max_length=200, blank=True)
    display_name = models.CharField(_("name"), max_length=300, editable=False)
    search_name = models.CharField(max_length=300, editable=False, db_index=True)
    search_last = models.CharField(max_length=200, editable=False, db_index=True)
    country = models.CharField(_("country"), max_length=2, choices=Country, default=Country.IRAN)
    national_id = models.CharField(
        _("national ID"),
        max_length=16,
        blank=True,
        db_index=True,
        help_text=_("Iranian national code, or Italian codice fiscale."),
    )
    vat_number = models.CharField(
        _("VAT number"), max_length=20, blank=True, db_index=True, help_text=_("Partita IVA.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    sdi_code = models.CharField(
        _("codice destinatario"),
        max_length=7,
        blank=True,
        default="",
        help_text=_(
            "Italy: the 7-character code of the customer's e-invoicing channel (SdI). "
            "Empty: 0000000, the fattura reaches the customer's PEC or cassetto fiscale."
        ),
    )
    pec = models.EmailField(
        _("PEC"),
        blank=True,
        default="",
        help_text=_("Italy: the customer's certified e-mail (posta elettronica certificata)."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language, default=Language.PERSIAN
    )
    tier = models.CharField(
        _("tier"), max_length=10, choices=CustomerTier, default=CustomerTier.STANDARD
    )
    consent_sms = models.BooleanField(_("agrees to SMS"), default=False)
    consent_email = models.BooleanField(_("agrees to e-mail"), default=False)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="customer",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedManager()
    policy = CUSTOMER_POLICY

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["search_name"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("customers:detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.display_name = self.compose_name()
        self.search_name = search_key(self.display_name)
        self.search_last = search_key(self.last_name or self.company_name)
        super().save(*args, **kwargs)

    def compose_name(self) -> str:
        if self.kind == CustomerKind.COMPANY and self.company_name:
            return self.company_name
        return f"{self.first_name} {self.last_name}".strip() or self.company_name

    @property
    def primary_phone(self):
        phones = list(self.phones.all())
        primary = [phone for phone in phones if phone.is_primary]
        return (primary or phones or [None])[0]


class Phone(models.Model):
    """A customer's phone number, stored in E.164 so that any typed form finds it."""

    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(_("number"), max_length=20, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=PhoneKind, default=PhoneKind.MOBILE)
    is_primary = models.BooleanField(_("primary"), default=False)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE,
        add=CUSTOMER_POLICY.add,
        change=CUSTOMER_POLICY.change,
        delete=CUSTOMER_POLICY.change,
        customer="customer",
        agent=lambda agent: Q(customer__in=Customer.objects.filter(_customers_of_agent(agent))),
    )

    class Meta:
        verbose_name = _("phone")
        verbose_name_plural = _("phones")
        ordering = ["-is_primary", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["customer", "number"], name="phone_unique_per_customer")
        ]

    def __str__(self):
        return self.number


class Address(models.Model):
    """Where a customer lives or has units installed."""

    customer = models.ForeignKey(
        Customer, verbose_name=_("customer"), on_delete=models.CASCADE, related_name="addresses"
    )
    label = models.CharField(
        _("label"), max_length=50, blank=True, help_text=_("e.g. home, office, villa")
    )
    country = models.CharField(_("country"), max_length=2, choices=Country, default=Country.IRAN)
    region = models.CharField(_("region"), max_length=100, help_text=_("Province or regione."))
    city = models.CharField(_("city"), max_length=100)
    line = models.CharField(_("address"), max_length=300)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    is_default = models.BooleanField(_("default address"), default=False)

    objects = RestrictedManager()
    policy = Phone.policy

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["-is_default", "pk"]

    def __str__(self):
        return ", ".join(part for part in (self.line, self.city, self.region) if part)

    @property
    def postal(self) -> str:
        """The address as its country writes it on an envelope or an invoice. Italy: the CAP
        before the city and the provincia's sigla after it ('Via Roma 1, 20121 Milano (MI)'; a
        regione is not written); elsewhere as the address reads on screen."""
        if self.country == Country.ITALY:
            town = " ".join(part for part in (self.postal_code, self.city) if part)
            if len(self.region) == 2 and self.region.isalpha():
                town = f"{town} ({self.region.upper()})"
            return ", ".join(part for part in (self.line, town) if part)
        return str(self)


track(Customer, Phone, Address)
