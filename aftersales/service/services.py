"""Every write of service delivery: open, triage and move requests; schedule, work and close
visits. Keyword-only, atomic; notifications go out after commit."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid

from auditlog.context import disable_auditlog
from auditlog.receivers import log_create as audit_create
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.core.numbering import next_number
from aftersales.workforce.selectors import Work, why_not

from . import caches, planning, rules
from .business import business_add, business_between, calendar_for
from .choices import (
    FIXING_RESULTS,
    OPEN_STATUSES,
    Channel,
    DefectStatus,
    IntakeField,
    Status,
    SupportOutcome,
    VisitPurpose,
    VisitResult,
    VisitStatus,
)
from .models import (
    DefectReport,
    RequestPhoto,
    ServiceRequest,
    StatusChange,
    SupportSession,
    Visit,
    VisitPart,
    VisitPhoto,
)
from .notify import notify_on_commit, notify_on_the_way

S = Status
DESK = frozenset({Role.OPERATOR, Role.DISPATCHER, Role.MANAGER, Role.AGENT})
TRIAGE = frozenset({Role.OPERATOR, Role.DISPATCHER, Role.MANAGER, Role.AGENT})
FIELD = DESK | {Role.TECHNICIAN}
CANCEL = TRIAGE | {Role.CUSTOMER}
# the longest way to a customer a technician may announce, in minutes
MAX_TRAVEL_MINUTES = 8 * 60

# from -> {to: roles that may make the move}
TRANSITIONS: dict[str, dict[str, frozenset]] = {
    S.NEW: {S.TRIAGED: TRIAGE, S.WAITING_CUSTOMER: TRIAGE, S.CANCELLED: CANCEL},
    S.TRIAGED: {
        S.SCHEDULED: DESK,
        S.WAITING_CUSTOMER: TRIAGE,
        S.RESOLVED: TRIAGE,  # solved without a visit (remote support, training on the phone)
        S.CANCELLED: CANCEL,
    },
    S.SCHEDULED: {
        S.IN_PROGRESS: FIELD,
        S.WAITING_CUSTOMER: DESK,
        S.TRIAGED: DESK,  # the visit was called off
        S.CANCELLED: CANCEL,
    },
    S.IN_PROGRESS: {
        S.WAITING_PARTS: FIELD,
        S.WAITING_CUSTOMER: FIELD,
        S.SCHEDULED: DESK,  # a follow-up visit
        S.RESOLVED: FIELD,
    },
    S.WAITING_PARTS: {S.SCHEDULED: DESK, S.IN_PROGRESS: FIELD, S.CANCELLED: TRIAGE},
    S.WAITING_CUSTOMER: {
        S.TRIAGED: TRIAGE,
        S.SCHEDULED: DESK,
        S.IN_PROGRESS: FIELD,
        S.CANCELLED: CANCEL,
    },
    S.RESOLVED: {S.CLOSED: TRIAGE, S.REOPENED: TRIAGE | {Role.CUSTOMER}},
    S.CLOSED: {S.REOPENED: TRIAGE},
    S.CANCELLED: {},
    S.REOPENED: {S.TRIAGED: TRIAGE, S.SCHEDULED: DESK, S.CANCELLED: TRIAGE},
}


def _role_may(by: User | None, roles: frozenset) -> bool:
    if by is None:  # the system itself (a scheduled job)
        return True
    return by.is_superuser or by.role == Role.ADMIN or by.role in roles


def allowed_transitions(request: ServiceRequest, user: User | None) -> list[str]:
    """The states `user` may move `request` to now."""
    return [to for to, roles in TRANSITIONS[request.status].items() if _role_may(user, roles)]


def _now(at: dt.datetime | None) -> dt.datetime:
    return at or timezone.now()


def _calendar_code(customer) -> str:
    return "IT" if customer.country == "IT" else "IR"


def _set_targets(request: ServiceRequest) -> None:
    target = caches.sla_target(request.service_type_id, request.priority)
    if target is None:
        request.response_due = request.resolution_due = None
        return
    response_hours, resolution_hours = target
    calendar = calendar_for(request.calendar)
    if request.responded_at is None:
        request.response_due = business_add(request.opened_at, response_hours, calendar)
    request.resolution_due = business_add(request.opened_at, resolution_hours, calendar)


def _attach_triage(request: ServiceRequest, at: dt.datetime, priority: int | None = None) -> None:
    calendar = calendar_for(request.calendar)
    day = at.astimezone(calendar.tz).date()
    computed, score = rules.priority_for(
        service_type=request.service_type, customer=request.customer, unit=request.unit, day=day
    )
    request.priority_score = score
    request.priority = priority or computed
    summary = rules.warranty_summary(unit=request.unit, on=at)
    request.warranty_covered = summary.covered
    request.warranty_until = summary.until
    request.warranty_reason = summary.reason
    request.warranty_reasons = summary.reasons


def _log(request, *, from_status: str, to: str, by, at, note: str = "") -> None:
    StatusChange.objects.create(
        request=request, from_status=from_status, to_status=to, at=at, by=by, note=note[:500]
    )


def request_open(
    *,
    by: User | None,
    customer,
    service_type,
    channel: str,
    description: str,
    unit=None,
    address=None,
    contact_phone: str = "",
    preferred_date: dt.date | None = None,
    agent=None,
    at: dt.datetime | None = None,
    plan=None,
    meter_at_open=None,
) -> ServiceRequest:
    """Log a request from any channel, with its priority, warranty summary and SLA due times."""
    at = _now(at)
    if by is not None and by.role == Role.CUSTOMER and getattr(by, "customer", None) != customer:
        raise PermissionDenied(_("You may open requests only for yourself."))
    errors: dict[str, str] = {}
    if not service_type.is_active:
        errors["service_type"] = _("This service type is no longer offered.")
    if unit is not None and unit.owner_id != customer.pk:
        errors["unit"] = _("This unit does not belong to the customer.")
    required = set(service_type.required_fields or [])
    if service_type.needs_unit:
        required.add(IntakeField.UNIT)
    given = {
        IntakeField.UNIT: unit,
        IntakeField.ADDRESS: address,
        IntakeField.PREFERRED_DATE: preferred_date,
        IntakeField.CONTACT_PHONE: contact_phone,
    }
    for name in required:
        if name in given and not given[name]:
            errors.setdefault(
                name,
                _("A request of type “%(type)s” needs this field.") % {"type": service_type.name},
            )
    if address is not None and address.customer_id != customer.pk:
        errors["address"] = _("This address is not the customer's.")
    if (
        by is not None
        and by.role == Role.CUSTOMER
        and preferred_date is not None
        and preferred_date < timezone.localdate(at)
    ):
        # the desk may log a request after the fact; a customer asks for a day to come
        errors["preferred_date"] = _("Choose a day from today on.")
    if not (description or "").strip():
        errors["description"] = _("Describe the request.")
    if errors:
        raise ValidationError(errors)
    if by is not None and by.role == Role.AGENT:
        agent = by.agent
        channel = Channel.AGENT
    elif agent is None and unit is not None:
        agent = unit.service_agent
    if agent is not None:
        refused = _grade_refuses(agent, service_type=service_type, unit=unit, at=at)
        if refused and by is not None and by.role == Role.AGENT:
            raise ValidationError({"service_type": " ".join(refused)})
        if refused:
            agent = None  # the maker's own desk takes work the agent's grade does not allow
    # Checked above, so no savepoint: inside a caller's transaction (an idempotent API create)
    # the writes share it, saving two round trips; standing alone, they are one transaction.
    with transaction.atomic(savepoint=False):
        duplicate_id = None
        if unit is not None:
            if not type(unit).owner.is_cached(unit):
                unit.owner = customer  # checked above: the warranty decision reads the owner
            duplicate_id = (
                ServiceRequest.objects.select_for_update()
                .filter(unit=unit, status__in=OPEN_STATUSES)
                .order_by("-pk")
                .values_list("pk", flat=True)
                .first()
            )
        request = ServiceRequest(
            service_type=service_type,
            customer=customer,
            unit=unit,
            address=address,
            contact_phone=contact_phone,
            preferred_date=preferred_date,
            channel=channel,
            description=description.strip(),
            agent=agent,
            duplicate_of_id=duplicate_id,
            calendar=_calendar_code(customer),
            opened_at=at,
            created_by=by,
            plan=plan,
            meter_at_open=meter_at_open,
        )
        _attach_triage(request, at)
        _set_targets(request)
        # The gap-free number last of all: its row lock serializes every opening of the series
        # until the transaction commits. The request is saved under a unique provisional number,
        # then numbered by the last write; the audit entry of its creation follows with the number.
        request.number = _provisional_number()
        with disable_auditlog():
            request.save()
        _log(request, from_status="", to=S.NEW, by=by, at=at)
        request.number = next_number(f"SR-{at.year}")
        ServiceRequest.objects.filter(pk=request.pk).update(number=request.number)
        audit_create(sender=ServiceRequest, instance=request, created=True)
        notify_on_commit(request, S.NEW)
        return request


def _grade_refuses(agent, *, service_type, unit, at) -> list[str]:
    from aftersales.agents.selectors import grade_refuses

    category = unit.product_model.category if unit is not None else None
    return grade_refuses(agent, day=at.date(), category=category, service_type=service_type)


def _provisional_number() -> str:
    """A unique placeholder, never committed: `request_open` replaces it before returning."""
    return "~" + uuid.uuid4().hex[:29]


def _lock(request: ServiceRequest) -> ServiceRequest:
    return ServiceRequest.objects.select_for_update().get(pk=request.pk)


def _move(
    request: ServiceRequest, *, to: str, by, at: dt.datetime, note: str = "", check: bool = True
) -> None:
    """Change the state of a locked request: check, log, keep the SLA clock, notify.
    `check=False` is for moves a service makes on its own account (a reschedule)."""
    roles = TRANSITIONS[request.status].get(to)
    if roles is None:
        raise ValidationError(
            _("A request cannot go from %(from)s to %(to)s.")
            % {"from": request.get_status_display(), "to": S(to).label},
            code="transition",
        )
    if check and not _role_may(by, roles):
        raise PermissionDenied(_("You may not make this change."))
    if at < request.opened_at:  # a negative time to respond or resolve would skew every KPI
        raise ValidationError(
            _("A request cannot change before it was opened."), code="before_opening"
        )
    before = request.status
    calendar = calendar_for(request.calendar)
    if before == S.WAITING_CUSTOMER and request.paused_at:
        paused = business_between(request.paused_at, at, calendar)
        if paused > 0:
            if request.responded_at is None and request.response_due:
                request.response_due = business_add(request.response_due, paused, calendar)
            if request.resolution_due:
                request.resolution_due = business_add(request.resolution_due, paused, calendar)
        request.paused_at = None
    if to == S.WAITING_CUSTOMER:
        request.paused_at = at
    if before == S.NEW and request.responded_at is None:
        request.responded_at = at
    if to == S.RESOLVED:
        request.resolved_at = at
        request.first_time_fix = _first_time_fix(request)
    elif to == S.CLOSED:
        request.closed_at = at
    elif to == S.REOPENED:
        request.resolved_at = request.closed_at = None
        request.first_time_fix = False
    request.status = to
    request.save()
    _log(request, from_status=before, to=to, by=by, at=at, note=note)
    notify_on_commit(request, to)


def _first_time_fix(request: ServiceRequest) -> bool:
    """Fixed by its first visit (or without any visit), and never reopened."""
    if request.status_changes.filter(to_status=S.REOPENED).exists():
        return False
    done = list(
        request.visits.filter(status=VisitStatus.DONE)
        .order_by("pk")
        .values_list("result", flat=True)
    )
    if not done:
        return True
    return len(done) == 1 and done[0] in FIXING_RESULTS


@transaction.atomic
def request_transition(
    *, request: ServiceRequest, to: str, by: User | None, note: str = "", at=None
) -> ServiceRequest:
    """Move a request to `to`, if that move is allowed and `by`'s role may make it."""
    request = _lock(request)
    _move(request, to=to, by=by, at=_now(at), note=note)
    return request


