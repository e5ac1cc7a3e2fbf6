"""The people who visit customers: the maker's own technicians and agents' technicians."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import EVERYONE, Role


class Technician(models.Model):
    """A field technician; `agent` is empty for the maker's own staff."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="technician",
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
        "catalog.Category", verbose_name=_("product categories"), blank=True
    )
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


track(Technician)
