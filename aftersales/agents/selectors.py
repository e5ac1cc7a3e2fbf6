"""Reads of the agent network that are more than one filter."""

import datetime as dt
from decimal import Decimal

from django.db.models import Q, QuerySet

from aftersales.core.choices import Role

from .choices import TRANSITIONS, AgentStatus, Metric
from .models import (
    Agent,
    AgentDocument,
    AgentEquipment,
    Application,
    Contract,
    Evaluation,
    EvaluationScore,
    Grade,
    GradeAssignment,
    ImprovementAction,
    Review,
    Scorecard,
    ScorecardMetric,
    StatusChange,
    Target,
)


def grade_on(agent: Agent, day: dt.date) -> Grade | None:
    """The agent's grade on `day`: the latest grade assignment that started on or before it."""
    assignment = (
        GradeAssignment.objects.filter(agent=agent, valid_from__lte=day)
        .select_related("grade")
        .order_by("-valid_from", "-pk")
        .first()
    )
    return assignment.grade if assignment else None


def grade_history(agent: Agent) -> QuerySet[GradeAssignment]:
    return agent.grades.select_related("grade", "scorecard", "decided_by").order_by(
        "-valid_from", "-pk"
    )


def contract_on(agent: Agent, day: dt.date) -> Contract | None:
    """The agent's contract in force on `day` (the latest one that started), if any."""
    return (
        Contract.objects.filter(agent=agent, starts_on__lte=day, ends_on__gte=day)
        .filter(Q(terminated_on__isnull=True) | Q(terminated_on__gte=day))
        .order_by("-starts_on", "-pk")
        .first()
    )


def may_take(
    agent: Agent, *, day: dt.date, category=None, service_type=None
) -> tuple[bool, list[str]]:
    """Whether the agent may take work of this category / service type on `day`, and why not.

    The agent must be active, hold a contract in force that covers the work, and its grade on
    that day (when it has one) must allow the work.
    """
    from django.utils.translation import gettext as _

    reasons: list[str] = []
    if agent.status != AgentStatus.ACTIVE:
        reasons.append(_("The agent is not active."))
    contract = contract_on(agent, day)
    if contract is None:
        reasons.append(_("The agent has no contract in force on that day."))
    else:
        reasons += _not_covered(contract, category, service_type, by=_("the contract"))
    reasons += grade_refuses(agent, day=day, category=category, service_type=service_type)
    return not reasons, reasons


def grade_refuses(agent: Agent, *, day: dt.date, category=None, service_type=None) -> list[str]:
    """Why the agent's grade on `day` does not allow this work (empty: it does, or no grade).

    The service desk asks this when it routes a new request to the unit's agent: work the grade
    does not allow goes to the maker's own desk instead, and an agent's staff cannot open it."""
    from django.utils.translation import gettext as _

    grade = grade_on(agent, day)
    if grade is None:
        return []
    return _not_covered(
        grade, category, service_type, by=_("grade %(code)s") % {"code": grade.code}
    )


def _not_covered(source, category, service_type, *, by) -> list[str]:
    from django.utils.translation import gettext as _

    reasons = []
    if category is not None:
        allowed = set(source.categories.values_list("pk", flat=True))
        if allowed and category.pk not in allowed:
            reasons.append(
                _("%(source)s does not allow the category %(category)s.")
                % {"source": by, "category": category}
            )
    if service_type is not None:
        allowed = set(source.service_types.values_list("pk", flat=True))
        if allowed and service_type.pk not in allowed:
            reasons.append(
                _("%(source)s does not allow the service type %(type)s.")
                % {"source": by, "type": service_type}
            )
    return reasons


# who reads an agent's tax identity and bank account: finance, managers, and the agent's own staff
BANK_READERS = frozenset({Role.FINANCE, Role.MANAGER, Role.ADMIN})


def sees_bank_details(user, agent: Agent) -> bool:
    if user.role in BANK_READERS:
        return True
    return user.role == Role.AGENT and user.agent_id == agent.pk


def active_agents() -> QuerySet[Agent]:
    return Agent.objects.filter(status=AgentStatus.ACTIVE)


LOWER_IS_BETTER = frozenset({Metric.REPEAT, Metric.COMPLAINTS, Metric.CLAIM_REJECTION})


def target_met(metric: str, value: Decimal | None, target: Decimal) -> bool | None:
    """Whether `value` reaches `target` (None when there is no value)."""
    if value is None:
        return None
    return value <= target if metric in LOWER_IS_BETTER else value >= target


def scorecard_rows(card: Scorecard) -> list[dict]:
    """One row per KPI: its value, points, weight and the agent's target for the period."""
    settings = {m.metric: m for m in ScorecardMetric.objects.all()}
    targets = {}  # the targets of periods that overlap the scorecard's, the latest first
    for target in Target.objects.filter(
        agent=card.agent_id, period_start__lte=card.period_end, period_end__gte=card.period_start
    ).order_by("period_start", "pk"):
        targets[target.metric] = target.value
    rows = []
    for metric in Metric:
        value = card.value_of(metric.value)
        raw_points = card.points.get(metric.value)
        setting = settings.get(metric.value)
        target = targets.get(metric.value)
        rows.append(
            {
                "metric": metric.value,
                "label": metric.label,
                "value": value,
                "points": None if raw_points is None else Decimal(raw_points),
                "weight": setting.weight if setting and setting.is_active else None,
                "target": target,
                "met": None if target is None else target_met(metric.value, value, target),
                "is_rate": metric.value not in (Metric.NPS, Metric.COMPLAINTS),
            }
        )
    return rows