@transaction.atomic
def request_triage(
    *,
    request: ServiceRequest,
    by: User | None,
    priority: int | None = None,
    note: str = "",
    at=None,
) -> ServiceRequest:
    """Attach the warranty decision and the priority (computed, or the one given), set the SLA
    due times, and move the request to triaged."""
    request = _lock(request)
    at = _now(at)
    _attach_triage(request, at, priority)
    _set_targets(request)
    _move(request, to=S.TRIAGED, by=by, at=at, note=note)
    return request


# --- visits -------------------------------------------------------------------------------------


def _may_work(visit: Visit, by: User | None) -> None:
    """A technician works only their own visits; desk roles may act for them."""
    if by is None or _role_may(by, DESK):
        return
    if by.role == Role.TECHNICIAN and visit.technician.user_id == by.pk:
        return
    raise PermissionDenied(_("This visit is not yours."))


def visit_workable_by(visit: Visit, user: User) -> bool:
    """Whether `user` may check in, record and close `visit` (for showing its forms)."""
    try:
        _may_work(visit, user)
    except PermissionDenied:
        return False
    return True


@transaction.atomic
def visit_schedule(
    *,
    request: ServiceRequest,
    technician,
    window_start: dt.datetime,
    window_end: dt.datetime,
    by: User | None,
    follow_up_of: Visit | None = None,
    purpose: str = VisitPurpose.FIELD,
) -> Visit:
    """Assign a visit to a technician with a promised window; the request becomes scheduled.
    `purpose`: service at the customer's (the default), bench work in a workshop, or the
    delivery or pick-up of the unit. Every check of `planning` must pass (an address to go to;
    those other apps add, such as the workshop's: no one is sent for a unit it holds)."""
    request = _lock(request)
    if not _role_may(by, DESK):
        raise PermissionDenied(_("You may not plan visits."))
    planning.check(
        planning.PlannedVisit(
            request=request,
            purpose=purpose,
            technician=technician,
            window_start=window_start,
            window_end=window_end,
        )
    )
    if window_end <= window_start:
        raise ValidationError({"window_end": _("The window must end after it starts.")})
    if not technician.is_active:
        raise ValidationError({"technician": _("This technician is not active.")})
    if by is not None and by.role == Role.AGENT and technician.agent_id != by.agent_id:
        raise ValidationError({"technician": _("Choose one of your agent's technicians.")})
    aware = timezone.is_aware(window_start)
    work_day = timezone.localdate(window_start) if aware else window_start.date()
    if reasons := why_not(technician, **Work.of_request(request).kwargs(), on=work_day):
        raise ValidationError({"technician": reasons})  # skills, certifications valid that day
    if request.status == S.NEW:
        raise ValidationError(_("Triage the request before planning a visit."))
    if request.status != S.SCHEDULED and S.SCHEDULED not in TRANSITIONS[request.status]:
        raise ValidationError(_("A visit cannot be planned for this request now."))
    if follow_up_of is None:
        follow_up_of = request.visits.filter(status=VisitStatus.DONE).order_by("-pk").first()
    visit = Visit.objects.create(
        number=next_number(f"VIS-{window_start.year}"),
        request=request,
        technician=technician,
        window_start=window_start,
        window_end=window_end,
        purpose=purpose,
        follow_up_of=follow_up_of,
        created_by=by,
    )
    if request.status != S.SCHEDULED:
        _move(request, to=S.SCHEDULED, by=by, at=timezone.now())
    else:
        notify_on_commit(request, S.SCHEDULED)
    return visit


