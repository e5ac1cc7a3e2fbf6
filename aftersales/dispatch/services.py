"""Every write of dispatch: create and run a plan, pin or move a visit, publish.

Keyword-only and atomic. Publishing goes through the service app's `visit_schedule`, which
tells the customer their window after commit.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.access import can
from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.core.numbering import next_number
from aftersales.service import planning
from aftersales.service import services as service_services
from aftersales.service.choices import VisitStatus
from aftersales.workforce.models import Technician
from aftersales.workforce.selectors import qualified

from . import planner
from .choices import EngineChoice, PlanStatus, Reason
from .models import MAX_DAYS, Assignment, Plan

DEFAULT_SECONDS = 5.0


def _may_plan(by: User | None, agent) -> None:
    if by is None:
        return
    if not can(by, Plan, "add"):
        raise PermissionDenied(_("You may not plan visits."))
    if by.role == Role.AGENT and (agent is None or agent.pk != by.agent_id):
        raise PermissionDenied(_("You may plan only your own agent's technicians."))


def plan_create(
    *,
    by: User | None,
    first_day: dt.date,
    days: int = 1,
    agent=None,
    engine: str = EngineChoice.VROOM,
    seconds: float = DEFAULT_SECONDS,
) -> Plan:
    """A new plan for `days` days from `first_day`, run at once. An agent's staff plan their
    own agent's technicians; the maker's dispatchers plan the maker's own."""
    if by is not None and by.role == Role.AGENT:
        agent = by.agent
    _may_plan(by, agent)
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError({"days": _("Plan from 1 to %(max)s days.") % {"max": MAX_DAYS}})
    if first_day < timezone.localdate():
        raise ValidationError({"first_day": _("Choose a day from today on.")})
    if engine not in EngineChoice.values:
        raise ValidationError({"engine": _("Choose a planner from the list.")})
    with transaction.atomic():
        plan = Plan.objects.create(
            number=next_number(f"PLN-{first_day.year}"),
            first_day=first_day,
            days=days,
            agent=agent,
            engine=engine,
            created_by=by,
        )
    return plan_run(plan=plan, by=by, seconds=seconds)


def plan_run(
    *, plan: Plan, by: User | None, seconds: float = DEFAULT_SECONDS, now: dt.datetime | None = None
) -> Plan:
    """(Re-)plan: gather the open work again (an urgent request opened since is included), keep
    visits under way and pinned ones where they are, and let the engine place the rest.

    The engine runs outside any transaction (SQLite would hold its write lock for seconds);
    the result is stored in one."""
    plan = Plan.objects.get(pk=plan.pk)
    _may_plan(by, plan.agent)
    if plan.last_day < timezone.localdate():
        raise ValidationError(_("This plan's days are over."))
    tasks = planner.gather(plan, now=now)
    shifts = planner.shifts_of(plan, planner.technicians_of(plan))
    outcome = planner.solve(plan, tasks, shifts, seconds=seconds)
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        _store(plan, outcome)
        _summarise(plan, outcome)
    return plan


def _summarise(plan: Plan, outcome: planner.Outcome) -> None:
    plan.planned_at = timezone.now()
    plan.planning_seconds = Decimal(f"{outcome.seconds:.2f}")
    plan.travel_km = Decimal(outcome.travel_m / 1000).quantize(Decimal("0.1"))
    plan.travel_minutes = planner.ceil_minutes(outcome.travel_s)
    plan.utilization = Decimal(f"{min(outcome.utilization, 9.9999):.4f}")
    plan.save()


def _store(plan: Plan, outcome: planner.Outcome) -> None:
    """One assignment per request, updated in place (the audit log keeps only real changes)."""
    existing = {a.request_id: a for a in plan.assignments.all()}
    seen = set()
    for placement in outcome.placements:
        task = placement.task
        row = existing.get(task.request.pk) or Assignment(plan=plan, request=task.request)
        seen.add(task.request.pk)
        if row.pinned and placement.starts_at is None and task.pinned is not None:
            # the engine could not honour the pin: the dispatcher's choice stands, with a warning
            placement.technician = row.technician
            placement.starts_at = row.starts_at
            placement.arrives_at = row.starts_at
            placement.ends_at = row.starts_at + dt.timedelta(minutes=task.minutes)
        row.visit = task.visit
        row.technician = placement.technician
        row.sequence = placement.sequence
        row.arrives_at = placement.arrives_at
        row.starts_at = placement.starts_at
        row.ends_at = placement.ends_at
        row.duration_minutes = task.minutes
        row.travel_km = Decimal(placement.travel_m / 1000).quantize(Decimal("0.1"))
        row.travel_minutes = planner.ceil_minutes(placement.travel_s)
        row.sla_due = task.due
        row.started = task.started
        row.pinned = row.pinned and not task.started
        row.van_has_parts = placement.van_has_parts
        row.reason = placement.reason
        row.purpose = task.purpose
        if placement.starts_at is None:
            row.window_start = row.window_end = None
        elif task.visit is not None and (
            task.visit.window_start <= placement.starts_at <= task.visit.window_end
        ):
            row.window_start, row.window_end = task.visit.window_start, task.visit.window_end
        else:
            row.window_start, row.window_end = planner.promised_window(placement.starts_at)
        row.save()
    for request_id, row in existing.items():
        if request_id not in seen and row.reason != Reason.CANCELLED:
            row.delete()  # no longer open; one cancelled by hand stays to say so


