"""What time off tells people, through `core.notify` (the task worker and every notification
back-end: e-mail, SMS), each in their own language and time zone:

- a request waits: the people who decide it for that technician (`deciders_of`);
- approved, refused, or approved time off cancelled by someone else: the technician.

A technician is written to at their login's e-mail and, by SMS, at their work phone; staff at
their e-mail. A composer answers None once there is nothing to say any more (the request was
decided before the message left, the absence is gone)."""

from __future__ import annotations

from contextlib import contextmanager
from types import SimpleNamespace

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aftersales.core.calendars import country_time_zone
from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.core.notify import notify
from aftersales.core.public import public_url

from .choices import AbsenceStatus
from .models import Absence

APPROVED, REFUSED, CANCELLED = "approved", "refused", "cancelled"
# the status the absence must still have for the technician's message to be worth sending
STILL = {
    APPROVED: AbsenceStatus.APPROVED,
    REFUSED: AbsenceStatus.REFUSED,
    CANCELLED: AbsenceStatus.CANCELLED,
}
# who decides time off, the maker's or an agent's (administrators are not told)
DECIDING_ROLES = (Role.AGENT, Role.DISPATCHER, Role.MANAGER)


@contextmanager
def reading_as(user, *, country: str | None = None):
    """Messages to a login (or to a technician without one: `user` None) are written in their
    language and time zone: their own zone, else their country's (their agent's), else the
    site's."""
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    zone = getattr(user, "time_zone", "") or country_time_zone(country)
    with translation.override(language), timezone.override(zone):
        yield


def _country(technician) -> str | None:
    return technician.agent.country if technician.agent_id else None


def technician_recipient(technician) -> SimpleNamespace:
    """What the back-ends need of a technician: their login's e-mail, their work phone."""
    user = technician.user
    phone = (technician.phone or "").strip()
    return SimpleNamespace(
        display_name=technician.full_name,
        email=(user.email if user is not None and user.is_active else "") or "",
        primary_phone=SimpleNamespace(number=phone) if phone else None,
        consent_sms=bool(phone),  # a work phone, for work messages
        preferred_language=getattr(user, "language", "") or "",
        country=_country(technician),
    )


def staff_recipient(user) -> SimpleNamespace:
    return SimpleNamespace(
        display_name=user.get_full_name() or user.username,
        email=user.email or "",
        primary_phone=None,
        consent_sms=False,
        preferred_language=user.language or "",
        country=user.agent.country if user.agent_id else None,
    )


def deciders_of(technician, *, besides=None):
    """The people told of the technician's requests: an agent's technician's own agent's staff
    (agent staff, dispatchers, managers working for that agent); the maker's technician's, or an
    agent's with no one of its own who decides, the maker's dispatchers and managers. All of
    them may decide it (the maker's may decide every technician's, and see them waiting on the
    time off list)."""
    active = User.objects.filter(is_active=True).exclude(email="").select_related("agent")
    if besides is not None:
        active = active.exclude(pk=besides.pk)
    if technician.agent_id:
        own = active.filter(role__in=DECIDING_ROLES, agent_id=technician.agent_id)
        if own.exists():
            return list(own.order_by("pk"))
    makers = active.filter(role__in=(Role.DISPATCHER, Role.MANAGER), agent__isnull=True)
    return list(makers.order_by("pk"))


def _absence(absence_id: int):
    return (
        Absence.objects.select_related("technician__user", "technician__agent", "decided_by")
        .filter(pk=absence_id)
        .first()
    )


def _params(absence) -> dict:
    return {
        "technician": absence.technician.full_name,
        "kind": absence.get_kind_display(),
        "period": absence.period,
        "reason": absence.decision_note,
        "note": absence.note,
        "link": public_url(absence.get_absolute_url()),
    }


def compose_for_technician(absence, event: str) -> tuple[str, str]:
    params = _params(absence)
    if event == APPROVED:
        subject = _("Your time off is approved: %(kind)s, %(period)s") % params
        body = _("Your time off (%(kind)s, %(period)s) is approved.\n%(link)s") % params
    elif event == REFUSED:
        subject = _("Your time off is refused: %(kind)s, %(period)s") % params
        body = _("Your time off (%(kind)s, %(period)s) is refused: %(reason)s\n%(link)s") % params
    else:
        subject = _("Your time off is cancelled: %(kind)s, %(period)s") % params
        if absence.decision_note:
            body = (
                _(
                    "Your approved time off (%(kind)s, %(period)s) is cancelled: "
                    "%(reason)s\n%(link)s"
                )
                % params
            )
        else:
            body = (
                _("Your approved time off (%(kind)s, %(period)s) is cancelled.\n%(link)s") % params
            )
    return subject, body


def technician_message(*, absence_id: int, event: str):
    """The composer for `core.notify`: the technician hears the decision on their time off."""
    absence = _absence(absence_id)
    if absence is None or absence.status != STILL.get(event):
        return None
    technician = absence.technician
    recipient = technician_recipient(technician)
    with reading_as(technician.user, country=recipient.country):
        subject, body = compose_for_technician(absence, event)
    return recipient, subject, body


def request_message(*, absence_id: int, user_id: int):
    """The composer for `core.notify`: one who decides hears of a request waiting for them."""
    from aftersales.core.models import User

    absence = _absence(absence_id)
    if absence is None or absence.status != AbsenceStatus.REQUESTED:
        return None  # decided or withdrawn before the message left
    user = User.objects.select_related("agent").filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    with reading_as(user, country=user.agent.country if user.agent_id else None):
        params = _params(absence)
        subject = _("Time off to decide: %(technician)s, %(kind)s, %(period)s") % params
        body = (
            _(
                "%(technician)s asks for time off (%(kind)s, %(period)s) and waits for your "
                "decision.\n%(link)s"
            )
            % params
        )
        if absence.note:
            body = body + "\n\n" + absence.note
    return staff_recipient(user), subject, body


def tell_technician(absence, event: str) -> None:
    """Once the transaction commits, tell the technician that their time off was `event`."""
    notify("aftersales.workforce.notify.technician_message", absence_id=absence.pk, event=event)


def tell_deciders(absence, *, by=None) -> None:
    """Once the transaction commits, tell each who decides that the request waits."""
    for user in deciders_of(absence.technician, besides=by):
        notify(
            "aftersales.workforce.notify.request_message", absence_id=absence.pk, user_id=user.pk
        )
