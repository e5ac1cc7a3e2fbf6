"""Writes of time off: a technician requests it, their agent's staff or the maker's dispatchers and
managers approve or refuse it (or enter an approved one directly, e.g. sick today), and either side
cancels it. Approving never moves visits: it names the planned ones the absence now collides with,
so that the dispatcher gives them to another technician. Each step tells who needs to know once it
commits (`workforce/notify.py`): a request those who decide it, a decision or the cancellation of
approved time off the technician."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.choices import Role
from aftersales.core.models import User

from .. import notify
from ..choices import AbsenceKind, AbsenceStatus
from ..models import ABSENCE_DECIDERS, Absence, Technician
from ..models.absences import LIVE_STATUSES
from ..selectors import visits_during

MAX_DAYS = 366  # one request covers at most a year


@dataclass
class Decided:
    """An absence just approved, refused, recorded or cancelled, and the planned visits of the
    technician within it (those an approved absence leaves without a technician)."""

    absence: Absence
    visits: list = field(default_factory=list)

    def get_absolute_url(self):
        return self.absence.get_absolute_url()


def whole_days(
    first_day: datetime.date, last_day: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """The moments whole days away begin and end: the first day's midnight to the midnight after
    the last day, in the local time zone."""

    def midnight(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(0)))

    return midnight(first_day), midnight(last_day + datetime.timedelta(days=1))


def _is_decider(by: User | None) -> bool:
    return by is None or by.is_superuser or by.role in ABSENCE_DECIDERS


def _in_scope(by: User | None, technician: Technician) -> bool:
    """Whether `by` deals with `technician`'s time off: the technician themself, or staff whose
    scope holds the technician (an agent's staff: their own agent's technicians)."""
    if by is None:
        return True
    if by.role == Role.TECHNICIAN and not by.is_superuser:
        return technician.user_id == by.pk
    if not Absence.policy.allows(by, "add"):
        return False
    return Technician.objects.restrict(by, "view").filter(pk=technician.pk).exists()


def _is_self(by: User | None, technician: Technician) -> bool:
    return by is not None and technician.user_id == by.pk


def _check(absence: Absence) -> None:
    if absence.kind not in AbsenceKind.values:
        raise ValidationError({"kind": _("Choose why the technician is away.")})
    if absence.starts_at is None or absence.ends_at is None:
        raise ValidationError(_("Say when the absence starts and ends."))
    if absence.ends_at <= absence.starts_at:
        raise ValidationError({"ends_at": _("The absence must end after it starts.")})
    if absence.ends_at - absence.starts_at > datetime.timedelta(days=MAX_DAYS):
        raise ValidationError(
            {
                "ends_at": _("An absence lasts at most %(days)s days: enter a longer one in parts.")
                % {"days": MAX_DAYS}
            }
        )
    clash = (
        Absence.objects.filter(technician=absence.technician, status__in=LIVE_STATUSES)
        .exclude(pk=absence.pk)
        .overlapping(absence.starts_at, absence.ends_at)
        .order_by("starts_at")
        .first()
    )
    if clash is not None:
        raise ValidationError(
            _(
                "%(technician)s already has time off in that period: %(kind)s, %(period)s "
                "(%(status)s). Change or cancel that one first."
            )
            % {
                "technician": absence.technician.full_name,
                "kind": clash.get_kind_display(),
                "period": clash.period,
                "status": clash.get_status_display(),
            }
        )


def _lock(absence: Absence) -> Absence:
    return (
        Absence.objects.select_for_update(of=("self",))
        .select_related("technician__agent")
        .get(pk=absence.pk)
    )


def _lock_technician(technician: Technician) -> Technician:
    """Serialises the writes of one technician's time off (two overlapping requests at once)."""
    return (
        Technician.objects.select_for_update(of=("self",))
        .select_related("agent")
        .get(pk=technician.pk)
    )


