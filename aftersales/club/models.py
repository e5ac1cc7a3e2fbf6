"""The customer club (R7.2): points a customer earns for registering a product or answering a
survey, and spends on rewards that the desk records. A points entry is never edited: the balance
is the sum of the ledger.

Write only through `aftersales.club.services`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import ALL, Policy, RestrictedManager
from aftersales.core.audit import track
from aftersales.core.choices import STAFF_ROLES, Role

from .choices import EARNING, Event

DESK = frozenset({Role.OPERATOR, Role.MANAGER})


class EarningRule(models.Model):
    """How many points an event earns (none while inactive); managers set them."""

    event = models.CharField(
        _("event"), max_length=20, choices=[(e.value, e.label) for e in EARNING], unique=True
    )
    points = models.PositiveIntegerField(_("points"))
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = Policy(
        view=STAFF_ROLES | {Role.CUSTOMER}, change=frozenset({Role.MANAGER}), customer=ALL
    )

    class Meta:
        verbose_name = _("club earning rule")
        verbose_name_plural = _("club earning rules")
        ordering = ["event"]

    def __str__(self):
        return f"{self.get_event_display()}: {self.points}"


class PointsEntry(models.Model):
    """One movement of a customer's points: earned (positive) or spent (negative)."""

    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        on_delete=models.CASCADE,
        related_name="club_entries",
    )
    event = models.CharField(_("event"), max_length=20, choices=Event)
    points = models.IntegerField(_("points"))
    reference = models.CharField(
        _("reference"), max_length=60, blank=True, help_text=_("What earned the points.")
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    at = models.DateTimeField(_("date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = RestrictedManager()
    policy = Policy(view=STAFF_ROLES | {Role.CUSTOMER}, add=DESK, customer="customer")

    class Meta:
        verbose_name = _("club points entry")
        verbose_name_plural = _("club points entries")
        ordering = ["-at", "-pk"]
        constraints = [
            # an event earns once: confirming a registration again or a replayed survey does not
            models.UniqueConstraint(
                fields=["customer", "event", "reference"],
                condition=~models.Q(event=Event.ADJUSTMENT),
                name="club_earned_once",
            )
        ]

    def __str__(self):
        return f"{self.customer} {self.points:+d}"


track(EarningRule, PointsEntry)
