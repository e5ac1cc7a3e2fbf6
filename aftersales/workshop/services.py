"""Every write of the workshop: receive a unit, put it on the bench (a visit of the request at the
workshop), wait for parts, mark it ready, hand it back, or cancel the intake. Keyword-only,
atomic; each change of state is logged and the customer is told when the unit is ready."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.core.notify import notify
from aftersales.core.numbering import next_number
from aftersales.service import services as service
from aftersales.service.choices import (
    FIXING_RESULTS,
    Channel,
    Status,
    VisitPurpose,
    VisitStatus,
)
from aftersales.service.models import ServiceRequest, ServiceType, Visit, VisitPart

from .choices import ACTIVE_STATUSES, Arrival, Handover, JobStatus
from .models import HANDS, JobStatusChange, Workshop, WorkshopJob

J = JobStatus
# from -> the states a job may go to (every move is for HANDS; the services add their own rules)
TRANSITIONS: dict[str, frozenset] = {
    J.RECEIVED: frozenset({J.ON_BENCH, J.READY, J.CANCELLED}),
    J.ON_BENCH: frozenset({J.WAITING_PARTS, J.READY}),
    J.WAITING_PARTS: frozenset({J.ON_BENCH, J.READY}),
    J.READY: frozenset({J.RETURNED, J.ON_BENCH}),
    J.RETURNED: frozenset(),
    J.CANCELLED: frozenset(),
}
BENCH_HOURS = 2  # the window of a bench visit: from when the unit goes on the bench
# the service type of a walk-in: its intake needs no address (service migration 0014)
CARRY_IN_TYPE = "workshop_repair"


def _now(at: dt.datetime | None) -> dt.datetime:
    return at or timezone.now()


def _may(by: User | None, workshop: Workshop | None = None) -> None:
    """`by`'s role may handle units; an agent's people, only in their agent's workshops (they
    see the jobs of their requests held elsewhere, and leave them to that workshop)."""
    if by is None or by.is_superuser or by.role == Role.ADMIN:
        return
    if by.role not in HANDS:
        raise PermissionDenied(_("You may not make this change."))
    agent = _agent_of(by)
    if workshop is not None and agent is not None and workshop.agent_id != agent:
        raise PermissionDenied(_("You may not make this change."))


def _agent_of(by: User | None):
    """The agent whose workshops `by` may act in, or None for the maker's staff."""
    if by is None or by.is_superuser or by.role == Role.ADMIN:
        return None
    if by.role in (Role.AGENT, Role.TECHNICIAN) and by.agent_id:
        return by.agent_id
    return None


def _log(job: WorkshopJob, *, from_status: str, to: str, by, at, note: str = "") -> None:
    JobStatusChange.objects.create(
        job=job, from_status=from_status, to_status=to, at=at, by=by, note=(note or "")[:500]
    )


def allowed_moves(job: WorkshopJob, user: User | None) -> list[str]:
    """The states `user` may move `job` to now (for showing its buttons)."""
    try:
        _may(user, job.workshop)
    except PermissionDenied:
        return []
    return [to for to in JobStatus.values if to in TRANSITIONS[job.status]]


def _move(job: WorkshopJob, *, to: str, by, at: dt.datetime, note: str = "") -> None:
    """Change the state of a locked job: check the move, log it."""
    _may(by, job.workshop)
    if to not in TRANSITIONS[job.status]:
        raise ValidationError(
            _("A workshop job cannot go from %(from)s to %(to)s.")
            % {"from": job.get_status_display(), "to": J(to).label},
            code="transition",
        )
    if at < job.received_at:
        raise ValidationError(_("A workshop job cannot change before the unit was received."))
    before = job.status
    job.status = to
    job.save()
    _log(job, from_status=before, to=to, by=by, at=at, note=note)


def _lock(job: WorkshopJob) -> WorkshopJob:
    return (
        WorkshopJob.objects.select_for_update()
        .select_related("request", "workshop", "unit")
        .get(pk=job.pk)
    )


