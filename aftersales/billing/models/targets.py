"""Revenue targets of the after-sales unit (R8.1)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import Currency

from .common import FINANCE, price


class RevenueTarget(models.Model):
    """The revenue the unit aims at in a period, for a service line and a region (empty: all)."""

    name = models.CharField(_("name"), max_length=200)
    start = models.DateField(_("from"))
    end = models.DateField(_("until (inclusive)"))
    service_type = models.ForeignKey(
        "service.ServiceType",
        verbose_name=_("service line"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: every service line."),
    )
    region = models.CharField(
        _("region"), max_length=100, blank=True, help_text=_("Empty: every region.")
    )
    amount = price(_("target"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency)

    objects = RestrictedManager()
    policy = Policy(view=FINANCE, add=FINANCE, change=FINANCE, delete=FINANCE)

    class Meta:
        verbose_name = _("revenue target")
        verbose_name_plural = _("revenue targets")
        ordering = ["-start", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("billing:target_edit", args=[self.pk])

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The period cannot end before it starts.")})


track(RevenueTarget)
