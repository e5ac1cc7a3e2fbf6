"""API schemas of the warranty: coverage decisions, policies, claims."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from .choices import ClaimStatus, Exclusion, LineKind, Submitter


class LineIn(Schema):
    kind: LineKind
    part: int | None = Field(None, description="Part id, for a part line.")


class CoverageQuery(Schema):
    on: dt.datetime | dt.date | None = Field(
        None, description="Day or moment of the failure (now when not given)."
    )
    meter: Decimal | None = Field(None, description="Meter reading; the last recorded if not.")


class CoverageIn(CoverageQuery):
    lines: list[LineIn] = Field(default_factory=list)
    causes: list[Exclusion] = Field(default_factory=list)


class LineOut(Schema):
    kind: str
    part: int | None = Field(None, alias="part_id")
    covered_pct: Decimal
    payer: str
    rule: str
    source: str
    reason: str
    covered_until: dt.date | None


class DecisionOut(Schema):
    unit: int = Field(..., alias="unit_id")
    day: dt.date
    time_zone: str
    covered: bool
    covered_until: dt.date | None
    warranty_start: dt.date | None
    warranty_end: dt.date | None
    legal_end: dt.date | None
    commitment_end: dt.date | None
    contract_end: dt.date | None
    usage_limit: Decimal | None
    remaining_usage: Decimal | None
    lines: list[LineOut]
    notes: list[str]

    @staticmethod
    def resolve_notes(obj):
        return [str(note) for note in obj.notes]


class PolicyOut(Schema):
    id: int
    name: str
    product_model: int | None = Field(None, alias="product_model_id")
    category: int | None = Field(None, alias="category_id")
    valid_from: dt.date | None
    start_event: str
    months: int | None
    usage_limit: Decimal | None
    parts_pct: Decimal
    labour_pct: Decimal
    travel_pct: Decimal
    exclusions: list[str]
    transferable: bool
    registration_days: int | None
    is_active: bool


class ClaimPartIn(Schema):
    part: int = Field(..., description="Part id.")
    quantity: int = Field(1, ge=1, le=100)
    amount: Decimal = Field(..., ge=0)
    faulty_serial: str = Field("", max_length=60)
    return_required: bool = False


class ClaimIn(Schema):
    """A claim for a finished job. Decided automatically on submission."""

    unit: int = Field(..., description="Unit id.")
    failure_date: dt.date
    meter: Decimal | None = Field(None, ge=0)
    failure_codes: list[str] = Field(default_factory=list, description="Failure code codes.")
    parts: list[ClaimPartIn] = Field(default_factory=list, max_length=50)
    labour_minutes: int = Field(0, ge=0, le=10_000)
    labour_amount: Decimal = Field(Decimal(0), ge=0)
    travel_amount: Decimal = Field(Decimal(0), ge=0)
    currency: str = Field("IRR", pattern="^(IRR|EUR)$")
    repair_started: dt.date | None = None
    repair_finished: dt.date | None = None
    causes: list[Exclusion] = Field(default_factory=list)
    submitter: Submitter = Submitter.AGENT
    external_ref: str = Field("", max_length=60, description="The agent's own job number.")


class ReasonOut(Schema):
    code: str
    text: str


class ClaimPartOut(Schema):
    part: int = Field(..., alias="part_id")
    quantity: int
    amount: Decimal
    approved_amount: Decimal
    faulty_serial: str
    return_required: bool
    return_due: dt.date | None
    returned_at: dt.date | None


class ClaimOut(Schema):
    id: int
    number: str
    unit: int = Field(..., alias="unit_id")
    agent: int | None = Field(None, alias="agent_id")
    external_ref: str
    failure_date: dt.date
    status: ClaimStatus
    claimed_total: Decimal
    approved_total: Decimal
    currency: str
    reasons: list[ReasonOut]
    parts: list[ClaimPartOut]
    submitted_at: dt.datetime

    @staticmethod
    def resolve_reasons(obj):
        from .adjudication import reason_text

        return [{"code": r.get("code", ""), "text": reason_text(r)} for r in obj.reasons]

    @staticmethod
    def resolve_parts(obj):
        return list(obj.parts.all())


class DecideIn(Schema):
    to: ClaimStatus
    note: str = Field("", max_length=300)
    approved_total: Decimal | None = Field(None, ge=0)


class ClaimFilters(Schema):
    status: ClaimStatus | None = None
    unit: int | None = None