def _lock(assignment: Assignment) -> Assignment:
    return Assignment.objects.select_for_update().select_related("plan").get(pk=assignment.pk)


@transaction.atomic
def assignment_pin(*, assignment: Assignment, pinned: bool, by: User | None) -> Assignment:
    """Pin a placed visit to its technician and start (the optimiser will not move it), or free
    it again."""
    assignment = _lock(assignment)
    _may_plan(by, assignment.plan.agent)
    if pinned and not assignment.is_placed:
        raise ValidationError(_("Place the visit on a technician before pinning it."))
    if assignment.started:
        raise ValidationError(_("This visit is under way; it stays as it is."))
    assignment.pinned = pinned
    assignment.save(update_fields=["pinned"])
    return assignment


def assignment_move(
    *,
    assignment: Assignment,
    technician: Technician,
    starts_at: dt.datetime,
    by: User | None,
    seconds: float = DEFAULT_SECONDS,
) -> Assignment:
    """Move a visit by hand to `technician` at `starts_at`: it is pinned there and the rest of
    the plan is re-planned around it."""
    with transaction.atomic():
        assignment = _pin_at(assignment, technician=technician, starts_at=starts_at, by=by)
    plan_run(plan=assignment.plan, by=by, seconds=seconds)
    assignment.refresh_from_db()
    return assignment


def _pin_at(assignment: Assignment, *, technician, starts_at, by) -> Assignment:
    assignment = _lock(assignment)
    plan = assignment.plan
    _may_plan(by, plan.agent)
    if assignment.started:
        raise ValidationError(_("This visit is under way; it stays as it is."))
    if technician.agent_id != plan.agent_id:
        raise ValidationError({"technician": _("Choose one of this plan's technicians.")})
    day = timezone.localtime(starts_at).date()
    if not plan.first_day <= day <= plan.last_day:
        raise ValidationError({"starts_at": _("Choose a time within the plan's days.")})
    local = timezone.localtime(starts_at).time()
    ends = (
        dt.datetime.combine(day, local) + dt.timedelta(minutes=assignment.duration_minutes)
    ).time()
    if local < technician.shift_start or ends > technician.shift_end or ends < local:
        raise ValidationError({"starts_at": _("The visit must fit within the technician's shift.")})
    request = assignment.request
    visit = assignment.visit
    planning.check(  # e.g. the unit went into a workshop since the plan was made
        planning.PlannedVisit(
            request=request,
            purpose=visit.purpose if visit is not None else assignment.purpose,
            technician=technician,
            window_start=starts_at,
        )
    )
    model = request.unit.product_model if request.unit_id else None
    fit = qualified(
        Technician.objects.filter(pk=technician.pk),
        category=model.category if model else None,
        product_model=model,
        service_type=request.service_type,
        on=day,
    )
    if not fit.exists():
        raise ValidationError(
            {"technician": _("This technician is not qualified for this work on that day.")}
        )
    assignment.technician = technician
    assignment.starts_at = starts_at
    assignment.pinned = True
    assignment.reason = ""  # placed by hand: back in the plan, even if cancelled before
    assignment.save(update_fields=["technician", "starts_at", "pinned", "reason"])
    return assignment


@transaction.atomic
def assignment_cancel(*, assignment: Assignment, by: User | None) -> Assignment:
    """Take a visit out of the plan by hand: its published visit is cancelled (the request goes
    back to triaged, through the service app) and re-planning leaves it out until it is placed
    by hand again."""
    assignment = _lock(assignment)
    _may_plan(by, assignment.plan.agent)
    if assignment.started:
        raise ValidationError(_("This visit is under way; it stays as it is."))
    visit = assignment.visit
    if visit is not None and visit.status == VisitStatus.PLANNED:
        service_services.visit_cancel(visit=visit, by=by)
    assignment.technician = None
    assignment.sequence = 0
    assignment.arrives_at = assignment.starts_at = assignment.ends_at = None
    assignment.window_start = assignment.window_end = None
    assignment.travel_km, assignment.travel_minutes = Decimal(0), 0
    assignment.pinned = False
    assignment.reason = Reason.CANCELLED
    assignment.save()
    return assignment


@transaction.atomic
def plan_publish(*, plan: Plan, by: User | None) -> Plan:
    """Give every placed visit its technician and promised window through the service app
    (which tells the customer); a visit whose technician or window changed is re-issued."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _may_plan(by, plan.agent)
    rows = plan.assignments.filter(technician__isnull=False, starts_at__isnull=False)
    for row in rows.select_related("request", "technician", "visit"):
        visit = row.visit
        if row.started:
            continue
        if (
            visit is not None
            and visit.status == VisitStatus.PLANNED
            and (
                visit.technician_id == row.technician_id
                and visit.window_start == row.window_start
                and visit.window_end == row.window_end
            )
        ):
            continue
        new = service_services.visit_schedule(
            request=row.request,
            technician=row.technician,
            window_start=row.window_start,
            window_end=row.window_end,
            by=by,
            purpose=visit.purpose if visit is not None else row.purpose,
        )
        if visit is not None and visit.status == VisitStatus.PLANNED:
            service_services.visit_cancel(visit=visit, by=by)
        row.visit = new
        row.save(update_fields=["visit"])
    plan.status = PlanStatus.PUBLISHED
    plan.published_at = timezone.now()
    plan.published_by = by
    plan.save(update_fields=["status", "published_at", "published_by"])
    return plan
