"""API schemas of the agent network."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from .choices import AgentStatus


class GradeOut(Schema):
    id: int
    code: str
    name: str
    rank: int
    min_score: Decimal
    tariff_level: int
    settlement_adjustment_percent: Decimal
    categories: list[int] = Field(default_factory=list, description="Empty: every category.")
    service_types: list[int] = Field(default_factory=list, description="Empty: every type.")

    @staticmethod
    def resolve_categories(grade):
        return [c.pk for c in grade.categories.all()]

    @staticmethod
    def resolve_service_types(grade):
        return [s.pk for s in grade.service_types.all()]


class AgentOut(Schema):
    id: int
    code: str
    name: str
    country: str
    region: str
    city: str
    phone: str
    email: str
    status: AgentStatus
    status_since: dt.datetime | None


class AgentFilters(Schema):
    status: AgentStatus | None = None
    q: str | None = Field(None, description="Code, name or city contains.")


class TransitionIn(Schema):
    to: AgentStatus
    note: str = ""


class EvaluationIn(Schema):
    ratings: dict[str, int] = Field(
        ..., description="A rating 0-10 for each active criterion, by the criterion's code."
    )
    note: str = ""


class EvaluationOut(Schema):
    id: int
    agent: int = Field(..., alias="agent_id")
    score: Decimal
    ratings: dict[str, int]
    evaluated_at: dt.datetime

    @staticmethod
    def resolve_ratings(evaluation):
        return {s.criterion.code: s.rating for s in evaluation.scores.select_related("criterion")}


class ContractIn(Schema):
    starts_on: dt.date
    ends_on: dt.date
    regions: list[str] = Field(default_factory=list)
    cities: list[str] = Field(default_factory=list)
    service_types: list[int] = Field(default_factory=list, description="Empty: every type.")
    categories: list[int] = Field(default_factory=list, description="Empty: every category.")
    note: str = ""


class ContractOut(Schema):
    id: int
    number: str
    agent: int = Field(..., alias="agent_id")
    starts_on: dt.date
    ends_on: dt.date
    terminated_on: dt.date | None
    regions: list[str]
    cities: list[str]
    service_types: list[int]
    categories: list[int]

    @staticmethod
    def resolve_service_types(contract):
        return [s.pk for s in contract.service_types.all()]

    @staticmethod
    def resolve_categories(contract):
        return [c.pk for c in contract.categories.all()]


class PeriodIn(Schema):
    start: dt.date
    end: dt.date


class ScorecardOut(Schema):
    id: int
    agent: int = Field(..., alias="agent_id")
    period_start: dt.date
    period_end: dt.date
    jobs: int
    values: dict[str, Decimal | None] = Field(
        ..., description="KPI values; rates are fractions 0..1, NPS -100..100."
    )
    points: dict[str, Decimal | None] = Field(..., description="Points 0..1 per KPI.")
    score: Decimal | None
    grade: str | None = Field(None, description="The code of the grade the score reaches.")

    @staticmethod
    def resolve_grade(card):
        return card.grade.code if card.grade_id else None


class GradeAssignIn(Schema):
    grade: str = Field(..., description="Grade code.")
    valid_from: dt.date
    scorecard: int | None = None
    note: str = ""


class GradeOnOut(Schema):
    agent: int
    day: dt.date
    grade: GradeOut | None


class MayTakeQuery(Schema):
    on: dt.date | None = None
    category: int | None = None
    service_type: int | None = None


class MayTakeOut(Schema):
    allowed: bool
    reasons: list[str]


class RegionOut(Schema):
    name: str
    verdict: str = Field(..., description="under, over, balanced or idle.")
    units: int
    requests: int
    requests_per_month: Decimal
    demand_hours: Decimal
    technicians: int
    capacity_hours: Decimal
    load: Decimal | None
    agents: list[int]

    @staticmethod
    def resolve_agents(region):
        return [agent.pk for agent in region.agents]


class PlanQuery(Schema):
    start: dt.date
    end: dt.date
    country: str | None = None
