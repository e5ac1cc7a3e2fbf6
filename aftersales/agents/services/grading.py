"""Scorecards and grades."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from aftersales.core.models import User

from .. import scorecard
from ..choices import AgentStatus
from ..models import Agent, Grade, GradeAssignment, Scorecard


def _store(value):
    return None if value is None else str(value)


@transaction.atomic
def scorecard_compute(*, agent: Agent, start: dt.date, end: dt.date, by: User | None) -> Scorecard:
    """Measure the agent's KPIs for the period and store (or refresh) its scorecard."""
    if end < start:
        raise ValidationError({"end": _("The period cannot end before it starts.")})
    result = scorecard.compute(agent, start=start, end=end)
    card, _created = Scorecard.objects.update_or_create(
        agent=agent,
        period_start=start,
        period_end=end,
        defaults={
            "jobs": result.jobs,
            "values": {key: _store(value) for key, value in result.values.items()},
            "points": {key: _store(value) for key, value in result.points.items()},
            "score": result.score,
            "grade": result.grade,
            "computed_by": by,
        },
    )
    return card


def scorecards_compute(*, start: dt.date, end: dt.date, by: User | None) -> list[Scorecard]:
    """The scorecards of every active or suspended agent for the period (one transaction each)."""
    agents = Agent.objects.filter(status__in=(AgentStatus.ACTIVE, AgentStatus.SUSPENDED)).order_by(
        "code"
    )
    return [scorecard_compute(agent=agent, start=start, end=end, by=by) for agent in agents]


@transaction.atomic
def grade_assign(
    *,
    agent: Agent,
    grade: Grade,
    valid_from: dt.date,
    by: User | None,
    scorecard: Scorecard | None = None,
    note: str = "",
) -> GradeAssignment:
    """Give the agent `grade` from `valid_from`: a new line of its grade history."""
    if scorecard is not None and scorecard.agent_id != agent.pk:
        raise ValidationError(_("That scorecard belongs to another agent."))
    if not grade.is_active:
        raise ValidationError({"grade": _("That grade is no longer in use.")})
    if GradeAssignment.objects.filter(agent=agent, valid_from=valid_from).exists():
        raise ValidationError({"valid_from": _("The agent already has a grade from that day.")})
    return GradeAssignment.objects.create(
        agent=agent,
        grade=grade,
        valid_from=valid_from,
        scorecard=scorecard,
        note=note,
        decided_by=by,
    )