def _lock_visit(visit: Visit) -> Visit:
    return (
        Visit.objects.select_for_update().select_related("request", "technician").get(pk=visit.pk)
    )


@transaction.atomic
def visit_depart(*, visit: Visit, by: User | None, minutes: int, at=None) -> Visit:
    """The technician sets off to the visit: the customer is told they are on the way and when
    they should arrive. Said again (running late), it moves the expected time and tells again."""
    visit = _lock_visit(visit)
    _may_work(visit, by)
    if visit.status != VisitStatus.PLANNED:
        raise ValidationError(_("Only a planned visit can be set off to."))
    if not 1 <= minutes <= MAX_TRAVEL_MINUTES:
        raise ValidationError(
            {
                "minutes": _("Give the minutes to arrival, from 1 to %(most)s.")
                % {"most": MAX_TRAVEL_MINUTES}
            }
        )
    at = _now(at)
    visit.departed_at = visit.departed_at or at
    visit.expected_at = at + dt.timedelta(minutes=minutes)
    visit.save(update_fields=["departed_at", "expected_at"])
    notify_on_the_way(visit)
    return visit


# how far the phone's clock may run ahead of the server's, and how old a write kept on the phone
# without signal may be when it is sent
CLOCK_SKEW = dt.timedelta(minutes=5)
OFFLINE_MAX_AGE = dt.timedelta(hours=48)


