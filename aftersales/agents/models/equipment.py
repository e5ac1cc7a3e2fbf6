"""Equipment each grade requires, and the check-list of what each agent holds."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track

from .agent import NETWORK_MANAGERS
from .grading import NETWORK_READERS


class Equipment(models.Model):
    """A piece of equipment an agent may need (vacuum pump, leak detector, workshop bench ...)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    required_for = models.ManyToManyField(
        "agents.Grade",
        verbose_name=_("required for grades"),
        blank=True,
        related_name="required_equipment",
    )
    quantity = models.PositiveSmallIntegerField(
        _("quantity required"), default=1, validators=[MinValueValidator(1)]
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(view=NETWORK_READERS, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent=ALL)

    class Meta:
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")
        ordering = ["code"]

    def __str__(self):
        return self.name


class AgentEquipment(models.Model):
    """How much of a piece of equipment an agent holds, as last checked."""

    agent = models.ForeignKey(
        "agents.Agent", verbose_name=_("agent"), on_delete=models.CASCADE, related_name="equipment"
    )
    equipment = models.ForeignKey(
        Equipment, verbose_name=_("equipment"), on_delete=models.PROTECT, related_name="holders"
    )
    quantity = models.PositiveSmallIntegerField(_("quantity held"), default=0)
    checked_on = models.DateField(_("checked on"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RestrictedManager()
    policy = Policy(
        view=NETWORK_READERS, add=NETWORK_MANAGERS, change=NETWORK_MANAGERS, agent="agent"
    )

    class Meta:
        verbose_name = _("equipment held")
        verbose_name_plural = _("equipment held")
        ordering = ["equipment__code"]
        constraints = [
            models.UniqueConstraint(fields=["agent", "equipment"], name="agents_holds_once")
        ]


track(Equipment, AgentEquipment)
