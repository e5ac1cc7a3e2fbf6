"""Schemas of the quality API."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from .choices import CapaKind, CapaSource, FailureSource, NeedAudience, NeedKind, NeedStatus


class ScopeQuery(Schema):
    product_model: int | None = Field(None, description="A product model's id.")
    category: int | None = Field(None, description="A category's id.")
    start: dt.date | None = Field(None, description="Failures on or after this day.")
    end: dt.date | None = Field(None, description="Failures on or before this day.")
    source: FailureSource = FailureSource.BOTH


class ParetoQuery(ScopeQuery):
    by: str = Field("code", pattern="^(code|part)$", description="`code` or `part`.")


class ParetoRowOut(Schema):
    key: str = Field(description="The failure code or the part's SKU; empty for 'others'.")
    label: str
    count: int
    share: float
    cumulative: float


class MatrixQuery(Schema):
    product_model: int | None = None
    category: int | None = None
    since: dt.date | None = Field(None, description="Units produced on or after this day.")
    months: int = Field(24, ge=1, le=120, description="Months in service (columns).")


class CellOut(Schema):
    claims: int
    at_risk: int
    per_1000: float


class MatrixRowOut(Schema):
    month: dt.date = Field(description="The production month (its first day).")
    units: int
    cells: list[CellOut | None] = Field(description="Per month in service; null: not reached.")


class MatrixOut(Schema):
    columns: list[int]
    rows: list[MatrixRowOut]


class ReliabilityQuery(Schema):
    product_model: int
    failure_code: int | None = None
    part: int | None = None


class ForecastMonthOut(Schema):
    month: dt.date
    claims: float
    cost: Decimal


class ReliabilityOut(Schema):
    units: int
    failures: int
    observed_until_months: int | None
    shape: float | None = Field(description="Weibull shape (beta); null when it cannot be fitted.")
    scale: float | None = Field(description="Weibull scale (eta), in months.")
    shape_ci: list[float] | None
    scale_ci: list[float] | None
    b10_months: float | None
    forecast: list[ForecastMonthOut] = []
    forecast_claims: float | None = None
    forecast_cost: Decimal | None = None
    currency: str | None = None


class WarningOut(Schema):
    id: int
    product_model: int = Field(alias="product_model_id")
    group_kind: str
    group: str
    window_months: int
    claims: int
    unit_months: Decimal
    expected: Decimal
    rate_ratio: Decimal
    p_value: float
    adjusted_p: float
    status: str
    detected_at: dt.datetime
    note: str


class ScanIn(Schema):
    window_months: int = Field(12, ge=1, le=60)
    alpha: float = Field(0.01, gt=0, lt=0.5, description="Family-wise false-alarm rate per scan.")


class DismissIn(Schema):
    note: str


class CapaIn(Schema):
    title: str
    source: CapaSource
    problem: str
    kind: CapaKind = CapaKind.CORRECTIVE
    defect_report: int | None = None
    warning: int | None = None
    complaint_code: str = ""
    product_model: int | None = None
    failure_code: int | None = None
    part: int | None = None
    owner: int | None = None
    due_date: dt.date | None = None


class CapaPlanIn(Schema):
    title: str | None = None
    root_cause_category: str | None = None
    root_cause: str | None = None
    production_action: str | None = None
    rnd_action: str | None = None
    owner: int | None = None
    due_date: dt.date | None = None
    effective_date: dt.date | None = None
    window_months: int | None = Field(None, ge=1, le=120)


class CapaOut(Schema):
    id: int
    number: str
    title: str
    kind: str
    source: str
    defect_report: int | None = Field(alias="defect_report_id")
    warning: int | None = Field(alias="warning_id")
    complaint: int | None = Field(alias="complaint_id")
    product_model: int | None = Field(alias="product_model_id")
    failure_code: int | None = Field(alias="failure_code_id")
    part: int | None = Field(alias="part_id")
    problem: str
    root_cause_category: str
    root_cause: str
    production_action: str
    rnd_action: str
    owner: int | None = Field(alias="owner_id")
    due_date: dt.date | None
    effective_date: dt.date | None
    status: str
    window_months: int
    claims_before: int | None
    claims_after: int | None
    rate_before: Decimal | None = Field(description="Claims per 1,000 unit-months.")
    rate_after: Decimal | None
    p_value: float | None
    verdict: str
    evidence: str
    verified_at: dt.datetime | None
    created_at: dt.datetime


class CapaCheckIn(Schema):
    """The check of an action on no product model: has the problem come back, what was checked."""

    effective: bool
    evidence: str = Field(..., min_length=1, max_length=5000)


class NeedIn(Schema):
    summary: str
    kind: NeedKind = NeedKind.NEED
    audience: NeedAudience = NeedAudience.RND
    details: str = ""
    product_model: int | None = None
    category: int | None = None


class NeedReviewIn(Schema):
    status: NeedStatus
    response: str = ""


class NeedOut(Schema):
    id: int
    summary: str
    kind: str
    audience: str
    details: str
    product_model: int | None = Field(alias="product_model_id")
    category: int | None = Field(alias="category_id")
    status: str
    response: str
    noted_at: dt.datetime


class ProcessVersionIn(Schema):
    requirements: str
    change_note: str
    detection: str = ""
    procedure: list[str] = []
    documents: list[str] = []
    targets: dict[str, Decimal] = {}


class ProcessVersionOut(Schema):
    id: int
    service_type: int = Field(alias="service_type_id")
    version: int
    requirements: str
    detection: str
    procedure: list[str]
    documents: list[str]
    targets: dict[str, str]
    change_note: str
    created_at: dt.datetime