def _new(*, by: User | None, note: str, status: str, **fields) -> Absence:
    """An absence of `fields` (technician, starts_at, ends_at, kind, all_day) checked and saved
    with `status`; approved at once, it is decided by `by` now."""
    technician = _lock_technician(fields.pop("technician"))
    if not technician.is_active:
        raise ValidationError({"technician": _("This technician is not active.")})
    now = timezone.now()
    absence = Absence(
        technician=technician,
        note=(note or "").strip(),
        requested_by=by,
        requested_at=now,
        status=status,
        **fields,
    )
    if status == AbsenceStatus.APPROVED:
        absence.decided_by = by
        absence.decided_at = now
    _check(absence)
    absence.full_clean()
    absence.save()
    return absence


@transaction.atomic
def absence_request(
    *,
    technician: Technician,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    kind: str,
    all_day: bool = False,
    note: str = "",
    by: User | None,
) -> Absence:
    """A request for time off, waiting for a decision: by the technician for themself, or by
    staff for a technician in their scope."""
    if not _in_scope(by, technician):
        raise PermissionDenied(_("You may not ask for time off for this technician."))
    absence = _new(
        technician=technician,
        starts_at=starts_at,
        ends_at=ends_at,
        kind=kind,
        all_day=all_day,
        note=note,
        by=by,
        status=AbsenceStatus.REQUESTED,
    )
    notify.tell_deciders(absence, by=by)
    return absence


@transaction.atomic
def absence_record(
    *,
    technician: Technician,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    kind: str,
    all_day: bool = False,
    note: str = "",
    by: User | None,
) -> Decided:
    """An absence entered as approved at once by whoever could approve it (the technician called
    in sick this morning), with the planned visits it collides with."""
    if not (_is_decider(by) and _in_scope(by, technician)):
        raise PermissionDenied(_("You may not enter time off for this technician."))
    absence = _new(
        technician=technician,
        starts_at=starts_at,
        ends_at=ends_at,
        kind=kind,
        all_day=all_day,
        note=note,
        by=by,
        status=AbsenceStatus.APPROVED,
    )
    if not _is_self(by, technician):
        notify.tell_technician(absence, notify.APPROVED)
    return Decided(absence, list(visits_during(absence)))


@transaction.atomic
def absence_decide(
    *, absence: Absence, approve: bool, reason: str = "", by: User | None
) -> Decided:
    """Approve or refuse a requested absence (a refusal says why). An approval answers the
    planned visits of the technician within the absence: they need another technician, and are
    not moved here."""
    absence = _lock(absence)
    if not (_is_decider(by) and _in_scope(by, absence.technician)):
        raise PermissionDenied(_("You may not decide on this technician's time off."))
    if absence.status != AbsenceStatus.REQUESTED:
        raise ValidationError(
            _("This request was already decided: it is %(status)s.")
            % {"status": absence.get_status_display()}
        )
    reason = (reason or "").strip()
    if approve:
        _check(absence)
        absence.status = AbsenceStatus.APPROVED
    else:
        if not reason:
            raise ValidationError({"reason": _("Say why the time off is refused.")})
        absence.status = AbsenceStatus.REFUSED
    absence.decided_by = by
    absence.decided_at = timezone.now()
    absence.decision_note = reason
    absence.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    notify.tell_technician(absence, notify.APPROVED if approve else notify.REFUSED)
    visits = list(visits_during(absence)) if approve else []
    return Decided(absence, visits)


@transaction.atomic
def absence_cancel(*, absence: Absence, reason: str = "", by: User | None) -> Decided:
    """Withdraw a request or call off approved time off that has not ended yet: the technician
    their own, staff those in their scope."""
    absence = _lock(absence)
    if not _in_scope(by, absence.technician):
        raise PermissionDenied(_("You may not cancel this technician's time off."))
    if absence.status not in LIVE_STATUSES:
        raise ValidationError(
            _("This time off is %(status)s already.") % {"status": absence.get_status_display()}
        )
    if absence.ends_at <= timezone.now():
        raise ValidationError(_("This time off is over; it stays on record."))
    was_approved = absence.status == AbsenceStatus.APPROVED
    absence.status = AbsenceStatus.CANCELLED
    absence.decision_note = (reason or "").strip()
    if by is not None and by.role != Role.TECHNICIAN:
        absence.decided_by = by
        absence.decided_at = timezone.now()
    absence.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    if was_approved and not _is_self(by, absence.technician):
        notify.tell_technician(absence, notify.CANCELLED)
    return Decided(absence)