@transaction.atomic
def job_receive(
    *,
    request: ServiceRequest,
    workshop: Workshop,
    by: User | None,
    arrival: str,
    condition: str,
    accessories: str = "",
    reference: str = "",
    at: dt.datetime | None = None,
) -> WorkshopJob:
    """Take a request's unit into a workshop: who received it, how it came, its condition and
    the accessories that came with it. A unit is in one workshop at a time."""
    _may(by)
    at = _now(at)
    request = ServiceRequest.objects.select_for_update().get(pk=request.pk)
    errors: dict[str, str] = {}
    agent = _agent_of(by)
    if agent is not None and workshop.agent_id != agent:
        errors["workshop"] = _("Choose one of your agent's workshops.")
    elif not workshop.is_active:
        errors["workshop"] = _("This workshop is closed.")
    if arrival not in Arrival.values:
        errors["arrival"] = _("Say how the unit came.")
    if not (condition or "").strip():
        errors["condition"] = _("Describe the unit's condition as it came in.")
    if errors:
        raise ValidationError(errors)
    if request.unit_id is None:
        raise ValidationError(_("Only a request for a unit can send it to the workshop."))
    if not request.is_open:
        raise ValidationError(_("This request is already finished."))
    if at < request.opened_at:
        raise ValidationError(_("A unit cannot be received before its request was opened."))
    held = WorkshopJob.objects.filter(
        Q(unit_id=request.unit_id) | Q(request=request), status__in=ACTIVE_STATUSES
    )
    if (other := held.first()) is not None:
        raise ValidationError(
            _("This unit is already in the workshop: job %(number)s.") % {"number": other.number}
        )
    job = WorkshopJob.objects.create(
        number=next_number(f"WS-{at.year}"),
        request=request,
        unit_id=request.unit_id,
        workshop=workshop,
        arrival=arrival,
        reference=(reference or "").strip(),
        received_at=at,
        received_by=by,
        condition=condition.strip(),
        accessories=(accessories or "").strip(),
    )
    _log(job, from_status="", to=J.RECEIVED, by=by, at=at)
    return job


def carry_in_type() -> ServiceType | None:
    """The service type of a repair in a workshop (carry-in), when it is offered."""
    return ServiceType.objects.filter(code=CARRY_IN_TYPE, is_active=True).first()


@transaction.atomic
def walk_in_receive(
    *,
    by: User | None,
    customer,
    unit,
    workshop: Workshop,
    description: str,
    condition: str,
    accessories: str = "",
    contact_phone: str = "",
    at: dt.datetime | None = None,
) -> WorkshopJob:
    """A customer walks in with their unit: a request of the carry-in type (no address needed,
    opened at the desk) and the unit's intake in the workshop, in one go; nothing is kept when
    either is refused."""
    _may(by, workshop)
    at = _now(at)
    service_type = carry_in_type()
    if service_type is None:
        raise ValidationError(_("Workshop repairs (carry-in) are not offered: ask a manager."))
    if not (condition or "").strip():
        raise ValidationError({"condition": _("Describe the unit's condition as it came in.")})
    request = service.request_open(
        by=by,
        customer=customer,
        service_type=service_type,
        channel=Channel.WALK_IN,
        description=description,
        unit=unit,
        contact_phone=contact_phone,
        at=at,
    )
    return job_receive(
        request=request,
        workshop=workshop,
        by=by,
        arrival=Arrival.CARRIED_IN,
        condition=condition,
        accessories=accessories,
        at=at,
    )


@transaction.atomic
def job_sign_intake(
    *, job: WorkshopJob, data_url: str, signed_by: str, by: User | None
) -> WorkshopJob:
    """The customer's drawn signature on the intake: they agree with the condition and the
    accessories written down."""
    job = _lock(job)
    _may(by, job.workshop)
    if job.status != J.RECEIVED:
        raise ValidationError(_("The intake can be signed only while the unit is just received."))
    content = service.drawn_signature(data_url)
    if not (signed_by or "").strip():
        raise ValidationError({"signed_by": _("Write who signed.")})
    job.intake_signature.save(f"{job.number}-intake.png", ContentFile(content), save=False)
    job.intake_signed_by = signed_by.strip()
    job.save()
    return job


def _open_bench_visit(job: WorkshopJob) -> Visit | None:
    return (
        job.bench_visits.filter(status__in=(VisitStatus.PLANNED, VisitStatus.ON_SITE))
        .order_by("-pk")
        .first()
    )


@transaction.atomic
def job_start_bench(
    *, job: WorkshopJob, technician, by: User | None, note: str = "", at=None
) -> Visit:
    """Put the unit on the bench: a visit of the request at the workshop, checked in at once, on
    which the technician records the diagnosis, failure codes, parts and check-list as on any
    visit. A technician may take a unit for themselves; the desk assigns anyone."""
    job = _lock(job)
    _may(by, job.workshop)
    at = _now(at)
    if J.ON_BENCH not in TRANSITIONS[job.status]:
        raise ValidationError(_("This unit cannot go on the bench now."))
    visit = _open_bench_visit(job)
    if visit is None:
        if technician is None:
            raise ValidationError({"technician": _("Choose the technician.")})
        agent = _agent_of(by)
        if agent is not None and technician.agent_id != agent:
            raise ValidationError({"technician": _("Choose one of your agent's technicians.")})
        planner = by
        if by is not None and by.role == Role.TECHNICIAN:
            if technician.user_id != by.pk:
                raise PermissionDenied(_("You may put units on the bench only for yourself."))
            planner = None  # the workshop plans the technician's own bench visit
        request = job.request
        if request.status in (Status.NEW, Status.REOPENED):
            if planner is not None and Status.TRIAGED not in service.allowed_transitions(
                request, planner
            ):
                raise ValidationError(_("Triage the request before planning a visit."))
            service.request_triage(request=request, by=planner, note=note)
        visit = service.visit_schedule(
            request=request,
            technician=technician,
            window_start=at,
            window_end=at + dt.timedelta(hours=BENCH_HOURS),
            by=planner,
            purpose=VisitPurpose.BENCH,
        )
        visit = service.visit_check_in(visit=visit, by=planner, at=at)
        job.bench_visits.add(visit)
    if job.status == J.READY:  # back on the bench: it is not ready any more
        job.ready_at, job.handover, job.repaired, job.unrepaired_reason = None, "", None, ""
    _move(job, to=J.ON_BENCH, by=by, at=at, note=note)
    return visit


