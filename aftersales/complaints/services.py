"""Every write of complaint handling (ISO 10002): receive, assess, assign, investigate, answer,
accept or appeal, follow up, close, and escalate what is overdue. Keyword-only and atomic;
messages go out after commit."""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.choices import Language, Role
from aftersales.core.models import User
from aftersales.core.phones import parse_phone

from . import notify
from .choices import (
    TIMED_STAGES,
    Channel,
    Decision,
    EventKind,
    Remedy,
    RootCause,
    Severity,
    Stage,
)
from .deadlines import LEVELS, TOP_LEVEL, due_for
from .models import HANDLERS, SETUP, Complaint, ComplaintEvent, StageDeadline

S = Stage
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out on the phone


def new_code() -> str:
    """An unguessable public tracking code, e.g. C-7KQM-2XPA."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"C-{chars[:4]}-{chars[4:]}"


def normalize_code(text: str) -> str:
    raw = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if raw.startswith("C"):
        raw = raw[1:]
    return f"C-{raw[:4]}-{raw[4:]}" if len(raw) == 8 else ""


def _now(at=None) -> dt.datetime:
    return at or timezone.now()


def _handler(by: User | None) -> None:
    if by is None or not (by.is_superuser or by.role in HANDLERS | {Role.ADMIN}):
        raise PermissionDenied(_("You may not handle complaints."))


def _lock(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def _expect(complaint: Complaint, *stages: str) -> None:
    if complaint.stage not in stages:
        raise ValidationError(
            _("This cannot be done while the complaint is “%(stage)s”.")
            % {"stage": complaint.get_stage_display()}
        )


def _event(complaint, kind, *, by=None, at=None, note="") -> ComplaintEvent:
    return ComplaintEvent.objects.create(
        complaint=complaint,
        kind=kind,
        stage=complaint.stage,
        level=complaint.escalation_level,
        at=_now(at),
        by=by,
        note=note,
    )


def _enter(complaint: Complaint, stage: str, *, at: dt.datetime) -> None:
    """Move to `stage` with its deadline; the escalation level starts again from the handler,
    or from quality for a safety issue (it stays fast-tracked until it is closed)."""
    complaint.stage = stage
    complaint.due_at = due_for(complaint.severity, stage, at)
    if stage != S.APPEALED:
        complaint.escalation_level = 1 if complaint.is_safety else 0


def _fast_track(complaint: Complaint, *, at: dt.datetime, alert: bool = True) -> None:
    """A safety issue: the highest severity with its short deadlines, one level up at once, and
    that level alerted. Call it after `_enter` and save afterwards."""
    complaint.severity = Severity.CRITICAL
    complaint.due_at = due_for(complaint.severity, complaint.stage, at)
    complaint.escalation_level = max(complaint.escalation_level, 1)
    if not alert:
        return
    transaction.on_commit(
        lambda: notify.alert_staff.enqueue(complaint.pk, LEVELS[1], notify.SAFETY, None)
    )


@transaction.atomic
def complaint_receive(
    *,
    by: User | None,
    channel: str,
    subject: str,
    description: str,
    remedy_sought: str,
    remedy_details: str = "",
    customer=None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    language: str = "",
    severity: int | None = None,
    is_safety: bool = False,
    unit=None,
    request=None,
    visit=None,
    agent=None,
    technician=None,
    product_model=None,
    owner_from_unit: bool = True,
    at: dt.datetime | None = None,
) -> Complaint:
    """Record a complaint from any channel with a tracking code, and acknowledge it at once.

    Links fill each other in: a visit gives its request and technician, a request its unit,
    customer and agent, a unit its model, owner and service agent."""
    errors = {}
    if channel not in Channel.values:
        errors["channel"] = _("Choose how the complaint came in.")
    if not (subject or "").strip():
        errors["subject"] = _("Say in a few words what the complaint is about.")
    if not (description or "").strip():
        errors["description"] = _("Describe what happened.")
    if remedy_sought not in Remedy.values:
        errors["remedy_sought"] = _("Choose what the customer asks for.")
    if len((subject or "").strip()) > 200:
        errors["subject"] = _("Keep the subject under 200 characters.")
    if len((contact_name or "").strip()) > 200:
        errors["contact_name"] = _("Keep the name under 200 characters.")
    if (contact_email or "").strip():
        try:
            validate_email(contact_email.strip())
        except ValidationError:
            errors["contact_email"] = _("Enter a valid e-mail address.")
    if language and language not in Language.values:
        errors["language"] = _("Choose one of our languages.")
    phone = ""
    if (contact_phone or "").strip():
        phone = parse_phone(contact_phone) or ""
        if not phone:
            errors["contact_phone"] = _("This is not a valid phone number.")
    if severity is not None and severity not in Severity.values:
        errors["severity"] = _("Choose a severity.")
    if by is not None and by.role == Role.CUSTOMER:
        customer = getattr(by, "customer", None)
        if customer is None:
            raise PermissionDenied(_("Your login is not linked to a customer record."))
    if visit is not None:
        request = request or visit.request
        technician = technician or visit.technician
    if request is not None:
        unit = unit or request.unit
        customer = customer or request.customer
        agent = agent or request.agent
    if unit is not None:
        product_model = product_model or unit.product_model
        if owner_from_unit:  # not for a serial typed by someone without a login
            customer = customer or unit.owner
        agent = agent or unit.service_agent
    if technician is not None and agent is None:
        agent = technician.agent
    if by is not None and by.role == Role.AGENT:
        if by.agent_id is None or (agent is not None and agent.pk != by.agent_id):
            raise PermissionDenied(_("You may record complaints about your own work only."))
        agent = by.agent
    if customer is None and not (contact_email or phone):
        errors["contact_email"] = _("Give an e-mail address or a phone number to answer on.")
    if errors:
        raise ValidationError(errors)
    at = _now(at)
    complaint = Complaint(
        code=new_code(),
        received_at=at,
        channel=channel,
        customer=customer,
        contact_name=(contact_name or "").strip(),
        contact_email=(contact_email or "").strip(),
        contact_phone=phone,
        language=language or (customer.preferred_language if customer else ""),
        subject=subject.strip(),
        description=description.strip(),
        remedy_sought=remedy_sought,
        remedy_details=(remedy_details or "").strip(),
        severity=severity or Severity.NORMAL,
        is_safety=bool(is_safety),
        acknowledged_at=at,
        unit=unit,
        request=request,
        visit=visit,
        agent=agent,
        technician=technician,
        product_model=product_model,
        created_by=by,
    )
    _enter(complaint, S.RECEIVED, at=at)
    if complaint.is_safety:
        _fast_track(complaint, at=at)
    while Complaint.objects.filter(code=complaint.code).exists():  # 1 in 10^11, but be sure
        complaint.code = new_code()
    complaint.save()
    _event(complaint, EventKind.RECEIVED, by=by, at=at, note=complaint.get_channel_display())
    _event(complaint, EventKind.ACKNOWLEDGED, by=by, at=at)
    notify.tell_complainant(complaint, notify.ACKNOWLEDGED)
    return complaint


@transaction.atomic
def complaint_assess(
    *,
    complaint: Complaint,
    by: User | None,
    severity: int,
    is_safety: bool = False,
    note: str = "",
    assignee: User | None = None,
    at: dt.datetime | None = None,
) -> Complaint:
    """The initial assessment: how serious it is; a safety issue is fast-tracked."""
    _handler(by)
    complaint = _lock(complaint)
    _expect(complaint, S.RECEIVED)
    if severity not in Severity.values:
        raise ValidationError({"severity": _("Choose a severity.")})
    at = _now(at)
    was_safety = complaint.is_safety
    complaint.severity = severity
    complaint.is_safety = bool(is_safety) or was_safety
    complaint.assessed_at = at
    _enter(complaint, S.ASSESSED, at=at)
    if complaint.is_safety:
        _fast_track(complaint, at=at, alert=not was_safety)
    complaint.save()
    _event(complaint, EventKind.ASSESSED, by=by, at=at, note=note)
    if assignee is not None:
        return complaint_assign(complaint=complaint, by=by, assignee=assignee, at=at)
    return complaint


@transaction.atomic
def complaint_assign(
    *, complaint: Complaint, by: User | None, assignee: User, at: dt.datetime | None = None
) -> Complaint:
    """Give the complaint to a person who investigates it (again, to hand it over)."""
    _handler(by)
    complaint = _lock(complaint)
    _expect(complaint, S.ASSESSED, S.INVESTIGATING, S.APPEALED, S.FOLLOW_UP)
    if assignee is None or not assignee.is_active or assignee.role not in HANDLERS | {Role.ADMIN}:
        raise ValidationError({"assignee": _("Choose a colleague who handles complaints.")})
    at = _now(at)
    complaint.assignee = assignee
    if complaint.stage == S.ASSESSED:
        _enter(complaint, S.INVESTIGATING, at=at)
    complaint.save()
    _event(
        complaint, EventKind.ASSIGNED, by=by, at=at, note=assignee.get_full_name() or str(assignee)
    )
    if assignee != by:
        notify.alert_on_commit(complaint, role="", reason=notify.ASSIGNED, assignee_id=assignee.pk)
    return complaint


@transaction.atomic
def complaint_investigate(
    *,
    complaint: Complaint,
    by: User | None,
    root_cause: str,
    findings: str,
    at: dt.datetime | None = None,
) -> Complaint:
    """Record the investigation: the root-cause category and what was found."""
    _handler(by)
    complaint = _lock(complaint)
    _expect(complaint, S.INVESTIGATING, S.APPEALED)
    errors = {}
    if root_cause not in RootCause.values:
        errors["root_cause"] = _("Choose the root cause.")
    if not (findings or "").strip():
        errors["findings"] = _("Write what the investigation found.")
    if errors:
        raise ValidationError(errors)
    complaint.root_cause = root_cause
    complaint.findings = findings.strip()
    complaint.save()
    _event(complaint, EventKind.INVESTIGATED, by=by, at=at, note=complaint.get_root_cause_display())
    return complaint


@transaction.atomic
def complaint_respond(
    *,
    complaint: Complaint,
    by: User | None,
    decision: str,
    resolution: str,
    at: dt.datetime | None = None,
) -> Complaint:
    """Decide and tell the customer, who then accepts or appeals."""
    _handler(by)
    complaint = _lock(complaint)
    _expect(complaint, S.INVESTIGATING, S.APPEALED)
    errors = {}
    if not complaint.root_cause:
        errors["decision"] = _("Record the investigation and its root cause before answering.")
    if decision not in Decision.values:
        errors["decision"] = _("Choose the decision.")
    if not (resolution or "").strip():
        errors["resolution"] = _("Write the answer the customer will receive.")
    if errors:
        raise ValidationError(errors)
    at = _now(at)
    complaint.decision = decision
    complaint.resolution = resolution.strip()
    complaint.responded_at = at
    _enter(complaint, S.RESPONDED, at=at)
    complaint.save()
    _event(complaint, EventKind.RESPONDED, by=by, at=at, note=complaint.get_decision_display())
    notify.tell_complainant(complaint, notify.ANSWERED)
    return complaint


@transaction.atomic
def complaint_accept(
    *, complaint: Complaint, by: User | None = None, at: dt.datetime | None = None
) -> Complaint:
    """The customer accepts the answer (on the tracking page, or told to us by phone)."""
    complaint = _lock(complaint)
    _expect(complaint, S.RESPONDED)
    at = _now(at)
    complaint.accepted_at = at
    _enter(complaint, S.FOLLOW_UP, at=at)
    complaint.save()
    _event(complaint, EventKind.ACCEPTED, by=by, at=at)
    return complaint


@transaction.atomic
def complaint_appeal(
    *, complaint: Complaint, by: User | None = None, reason: str, at: dt.datetime | None = None
) -> Complaint:
    """The customer does not accept the answer: the complaint goes one level up."""
    complaint = _lock(complaint)
    _expect(complaint, S.RESPONDED)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Tell us why you do not accept the answer.")})
    at = _now(at)
    complaint.appeal_reason = reason.strip()
    complaint.appealed_at = at
    complaint.escalation_level = min(complaint.escalation_level + 1, TOP_LEVEL) or 1
    _enter(complaint, S.APPEALED, at=at)
    complaint.save()
    _event(complaint, EventKind.APPEALED, by=by, at=at, note=complaint.appeal_reason)
    notify.alert_on_commit(complaint, role=LEVELS[complaint.escalation_level], reason=notify.APPEAL)
    return complaint


@transaction.atomic
def complaint_follow_up(
    *,
    complaint: Complaint,
    by: User | None,
    note: str,
    satisfied: bool | None,
    at: dt.datetime | None = None,
) -> Complaint:
    """Record the call back to the customer after the remedy: done as promised, satisfied?"""
    _handler(by)
    complaint = _lock(complaint)
    _expect(complaint, S.FOLLOW_UP, S.RESPONDED)
    if not (note or "").strip():
        raise ValidationError({"note": _("Write what the customer said.")})
    complaint.follow_up_note = note.strip()
    complaint.satisfied = satisfied
    complaint.save()
    _event(complaint, EventKind.FOLLOWED_UP, by=by, at=at, note=complaint.follow_up_note)
    return complaint


@transaction.atomic
def complaint_close(
    *, complaint: Complaint, by: User | None, note: str = "", at: dt.datetime | None = None
) -> Complaint:
    """Close after the follow-up; the customer is told and invited to a survey."""
    _handler(by)
    complaint = _lock(complaint)
    _expect(complaint, S.FOLLOW_UP, S.RESPONDED)
    if not complaint.follow_up_note:
        raise ValidationError({"note": _("Follow up with the customer before closing.")})
    at = _now(at)
    complaint.stage = S.CLOSED
    complaint.closed_at = at
    complaint.due_at = None
    complaint.save()
    _event(complaint, EventKind.CLOSED, by=by, at=at, note=(note or "").strip())
    notify.tell_complainant(complaint, notify.CLOSED)
    from aftersales.surveys.services import invite_after_complaint

    invite_after_complaint(complaint=complaint, at=at)
    return complaint


@transaction.atomic
def complaint_escalate(*, complaint: Complaint, at: dt.datetime | None = None) -> Complaint | None:
    """Escalate one overdue stage to the next level, alert that level and give it a new
    deadline; None when the complaint is no longer overdue (handled meanwhile)."""
    at = _now(at)
    complaint = _lock(complaint)
    if complaint.stage not in TIMED_STAGES or complaint.due_at is None or complaint.due_at > at:
        return None
    complaint.escalation_level = min(complaint.escalation_level + 1, TOP_LEVEL)
    complaint.due_at = due_for(complaint.severity, complaint.stage, at)
    complaint.save(update_fields=["escalation_level", "due_at"])
    _event(complaint, EventKind.ESCALATED, at=at, note=complaint.get_stage_display())
    notify.alert_on_commit(
        complaint,
        role=LEVELS[complaint.escalation_level],
        reason=notify.OVERDUE,
        assignee_id=complaint.assignee_id,
    )
    return complaint


def complaints_escalate_overdue(*, at: dt.datetime | None = None) -> int:
    """Escalate every complaint whose stage deadline has passed (run every few minutes)."""
    at = _now(at)
    overdue = Complaint.objects.filter(stage__in=TIMED_STAGES, due_at__lte=at).values_list(
        "pk", flat=True
    )
    count = 0
    for pk in list(overdue):
        if complaint_escalate(complaint=Complaint(pk=pk), at=at) is not None:
            count += 1
    return count


@transaction.atomic
def stage_deadlines_set(*, hours: list[tuple[int, str, int]], by: User | None) -> None:
    """Set the hours of (severity, stage) pairs; new deadlines apply from the next stage."""
    if by is None or not (by.is_superuser or by.role in SETUP | {Role.ADMIN}):
        raise PermissionDenied(_("You may not change the deadlines."))
    for severity, stage, value in hours:
        if severity not in Severity.values or stage not in TIMED_STAGES or value < 1:
            raise ValidationError(_("A deadline is at least one hour."))
        row = StageDeadline.objects.filter(severity=severity, stage=stage).first()
        if row is None:
            StageDeadline.objects.create(severity=severity, stage=stage, hours=value)
        elif row.hours != value:
            row.hours = value
            row.save(update_fields=["hours"])
