"""API schemas of the warranty: coverage decisions, policies, claims and their follow-ups."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from .choices import (
    ActionKind,
    ClaimStatus,
    Exclusion,
    GuaranteeKind,
    LineKind,
    RecoveryStatus,
    Submitter,
)


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


# Follow-ups of a claim: call-backs, supplier recoveries; guarantees as actions ----------------


class CallbackIn(Schema):
    """Call the faulty part of a claim line back (a return authorization of the parts app)."""

    source: int = Field(..., description="Warehouse id holding the faulty part as defective stock.")
    quantity: int | None = Field(None, ge=1, description="The line's quantity when not given.")


class ReturnBriefOut(Schema):
    id: int
    number: str
    source: int = Field(..., alias="source_id")
    destination: int = Field(..., alias="destination_id")
    quantity: int
    status: str
    result: str
    inspection_note: str
    authorized_at: dt.datetime
    shipped_at: dt.datetime | None
    received_at: dt.datetime | None
    inspected_at: dt.datetime | None


class CallbackOut(Schema):
    """A claim line whose faulty part was called back, with its return authorization."""

    line: int = Field(..., alias="pk")
    claim: int = Field(..., alias="claim_id")
    claim_number: str = Field(..., alias="claim.number")
    part: int = Field(..., alias="part_id")
    sku: str = Field(..., alias="part.sku")
    quantity: int
    return_required: bool
    return_due: dt.date | None
    returned_at: dt.date | None
    defective_return: ReturnBriefOut


class RecoveryIn(Schema):
    line: int | None = Field(None, description="Claim line id; the whole claim when not given.")
    supplier: str = Field(
        "", max_length=200, description="Empty: the supplier named on the part's rule."
    )
    amount: Decimal | None = Field(None, ge=0, description="Empty: the approved amount.")
    note: str = Field("", max_length=500)


class RecoveryMoveIn(Schema):
    to: RecoveryStatus
    recovered_amount: Decimal | None = Field(None, ge=0)
    note: str = Field("", max_length=500)


class RecoveryOut(Schema):
    id: int
    number: str
    claim: int = Field(..., alias="claim_id")
    claim_number: str = Field(..., alias="claim.number")
    line: int | None = Field(None, alias="line_id")
    supplier: str
    amount: Decimal
    currency: str
    status: RecoveryStatus
    recovered_amount: Decimal
    note: str
    created_at: dt.datetime
    closed_at: dt.datetime | None


class RecoveryFilters(Schema):
    status: RecoveryStatus | None = None
    claim: int | None = None


class ProposalOut(Schema):
    rule: GuaranteeKind
    reason: str

    @staticmethod
    def resolve_reason(obj):
        return str(obj["reason"])


class GuaranteeAcceptIn(Schema):
    rule: GuaranteeKind
    new_unit: int | None = Field(None, description="For a replacement: the new unit's id.")
    note: str = Field("", max_length=500)


class GuaranteeActionOut(Schema):
    id: int
    unit: int = Field(..., alias="unit_id")
    kind: ActionKind
    rule: GuaranteeKind
    basis: str
    new_unit: int | None = Field(None, alias="new_unit_id")
    note: str
    decided_by: int | None = Field(None, alias="decided_by_id")
    decided_at: dt.datetime