def scorecard_trend(agent: Agent, *, user, limit: int = 8) -> list[Scorecard]:
    """The agent's latest scorecards, oldest first (for a trend)."""
    cards = Scorecard.objects.restrict(user, "view").filter(agent=agent).select_related("grade")
    return list(cards.order_by("-period_end")[:limit])[::-1]


def equipment_checklist(agent: Agent, *, day: dt.date) -> list[dict]:
    """What the agent's grade on `day` requires against what the agent holds, then the rest it
    holds."""
    grade = grade_on(agent, day)
    held = {h.equipment_id: h for h in agent.equipment.select_related("equipment")}
    rows = []
    if grade is not None:
        for item in grade.required_equipment.filter(is_active=True).order_by("code"):
            holding = held.pop(item.pk, None)
            quantity = holding.quantity if holding else 0
            rows.append(
                {
                    "equipment": item,
                    "required": item.quantity,
                    "held": quantity,
                    "checked_on": holding.checked_on if holding else None,
                    "ok": quantity >= item.quantity,
                }
            )
    for holding in held.values():
        rows.append(
            {
                "equipment": holding.equipment,
                "required": 0,
                "held": holding.quantity,
                "checked_on": holding.checked_on,
                "ok": True,
            }
        )
    return rows


def agent_file(agent: Agent, *, user, today: dt.date) -> dict:
    """Everything on an agent's page that `user` may see: lifecycle, grading, performance."""
    from django.db.models import Prefetch

    def mine(model):
        return model.objects.restrict(user, "view").filter(agent=agent)

    cards = scorecard_trend(agent, user=user)
    latest = cards[-1] if cards else None
    return {
        "application": Application.objects.restrict(user, "view")
        .filter(agent=agent)
        .prefetch_related("categories", "service_types")
        .first(),
        "evaluations": mine(Evaluation).prefetch_related(
            Prefetch("scores", EvaluationScore.objects.select_related("criterion"))
        ),
        "status_changes": mine(StatusChange).select_related("by"),
        "contracts": mine(Contract).prefetch_related("service_types", "categories"),
        "contract_now": contract_on(agent, today),
        "documents": mine(AgentDocument),
        "grade_now": grade_on(agent, today),
        "grade_history": GradeAssignment.objects.restrict(user, "view")
        .filter(agent=agent)
        .select_related("grade", "scorecard"),
        "scorecards": cards,
        "latest_scorecard": latest,
        "latest_rows": scorecard_rows(latest) if latest else [],
        "trend": {
            "labels": [str(card.period_end) for card in cards],
            "values": [None if card.score is None else float(card.score) for card in cards],
        },
        "targets": mine(Target),
        "actions": mine(ImprovementAction).select_related("owner"),
        "reviews": mine(Review).select_related("reviewed_by", "scorecard"),
        "equipment_rows": equipment_checklist(agent, day=today),
        "today": today,
        "may": {
            "change": Agent.policy.allows(user, "change"),
            "evaluate": Evaluation.policy.allows(user, "add"),
            "contract": Contract.policy.allows(user, "add"),
            "view_contract": Contract.policy.allows(user, "view"),
            "document": AgentDocument.policy.allows(user, "add"),
            "score": Scorecard.policy.allows(user, "add"),
            "target": Target.policy.allows(user, "add"),
            "action": ImprovementAction.policy.allows(user, "add"),
            "review": Review.policy.allows(user, "add"),
            "equipment": AgentEquipment.policy.allows(user, "add"),
        },
        "transitions": bool(TRANSITIONS.get(agent.status)),
    }


def portal_tiles(user) -> list[dict]:
    """Counts and links into the lists that already narrow to the user's agent."""
    from django.urls import NoReverseMatch, reverse
    from django.utils.translation import gettext_lazy as _

    from aftersales.parts.models import CounterSale, DefectiveReturn, StockLevel
    from aftersales.service.choices import OPEN_STATUSES, VisitStatus
    from aftersales.service.models import ServiceRequest, Visit
    from aftersales.warranty.models import Claim

    tiles = [
        (
            _("Open requests"),
            "chat-left-text",
            ServiceRequest.objects.restrict(user, "view").filter(status__in=OPEN_STATUSES),
            "service:queue",
            "state=open",
        ),
        (
            _("Planned visits"),
            "calendar-check",
            Visit.objects.restrict(user, "view").filter(status=VisitStatus.PLANNED),
            "service:visits",
            f"status={VisitStatus.PLANNED}",
        ),
        (
            _("Warranty claims"),
            "clipboard-check",
            Claim.objects.restrict(user, "view"),
            "warranty:claims",
        ),
        (
            _("Parts bought"),
            "cart",
            CounterSale.objects.restrict(user, "view").filter(agent_id=user.agent_id),
            "parts:sales",
            f"agent={user.agent_id}",
        ),
        (
            _("Parts returns"),
            "arrow-return-left",
            DefectiveReturn.objects.restrict(user, "view"),
            "parts:returns",
        ),
        (_("Parts in stock"), "boxes", StockLevel.objects.restrict(user, "view"), "parts:stock"),
    ]
    try:
        from aftersales.settlements.models import Settlement

        tiles.append(
            (
                _("Settlements"),
                "cash-coin",
                Settlement.objects.restrict(user, "view"),
                "settlements:list",
            )
        )
    except ImportError:  # settlements not installed
        pass
    rows = []
    for label, icon, queryset, url_name, *query in tiles:
        try:
            url = reverse(url_name)
        except NoReverseMatch:  # the list is not there (yet): the count still shows
            url = None
        if url and query:  # the list filtered as the count is, so the two agree
            url = f"{url}?{query[0]}"
        rows.append({"label": label, "icon": icon, "count": queryset.count(), "url": url})
    return rows
