"""The agent network over the API: agents and their lifecycle, contracts, evaluations,
scorecards, grades, and the network plan."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from aftersales.catalog.models import Category
from aftersales.core.access import demand
from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.service.models import ServiceType

from . import planning, selectors, services
from .models import Agent, Contract, Criterion, Evaluation, Grade, GradeAssignment, Scorecard
from .schemas import (
    AgentFilters,
    AgentOut,
    ContractIn,
    ContractOut,
    EvaluationIn,
    EvaluationOut,
    GradeAssignIn,
    GradeOnOut,
    GradeOut,
    MayTakeOut,
    MayTakeQuery,
    PeriodIn,
    PlanQuery,
    RegionOut,
    ScorecardOut,
    TransitionIn,
)

router = Router(tags=["agents"])


def _agent(user, agent_id: int, action: str = "view") -> Agent:
    return get_object_or_404(Agent.objects.restrict(user, action), pk=agent_id)


@router.get("/", response={200: list[AgentOut], ERRORS: ErrorOut}, summary="Agents")
@paginate(PageNumberPagination, page_size=50)
def agent_list(request, filters: Query[AgentFilters]):
    """The agents the caller may see (an agent's staff: their own), by code."""
    agents = Agent.objects.restrict(request.user, "view").order_by("code")
    if filters.status:
        agents = agents.filter(status=filters.status)
    if filters.q:
        agents = agents.filter(
            Q(code__icontains=filters.q)
            | Q(name__icontains=filters.q)
            | Q(city__icontains=filters.q)
        )
    return agents


@router.get("/grades", response={200: list[GradeOut], ERRORS: ErrorOut}, summary="Grades")
def grade_list(request):
    demand(request.user, Grade, "view")
    return Grade.objects.restrict(request.user, "view").prefetch_related(
        "categories", "service_types"
    )


@router.get("/plan", response={200: list[RegionOut], ERRORS: ErrorOut}, summary="Network plan")
def network_plan(request, params: Query[PlanQuery]):
    """Demand against capacity per region in the period, the most under-served first."""
    demand(request.user, Agent, "add")
    if params.end < params.start:
        raise ValidationError({"end": _("The period cannot end before it starts.")})
    return planning.network_plan(start=params.start, end=params.end, country=params.country)


@router.get("/{int:agent_id}", response={200: AgentOut, ERRORS: ErrorOut}, summary="An agent")
def agent_detail(request, agent_id: int):
    return _agent(request.user, agent_id)


@router.post(
    "/{int:agent_id}/transition", response={200: AgentOut, ERRORS: ErrorOut}, summary="Move"
)
def agent_transition(request, agent_id: int, payload: TransitionIn):
    """Move the agent through its lifecycle (applicant → evaluated → selected → active ⇄
    suspended → terminated); refused (422) when the step is not allowed or its condition is
    not met."""
    agent = _agent(request.user, agent_id, "change")
    return services.agent_transition(agent=agent, to=payload.to, by=request.user, note=payload.note)


@router.post(
    "/{int:agent_id}/evaluations",
    response={201: EvaluationOut, ERRORS: ErrorOut},
    summary="Evaluate a candidate",
)
@idempotent
def agent_evaluate(request, agent_id: int, payload: EvaluationIn):
    demand(request.user, Evaluation, "add")
    agent = _agent(request.user, agent_id, "change")
    by_code = {c.code: c.pk for c in Criterion.objects.filter(is_active=True)}
    unknown = sorted(set(payload.ratings) - set(by_code))
    if unknown:
        raise ValidationError(
            {"ratings": _("Unknown criteria: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    ratings = {by_code[code]: rating for code, rating in payload.ratings.items()}
    evaluation = services.agent_evaluate(
        agent=agent, ratings=ratings, by=request.user, note=payload.note
    )
    return Status(201, evaluation)


@router.get(
    "/{int:agent_id}/contracts",
    response={200: list[ContractOut], ERRORS: ErrorOut},
    summary="Contracts",
)
def contract_list(request, agent_id: int):
    agent = _agent(request.user, agent_id)
    return (
        Contract.objects.restrict(request.user, "view")
        .filter(agent=agent)
        .prefetch_related("service_types", "categories")
    )


@router.post(
    "/{int:agent_id}/contracts",
    response={201: ContractOut, ERRORS: ErrorOut},
    summary="Give a contract",
)
@idempotent
def contract_create(request, agent_id: int, payload: ContractIn):
    demand(request.user, Contract, "add")
    agent = _agent(request.user, agent_id, "change")
    service_types = list(ServiceType.objects.filter(pk__in=payload.service_types))
    categories = list(Category.objects.filter(pk__in=payload.categories))
    if len(service_types) != len(set(payload.service_types)):
        raise ValidationError({"service_types": _("Unknown service type.")})
    if len(categories) != len(set(payload.categories)):
        raise ValidationError({"categories": _("Unknown product category.")})
    contract = services.contract_create(
        agent=agent,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        regions=payload.regions,
        cities=payload.cities,
        service_types=service_types,
        categories=categories,
        note=payload.note,
        by=request.user,
    )
    return Status(201, contract)


@router.get(
    "/{int:agent_id}/grade", response={200: GradeOnOut, ERRORS: ErrorOut}, summary="Grade on a day"
)
def grade_on(request, agent_id: int, on: dt.date | None = None):
    """The agent's grade on a day (today by default), from its grade history."""
    agent = _agent(request.user, agent_id)
    day = on or timezone.localdate()
    return {"agent": agent.pk, "day": day, "grade": selectors.grade_on(agent, day)}


@router.post(
    "/{int:agent_id}/grade", response={201: GradeOnOut, ERRORS: ErrorOut}, summary="Give a grade"
)
@idempotent
def grade_assign(request, agent_id: int, payload: GradeAssignIn):
    demand(request.user, GradeAssignment, "add")
    agent = _agent(request.user, agent_id, "change")
    grade = get_object_or_404(Grade.objects.restrict(request.user, "view"), code=payload.grade)
    card = None
    if payload.scorecard is not None:
        card = get_object_or_404(
            Scorecard.objects.restrict(request.user, "view"), pk=payload.scorecard
        )
    services.grade_assign(
        agent=agent,
        grade=grade,
        valid_from=payload.valid_from,
        scorecard=card,
        note=payload.note,
        by=request.user,
    )
    return Status(201, {"agent": agent.pk, "day": payload.valid_from, "grade": grade})


@router.get(
    "/{int:agent_id}/may-take", response={200: MayTakeOut, ERRORS: ErrorOut}, summary="May take"
)
def may_take(request, agent_id: int, params: Query[MayTakeQuery]):
    """Whether the agent may take work of a category / service type on a day: active, under a
    contract that covers it, with a grade that allows it; and why not."""
    agent = _agent(request.user, agent_id)
    category = service_type = None
    if params.category is not None:
        category = get_object_or_404(Category.objects.all(), pk=params.category)
    if params.service_type is not None:
        service_type = get_object_or_404(ServiceType.objects.all(), pk=params.service_type)
    allowed, reasons = selectors.may_take(
        agent,
        day=params.on or timezone.localdate(),
        category=category,
        service_type=service_type,
    )
    return {"allowed": allowed, "reasons": reasons}


@router.get(
    "/{int:agent_id}/scorecards",
    response={200: list[ScorecardOut], ERRORS: ErrorOut},
    summary="Scorecards",
)
def scorecard_list(request, agent_id: int):
    agent = _agent(request.user, agent_id)
    return (
        Scorecard.objects.restrict(request.user, "view")
        .filter(agent=agent)
        .select_related("grade")
        .order_by("-period_end")
    )


@router.post(
    "/{int:agent_id}/scorecards",
    response={201: ScorecardOut, ERRORS: ErrorOut},
    summary="Compute a scorecard",
)
def scorecard_compute(request, agent_id: int, payload: PeriodIn):
    """Measure the agent's KPIs for the period and store its scorecard (computing again
    refreshes the same scorecard)."""
    demand(request.user, Scorecard, "add")
    agent = _agent(request.user, agent_id, "change")
    card = services.scorecard_compute(
        agent=agent, start=payload.start, end=payload.end, by=request.user
    )
    return Status(201, card)
