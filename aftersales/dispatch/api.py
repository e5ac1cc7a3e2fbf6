"""The dispatch API: plans (idempotent create, list, get, re-plan, publish) and their
assignments (list, move, pin). Every query goes through `restrict()`; out of scope is a 404."""

import ninja
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.workforce.models import Technician

from . import services
from .models import Assignment, Plan
from .schemas import AssignmentOut, MoveIn, PinIn, PlanIn, PlanOut, ReplanIn

router = Router(tags=["dispatch"])
MAX_PAGE = 500


def _plans(request, action="view"):
    return Plan.objects.restrict(request.user, action)


def _assignments(request, action="view"):
    return Assignment.objects.restrict(request.user, action).select_related("request")


@router.post("/plans", response={201: PlanOut, ERRORS: ErrorOut}, summary="Plan one or a few days")
@idempotent
def plan_create(request, payload: PlanIn):
    """Create a plan and run it at once. Agents' staff plan their own agent's technicians; the
    maker's dispatchers and managers plan the maker's own."""
    if not Plan.policy.allows(request.user, "add"):
        raise PermissionDenied
    plan = services.plan_create(
        by=request.user,
        first_day=payload.first_day,
        days=payload.days,
        engine=payload.engine,
        seconds=payload.seconds,
    )
    return ninja.Status(201, plan)


@router.get("/plans", response=list[PlanOut], summary="List plans")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def plan_list(request, status: str = ""):
    queryset = _plans(request).order_by("-first_day", "-pk")
    return queryset.filter(status=status) if status else queryset


@router.get("/plans/{plan_id}", response={200: PlanOut, ERRORS: ErrorOut})
def plan_get(request, plan_id: int):
    return get_object_or_404(_plans(request), pk=plan_id)


@router.post(
    "/plans/{plan_id}/replan",
    response={200: PlanOut, ERRORS: ErrorOut},
    summary="Re-plan (urgent work included; started and pinned visits kept)",
)
def plan_replan(request, plan_id: int, payload: ReplanIn):
    plan = get_object_or_404(_plans(request, "change"), pk=plan_id)
    return services.plan_run(plan=plan, by=request.user, seconds=payload.seconds)


@router.post(
    "/plans/{plan_id}/publish",
    response={200: PlanOut, ERRORS: ErrorOut},
    summary="Publish: visits get their technician and window; customers are told",
)
def plan_publish(request, plan_id: int):
    plan = get_object_or_404(_plans(request, "change"), pk=plan_id)
    return services.plan_publish(plan=plan, by=request.user)


@router.get(
    "/plans/{plan_id}/assignments",
    response={200: list[AssignmentOut], ERRORS: ErrorOut},
    summary="The plan's assignments, placed and not placed",
)
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def assignment_list(request, plan_id: int, placed: bool | None = None):
    plan = get_object_or_404(_plans(request), pk=plan_id)
    queryset = _assignments(request).filter(plan=plan).order_by("technician_id", "starts_at", "pk")
    if placed is not None:
        queryset = queryset.filter(technician__isnull=not placed)
    return queryset


@router.post(
    "/assignments/{assignment_id}/move",
    response={200: AssignmentOut, ERRORS: ErrorOut},
    summary="Move a visit by hand (it is pinned; the plan is re-planned around it)",
)
def assignment_move(request, assignment_id: int, payload: MoveIn):
    row = get_object_or_404(_assignments(request, "change"), pk=assignment_id)
    technician = get_object_or_404(
        Technician.objects.restrict(request.user, "view"), pk=payload.technician_id
    )
    return services.assignment_move(
        assignment=row,
        technician=technician,
        starts_at=payload.starts_at,
        by=request.user,
        seconds=payload.seconds,
    )


@router.post(
    "/assignments/{assignment_id}/pin",
    response={200: AssignmentOut, ERRORS: ErrorOut},
    summary="Pin or unpin a visit",
)
def assignment_pin(request, assignment_id: int, payload: PinIn):
    row = get_object_or_404(_assignments(request, "change"), pk=assignment_id)
    return services.assignment_pin(assignment=row, pinned=payload.pinned, by=request.user)
