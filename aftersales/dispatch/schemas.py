"""What the dispatch API reads and answers."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from .choices import EngineChoice


class PlanIn(Schema):
    first_day: dt.date
    days: int = Field(1, ge=1, le=7)
    engine: str = Field(EngineChoice.VROOM, description="`vroom` (the optimiser) or `greedy`.")
    seconds: float = Field(5, gt=0, le=60, description="The planning time limit.")


class ReplanIn(Schema):
    seconds: float = Field(5, gt=0, le=60)


class PlanOut(Schema):
    id: int
    number: str
    first_day: dt.date
    days: int
    agent_id: int | None
    engine: str
    status: str
    planned_at: dt.datetime | None
    planning_seconds: Decimal
    travel_km: Decimal
    travel_minutes: int
    utilization: Decimal
    published_at: dt.datetime | None


class AssignmentOut(Schema):
    id: int
    plan_id: int
    request_id: int
    request_number: str = Field(alias="request.number")
    visit_id: int | None
    technician_id: int | None
    sequence: int
    arrives_at: dt.datetime | None
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    window_start: dt.datetime | None
    window_end: dt.datetime | None
    duration_minutes: int
    travel_km: Decimal
    travel_minutes: int
    sla_due: dt.datetime | None
    pinned: bool
    started: bool
    van_has_parts: bool
    reason: str = Field(description="Why it could not be placed (a code); empty when placed.")
    purpose: str = Field(description="`field` (service at the customer's) or `delivery`.")


class MoveIn(Schema):
    technician_id: int
    starts_at: dt.datetime
    seconds: float = Field(5, gt=0, le=60)


class PinIn(Schema):
    pinned: bool = True
