"""What the complaints API reads and answers."""

import datetime as dt

from ninja import Field, Schema


class ComplaintIn(Schema):
    channel: str = "api"
    subject: str
    description: str
    remedy_sought: str = Field(
        description="repair, replacement, refund, compensation, apology, explanation, other"
    )
    remedy_details: str = ""
    customer_id: int | None = None
    unit_id: int | None = None
    request_id: int | None = None
    visit_id: int | None = None
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    language: str = ""
    severity: int | None = Field(None, ge=1, le=4)
    is_safety: bool = False


class ComplaintOut(Schema):
    id: int
    code: str
    received_at: dt.datetime
    channel: str
    stage: str
    severity: int
    is_safety: bool
    subject: str
    remedy_sought: str
    due_at: dt.datetime | None
    escalation_level: int
    root_cause: str
    decision: str
    responded_at: dt.datetime | None
    closed_at: dt.datetime | None
    customer_id: int | None
    unit_id: int | None
    request_id: int | None
    visit_id: int | None
    agent_id: int | None
    technician_id: int | None
    product_model_id: int | None
    assignee_id: int | None


class AssessIn(Schema):
    severity: int = Field(..., ge=1, le=4)
    is_safety: bool = False
    note: str = ""
    assignee_id: int | None = None


class AssignIn(Schema):
    assignee_id: int


class InvestigateIn(Schema):
    root_cause: str
    findings: str


class RespondIn(Schema):
    decision: str = Field(description="upheld, partly_upheld, rejected")
    resolution: str


class FollowUpIn(Schema):
    note: str
    satisfied: bool | None = None


class CloseIn(Schema):
    note: str = ""


class TrackOut(Schema):
    """The public view of a complaint: no personal data."""

    code: str
    stage: str
    stage_label: str
    received_on: dt.date
    decision: str
    closed_on: dt.date | None
