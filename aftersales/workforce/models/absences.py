"""Time off: a technician's leave, sick days, training courses and other absences, requested by
the technician (or entered for them) and approved by their agent's staff or the maker's
dispatchers and managers. An approved absence keeps visits off the technician (`planning.py`)."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.core.access import Policy, RestrictedQuerySet
from aftersales.core.audit import track
from aftersales.core.calendars import show_date
from aftersales.core.choices import Role

from ..choices import AbsenceKind, AbsenceStatus

# Who deals with time off: the technician (their own), their agent's staff, dispatchers, managers.
ABSENCE_ROLES = frozenset({Role.TECHNICIAN, Role.AGENT, Role.DISPATCHER, Role.MANAGER})
# Who approves or refuses it, and enters an approved one directly (e.g. sick today).
ABSENCE_DECIDERS = frozenset({Role.AGENT, Role.DISPATCHER, Role.MANAGER, Role.ADMIN})
# The absences that count: a refused or cancelled one keeps no one away.
LIVE_STATUSES = (AbsenceStatus.REQUESTED, AbsenceStatus.APPROVED)


class AbsenceQuerySet(RestrictedQuerySet):
    def restrict(self, user, action: str = "view"):
        """As the policy says, and a technician only ever reaches their own absences."""
        queryset = super().restrict(user, action)
        if (
            user is not None
            and user.is_authenticated
            and user.role == Role.TECHNICIAN
            and not user.is_superuser
        ):
            queryset = queryset.filter(technician__user=user)
        return queryset

    def overlapping(self, start: datetime.datetime, end: datetime.datetime):
        """The absences that share any moment with [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)


class Absence(models.Model):
    """A period a technician is away: whole days (`all_day`, from the first day's midnight to the
    midnight after the last day, local time) or some hours."""

    technician = models.ForeignKey(
        "workforce.Technician",
        verbose_name=_("technician"),
        on_delete=models.CASCADE,
        related_name="absences",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(_("whole days"), default=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AbsenceKind)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AbsenceStatus, default=AbsenceStatus.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("reason"), blank=True)

    objects = models.Manager.from_queryset(AbsenceQuerySet)()
    policy = Policy(
        view=ABSENCE_ROLES,
        add=ABSENCE_ROLES,
        change=ABSENCE_ROLES,
        agent="technician__agent",
    )

    class Meta:
        verbose_name = _("absence")
        verbose_name_plural = _("time off")
        ordering = ["-starts_at", "pk"]
        indexes = [models.Index(fields=["technician", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="absence_ends_after_start",
                violation_error_message=_("The absence must end after it starts."),
            )
        ]

    def __str__(self):
        return f"{self.technician} — {self.get_kind_display()} ({self.period})"

    def get_absolute_url(self):
        return reverse("workforce:absence_detail", args=[self.pk])

    @property
    def first_day(self) -> datetime.date:
        return timezone.localtime(self.starts_at).date()

    @property
    def last_day(self) -> datetime.date:
        """The last day away: for whole days the day before the end's midnight."""
        end = timezone.localtime(self.ends_at)
        if end.time() == datetime.time(0):
            end -= datetime.timedelta(days=1)
        return end.date()

    @property
    def start_shown(self) -> datetime.date | datetime.datetime:
        """When it starts as lists show and export it: the first day for whole days (no
        midnight), else the moment."""
        return self.first_day if self.all_day else self.starts_at

    @property
    def end_shown(self) -> datetime.date | datetime.datetime:
        """When it ends as lists show and export it: the last day away for whole days, else the
        moment."""
        return self.last_day if self.all_day else self.ends_at

    @property
    def period(self) -> str:
        """From when to when, in the reader's calendar: days for whole days, else with times."""
        if self.all_day:
            if self.first_day == self.last_day:
                return show_date(self.first_day)
            return f"{show_date(self.first_day)} – {show_date(self.last_day)}"
        return (
            f"{show_date(self.starts_at, with_time=True)} – "
            f"{show_date(self.ends_at, with_time=True)}"
        )

    @property
    def is_over(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def is_open(self) -> bool:
        return self.status in LIVE_STATUSES


track(Absence)
