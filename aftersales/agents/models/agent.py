"""The authorized service agents who act for the maker in their cities."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, Country, Role

from ..choices import AgentStatus

NETWORK_MANAGERS = frozenset({Role.MANAGER})


class Agent(models.Model):
    """An authorized service agent (a company with its own staff and technicians)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=Country, default=Country.IRAN)
    region = models.CharField(_("region"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    # who the agent is for the tax office, and where its money goes (settlements pay it there)
    tax_code = models.CharField(
        _("tax code"),
        max_length=16,
        blank=True,
        help_text=_("Iran: national ID (11 digits) or national code; Italy: codice fiscale."),
    )
    vat_number = models.CharField(
        _("VAT number"),
        max_length=13,
        blank=True,
        help_text=_("Iran: economic code; Italy: partita IVA."),
    )
    # stored without spaces (34 characters at most); typed in groups of four it is longer
    iban = models.CharField(_("IBAN"), max_length=42, blank=True)
    account_holder = models.CharField(
        _("account holder"),
        max_length=140,
        blank=True,
        help_text=_("The name on the bank account, when it is not the agent's."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AgentStatus, default=AgentStatus.ACTIVE
    )
    status_since = models.DateTimeField(_("status since"), null=True, blank=True)

    objects = RestrictedManager()
    policy = Policy(
        view=EVERYONE - {Role.CUSTOMER},
        add=NETWORK_MANAGERS,
        change=NETWORK_MANAGERS,
        agent=lambda agent: Q(pk=agent.pk),
    )

    class Meta:
        verbose_name = _("agent")
        verbose_name_plural = _("agents")
        ordering = ["name"]
        indexes = [models.Index(fields=["status"], name="agents_agent_status")]

    def __str__(self):
        return f"{self.name} ({self.city})"

    def get_absolute_url(self):
        return reverse("agents:detail", args=[self.pk])

    @property
    def payee(self) -> str:
        """The name a transfer to the agent is made out to."""
        return self.account_holder or self.name


track(Agent)