@transaction.atomic
def bench_add_part(*, job: WorkshopJob, part, quantity: int, by: User | None) -> VisitPart:
    """A part used on the bench, issued from the workshop's own warehouse and recorded on the
    bench visit (as a van's part is on a visit at the customer's)."""
    job = _lock(job)
    _may(by, job.workshop)
    visit = job.bench_visits.filter(status=VisitStatus.ON_SITE).order_by("-pk").first()
    if job.status != J.ON_BENCH or visit is None:
        raise ValidationError(_("Put the unit on the bench before using parts."))
    warehouse = job.workshop.warehouse
    if warehouse is None or not warehouse.is_active:
        raise ValidationError(_("This workshop has no parts warehouse."))
    return service.visit_add_part(
        visit=visit, part=part, quantity=quantity, by=by, warehouse=warehouse
    )


@transaction.atomic
def job_wait_for_parts(*, job: WorkshopJob, by: User | None, note: str = "", at=None):
    """The bench work waits for parts (the bench visit is closed as "needs parts")."""
    job = _lock(job)
    at = _now(at)
    if job.status == J.ON_BENCH and _open_bench_visit(job) is not None:
        raise ValidationError(_("Close the bench visit first, with the result “Needs parts”."))
    _move(job, to=J.WAITING_PARTS, by=by, at=at, note=note)
    return job


@transaction.atomic
def job_ready(
    *,
    job: WorkshopJob,
    by: User | None,
    handover: str,
    repaired: bool,
    reason: str = "",
    note: str = "",
    at=None,
) -> WorkshopJob:
    """The unit is ready to go back, repaired (a bench visit fixed it) or not (with the reason),
    for collection or for delivery; the customer is told."""
    job = _lock(job)
    at = _now(at)
    if handover not in Handover.values:
        raise ValidationError({"handover": _("Say how the unit goes back.")})
    if _open_bench_visit(job) is not None:
        raise ValidationError(_("Close the bench visit first."))
    if (
        repaired
        and not job.bench_visits.filter(status=VisitStatus.DONE, result__in=FIXING_RESULTS).exists()
    ):
        raise ValidationError(
            {"repaired": _("No bench visit of this job fixed the unit: close one as fixed.")}
        )
    if not repaired and not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the unit was not repaired.")})
    job.ready_at = at
    job.handover = handover
    job.repaired = bool(repaired)
    job.unrepaired_reason = "" if repaired else reason.strip()
    _move(job, to=J.READY, by=by, at=at, note=note)
    notify("aftersales.workshop.notify.ready_message", job_id=job.pk)
    return job


@transaction.atomic
def job_return(
    *,
    job: WorkshopJob,
    by: User | None,
    returned_to: str,
    data_url: str = "",
    note: str = "",
    at=None,
) -> WorkshopJob:
    """The unit goes back: to whom, when, with their signature when they were there."""
    job = _lock(job)
    at = _now(at)
    _may(by, job.workshop)
    if J.RETURNED not in TRANSITIONS[job.status]:
        raise ValidationError(_("Only a unit that is ready can be handed back."))
    if not (returned_to or "").strip():
        raise ValidationError({"returned_to": _("Write to whom the unit was handed back.")})
    content = service.drawn_signature(data_url) if data_url else None
    if at < job.ready_at:
        raise ValidationError(_("A unit cannot be returned before it was ready."))
    job.returned_at = at
    job.returned_to = returned_to.strip()
    job.returned_by = by
    if content is not None:
        job.return_signature.save(f"{job.number}-return.png", ContentFile(content), save=False)
    _move(job, to=J.RETURNED, by=by, at=at, note=note)
    return job


@transaction.atomic
def job_cancel(*, job: WorkshopJob, by: User | None, reason: str, at=None) -> WorkshopJob:
    """Cancel an intake recorded by mistake, before any bench work (a unit that was worked on
    goes back through "ready, not repaired")."""
    job = _lock(job)
    at = _now(at)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the intake is cancelled.")})
    if job.status == J.RECEIVED and job.bench_visits.exists():
        raise ValidationError(_("This unit was worked on: mark it ready, not repaired."))
    job.cancel_reason = reason.strip()
    _move(job, to=J.CANCELLED, by=by, at=at, note=reason)
    return job
