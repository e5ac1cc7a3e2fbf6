"""Models with no business of their own: users, API tokens, idempotency records, sequences, and
the shape of a record's status history (`StatusStep`)."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Language, Role


class User(AbstractUser):
    """A person who logs in: staff of the maker or an agent, or a customer."""

    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.CUSTOMER)
    language = models.CharField(_("language"), max_length=5, choices=Language, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=40, blank=True)
    money_in_toman = models.BooleanField(
        _("show rials as toman"), default=False, help_text=_("1 toman = 10 rials.")
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        help_text=_("For agent staff and agents' technicians: the agent they work for."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_staff_role(self) -> bool:
        return self.role not in (Role.CUSTOMER,)

    def home_country(self) -> str | None:
        """The country the user works or lives in, when known: their agent's, or, for a
        customer, their own (one query)."""
        if self.agent_id:
            return self.agent.country
        customer = getattr(self, "customer", None)  # the portal login's customer
        return customer.country if customer is not None else None


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A personal API token, e.g. for an agent's own system. Only its hash is stored."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True, verbose_name=_("prefix"))
    digest = models.CharField(max_length=64, unique=True, verbose_name=_("digest"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    last_used_at = models.DateTimeField(null=True, blank=True, verbose_name=_("last used at"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked at"))

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def new_key() -> str:
        return "as_" + secrets.token_urlsafe(32)

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()


class IdempotencyRecord(models.Model):
    """The first answer to a create sent with an Idempotency-Key, replayed on a retry."""

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    key = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_unique_user_key")
        ]


class DocumentSequence(models.Model):
    """Gap-free numbering per series (e.g. REG-2026). Taken under a row lock by `next_number`."""

    series = models.CharField(max_length=40, unique=True)
    last = models.PositiveBigIntegerField(default=0)


class StatusStep(models.Model):
    """One step of a record's life (a request's, a workshop job's, an agent's): when, by whom,
    why. The record's app adds the record and its own `from_status` / `to_status`; its page shows
    the steps with `core/_status_history.html`."""

    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]