def _reported(reported_at: dt.datetime, *, not_before: dt.datetime | None) -> dt.datetime:
    """The time the technician pressed a button on the phone, sent later by its outbox: not in
    the future, not older than OFFLINE_MAX_AGE, not before the visit's previous step."""
    now = timezone.now()
    if reported_at > now + CLOCK_SKEW:
        raise ValidationError({"as_of": _("The time of the change is in the future.")})
    if reported_at < now - OFFLINE_MAX_AGE:
        raise ValidationError(
            {
                "as_of": _("The change was made more than %(hours)s hours ago: enter it again.")
                % {"hours": int(OFFLINE_MAX_AGE.total_seconds() // 3600)}
            }
        )
    if not_before is not None and reported_at < not_before:
        raise ValidationError(
            {"as_of": _("The time of the change is before the visit's previous step.")}
        )
    return min(reported_at, now)


def _still_workable(visit: Visit) -> None:
    """Said plainly to a technician whose write was kept on the phone while the desk acted."""
    if visit.status == VisitStatus.CANCELLED:
        raise ValidationError(_("This visit was cancelled."))
    if visit.status == VisitStatus.DONE:
        raise ValidationError(_("This visit is already closed."))


@transaction.atomic
def visit_check_in(
    *,
    visit: Visit,
    by: User | None,
    at=None,
    latitude=None,
    longitude=None,
    reported_at: dt.datetime | None = None,
) -> Visit:
    """The technician arrives: the visit is on site and the request in progress. `reported_at`:
    the time the technician pressed "Check in" on the phone, when sent later (validated)."""
    visit = _lock_visit(visit)
    _may_work(visit, by)
    _still_workable(visit)
    if visit.status != VisitStatus.PLANNED:
        raise ValidationError(_("Only a planned visit can be checked in."))
    if reported_at is not None:
        at = _reported(reported_at, not_before=visit.departed_at)
    at = _now(at)
    visit.status = VisitStatus.ON_SITE
    visit.checked_in_at = at
    visit.latitude, visit.longitude = latitude, longitude
    visit.save()
    request = _lock(visit.request)
    if request.status != S.IN_PROGRESS:
        _move(request, to=S.IN_PROGRESS, by=by, at=at)
    return visit


def _on_site(visit: Visit) -> None:
    _still_workable(visit)
    if visit.status != VisitStatus.ON_SITE:
        raise ValidationError(_("Check in before recording the visit."))


@transaction.atomic
def visit_record(
    *, visit: Visit, by: User | None, diagnosis: str, failure_codes, checklist: dict[str, bool]
) -> Visit:
    """The diagnosis, its failure codes and the ticked check-list steps."""
    visit = _lock_visit(visit)
    _may_work(visit, by)
    _on_site(visit)
    steps = set(visit.request.service_type.checklist)
    visit.diagnosis = diagnosis
    visit.checklist = {step: bool(done) for step, done in checklist.items() if step in steps}
    visit.save()
    visit.failure_codes.set(failure_codes)
    return visit


@transaction.atomic
def visit_add_part(
    *, visit: Visit, part, quantity: int, by: User | None, warehouse=None
) -> VisitPart:
    """A part used on the job, issued from `warehouse` when given (a workshop's), else from the
    technician's van when there is one (without a van the part is only recorded)."""
    from aftersales.parts.choices import DocumentType, WarehouseKind
    from aftersales.parts.models import Warehouse
    from aftersales.parts.services import stock_issue

    visit = _lock_visit(visit)
    _may_work(visit, by)
    _on_site(visit)
    if quantity < 1:
        raise ValidationError({"quantity": _("Give a quantity of at least one.")})
    if warehouse is None:
        warehouse = Warehouse.objects.filter(
            technician=visit.technician, kind=WarehouseKind.VAN, is_active=True
        ).first()
    move = None
    if warehouse is not None:
        move = stock_issue(
            by=by,
            warehouse=warehouse,
            part=part,
            quantity=quantity,
            document_type=DocumentType.VISIT,
            document_number=visit.number,
        )
    return VisitPart.objects.create(
        visit=visit, part=part, quantity=quantity, warehouse=warehouse, move=move
    )


@transaction.atomic
def request_add_photo(
    *, request: ServiceRequest, image, by: User | None, caption: str = ""
) -> RequestPhoto:
    """Add a photo to the request itself (e.g. one the customer sent by e-mail): shown on the
    request's page and on its visits' pages. `image` is a Django File with a name."""
    changeable = ServiceRequest.objects.restrict(by, "change") if by is not None else None
    if changeable is not None and not changeable.filter(pk=request.pk).exists():
        raise PermissionDenied(_("You may not change this request."))
    return RequestPhoto.objects.create(
        request=request, image=image, caption=caption[:200], uploaded_by=by
    )


@transaction.atomic
def visit_add_photo(*, visit: Visit, image, by: User | None, caption: str = "") -> VisitPhoto:
    visit = _lock_visit(visit)
    _may_work(visit, by)
    if visit.status == VisitStatus.CANCELLED:
        raise ValidationError(_("This visit was cancelled."))
    if visit.status not in (VisitStatus.ON_SITE, VisitStatus.DONE):
        raise ValidationError(_("Check in before recording the visit."))
    return VisitPhoto.objects.create(visit=visit, image=image, caption=caption, uploaded_by=by)


PNG_PREFIX = "data:image/png;base64,"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_SIGNATURE_BYTES = 512 * 1024


def drawn_signature(data_url: str) -> bytes:
    """The PNG of a signature drawn on a pad and posted as a data URL, or a ValidationError."""
    try:
        if not data_url.startswith(PNG_PREFIX):
            raise ValueError
        content = base64.b64decode(data_url[len(PNG_PREFIX) :], validate=True)
    except (ValueError, binascii.Error):
        content = b""
    if not content.startswith(PNG_MAGIC) or len(content) > MAX_SIGNATURE_BYTES:
        raise ValidationError({"signature": _("The signature is not a valid drawing.")})
    return content


@transaction.atomic
def visit_sign(*, visit: Visit, data_url: str, signed_by: str, by: User | None) -> Visit:
    """The customer's drawn signature, posted as a PNG data URL."""
    visit = _lock_visit(visit)
    _may_work(visit, by)
    _on_site(visit)
    content = drawn_signature(data_url)
    if not signed_by.strip():
        raise ValidationError({"signed_by": _("Write who signed.")})
    visit.signature.save(f"{visit.number}.png", ContentFile(content), save=False)
    visit.signed_by = signed_by.strip()
    visit.signed_at = timezone.now()
    visit.save()
    return visit


NEXT_STATUS = {
    VisitResult.FIXED: S.RESOLVED,
    VisitResult.UNIT_REPLACED: S.RESOLVED,
    VisitResult.NOT_REPRODUCIBLE: S.RESOLVED,
    VisitResult.NEEDS_PARTS: S.WAITING_PARTS,
    VisitResult.NEEDS_WORKSHOP: None,  # stays in progress until a follow-up visit is planned
}


@transaction.atomic
def visit_close(
    *,
    visit: Visit,
    by: User | None,
    result: str,
    labour_minutes: int,
    at=None,
    reported_at: dt.datetime | None = None,
) -> Visit:
    """Check out with the result; the request follows (resolved, waiting for parts ...).
    `reported_at`: the time the technician pressed it on the phone, when sent later."""
    visit = _lock_visit(visit)
    _may_work(visit, by)
    _on_site(visit)
    if result not in VisitResult.values:
        raise ValidationError({"result": _("Choose the result of the visit.")})
    if labour_minutes < 0:
        raise ValidationError({"labour_minutes": _("Labour time cannot be negative.")})
    if reported_at is not None:
        at = _reported(reported_at, not_before=visit.checked_in_at)
    at = _now(at)
    visit.status = VisitStatus.DONE
    visit.result = result
    visit.labour_minutes = labour_minutes
    visit.checked_out_at = at
    visit.save()
    request = _lock(visit.request)
    to = NEXT_STATUS[result]
    if to is not None and request.status != to:
        _move(request, to=to, by=by, at=at)
    from aftersales.billing.services import invoice_for_visit  # the visit's invoice

    invoice_for_visit(visit=visit, by=by)
    from aftersales.surveys.services import invite_after_visit  # how did we do?

    invite_after_visit(visit=visit, at=at)
    return visit


@transaction.atomic
def visit_cancel(*, visit: Visit, by: User | None) -> Visit:
    visit = _lock_visit(visit)
    if not _role_may(by, DESK):
        raise PermissionDenied(_("You may not plan visits."))
    if visit.status != VisitStatus.PLANNED:
        raise ValidationError(_("Only a planned visit can be cancelled."))
    visit.status = VisitStatus.CANCELLED
    visit.save()
    request = _lock(visit.request)
    others = request.visits.filter(status=VisitStatus.PLANNED).exists()
    if request.status == S.SCHEDULED and not others:
        _move(request, to=S.TRIAGED, by=by, at=timezone.now())
    return visit


# --- referral to production ---------------------------------------------------------------------

QUALITY = frozenset({Role.QUALITY, Role.MANAGER})


@transaction.atomic
def defect_report_raise(*, visit: Visit, by: User | None, description: str) -> DefectReport:
    """Refer a defect seen on a visit to production: the unit, its batch, the visit's failure
    codes (its photos stay reachable through the visit)."""
    visit = _lock_visit(visit)
    _may_work(visit, by)
    unit = visit.request.unit
    if unit is None:
        raise ValidationError(_("Only a visit to a unit can raise a defect report."))
    if not (description or "").strip():
        raise ValidationError({"description": _("Describe the defect.")})
    report = DefectReport.objects.create(
        number=next_number(f"DR-{timezone.now().year}"),
        visit=visit,
        unit=unit,
        batch=unit.batch,
        description=description.strip(),
        raised_by=by,
    )
    report.failure_codes.set(visit.failure_codes.all())
    return report


@transaction.atomic
def defect_report_set_status(*, report: DefectReport, status: str, by: User | None) -> DefectReport:
    """Quality acknowledges or closes a referred defect."""
    if not _role_may(by, QUALITY):
        raise PermissionDenied(_("You may not make this change."))
    if status not in DefectStatus.values:
        raise ValidationError({"status": _("Unknown state.")})
    report = DefectReport.objects.select_for_update().get(pk=report.pk)
    report.status = status
    report.save(update_fields=["status"])
    return report


# --- support without a visit, rescheduling ------------------------------------------------------


def _readable_article(article, by: User | None) -> bool:
    from aftersales.knowledge.choices import ArticleStatus
    from aftersales.knowledge.models import Article

    articles = Article.objects.all() if by is None else Article.objects.restrict(by, "view")
    return articles.filter(pk=article.pk, status=ArticleStatus.PUBLISHED).exists()


@transaction.atomic
def support_record(
    *,
    request: ServiceRequest,
    by: User | None,
    kind: str,
    channel: str,
    outcome: str,
    minutes: int = 0,
    attendees: int = 0,
    notes: str = "",
    article=None,
    at=None,
) -> SupportSession:
    """Record a remote troubleshooting or a training session, with the knowledge-base article
    it followed if any; a solved one (or a training given) resolves the request, one that needs
    a visit leaves it triaged for the dispatcher."""
    request = _lock(request)
    if not _role_may(by, FIELD):
        raise PermissionDenied(_("You may not make this change."))
    if not request.is_open:
        raise ValidationError(_("This request is already finished."))
    if article is not None and not _readable_article(article, by):
        raise ValidationError({"article": _("Choose a published article.")})
    at = _now(at)
    session = SupportSession.objects.create(
        request=request,
        kind=kind,
        channel=channel,
        outcome=outcome,
        minutes=minutes,
        attendees=attendees,
        notes=notes,
        article=article,
        at=at,
        by=by,
    )
    if request.status in (S.NEW, S.REOPENED):
        _attach_triage(request, at)
        _set_targets(request)
        _move(request, to=S.TRIAGED, by=by, at=at, note=notes)
    if outcome in (SupportOutcome.SOLVED, SupportOutcome.TRAINED) and request.status != S.RESOLVED:
        _move(request, to=S.RESOLVED, by=by, at=at, note=notes)
    return session


@transaction.atomic
def request_reschedule(
    *, request: ServiceRequest, by: User | None, preferred_date: dt.date, note: str = ""
) -> ServiceRequest:
    """The customer (or the desk) asks for another day: planned visits are called off and the
    request goes back to the dispatcher with the new preferred date."""
    request = _lock(request)
    if request.status not in (S.TRIAGED, S.SCHEDULED, S.NEW):
        raise ValidationError(_("This request cannot be rescheduled now."))
    if preferred_date < timezone.localdate():
        raise ValidationError({"preferred_date": _("Choose a day from today on.")})
    if by is not None and by.role == Role.CUSTOMER and request.customer.user_id != by.pk:
        raise PermissionDenied(_("You may not make this change."))
    request.preferred_date = preferred_date
    request.save(update_fields=["preferred_date"])
    for visit in request.visits.filter(status=VisitStatus.PLANNED):
        visit.status = VisitStatus.CANCELLED
        visit.save(update_fields=["status"])
    note = note or _("Rescheduled")
    if request.status == S.SCHEDULED:
        _move(request, to=S.TRIAGED, by=by, at=timezone.now(), note=note, check=False)
    else:
        _log(
            request,
            from_status=request.status,
            to=request.status,
            by=by,
            at=timezone.now(),
            note=note,
        )
    return request
