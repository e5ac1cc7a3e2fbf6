"""What the service API reads and answers."""

import datetime as dt
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema


class RequestIn(Schema):
    customer_id: int
    service_type: str = Field(description="The code of the service type, e.g. `repair`.")
    unit_id: int | None = None
    address_id: int | None = None
    channel: str = "api"
    description: str
    contact_phone: str = ""
    preferred_date: dt.date | None = None


class RequestOut(Schema):
    id: int
    number: str
    service_type: str = Field(alias="service_type.code")
    customer_id: int
    unit_id: int | None
    channel: str
    description: str
    status: str
    priority: int
    priority_score: Decimal
    agent_id: int | None
    duplicate_of_id: int | None
    warranty_covered: bool | None
    warranty_until: dt.date | None
    warranty_reason: str
    calendar: str
    opened_at: dt.datetime
    response_due: dt.datetime | None
    resolution_due: dt.datetime | None
    responded_at: dt.datetime | None
    resolved_at: dt.datetime | None
    first_time_fix: bool | None

    @staticmethod
    def resolve_warranty_reason(obj):
        return obj.warranty_reason_shown  # in the caller's language


class TransitionIn(Schema):
    to: str
    note: str = ""


class DepartIn(Schema):
    minutes: int = Field(description="minutes to arrival, 1 to 480")


class CheckInIn(Schema):
    latitude: Decimal | None = None
    longitude: Decimal | None = None


class ScheduleIn(Schema):
    technician_id: int
    window_start: dt.datetime
    window_end: dt.datetime
    purpose: Literal["field", "delivery"] = Field(
        "field",
        description="`field`: service at the customer's; `delivery`: taking the unit to or "
        "from the customer (the only visit allowed while the unit is in a workshop).",
    )


class CloseIn(Schema):
    result: str
    labour_minutes: int = Field(ge=0)


class VisitOut(Schema):
    id: int
    number: str
    request_id: int
    technician_id: int
    window_start: dt.datetime
    window_end: dt.datetime
    status: str
    departed_at: dt.datetime | None
    expected_at: dt.datetime | None
    checked_in_at: dt.datetime | None
    checked_out_at: dt.datetime | None
    diagnosis: str
    labour_minutes: int
    result: str
    purpose: str
    follow_up_of_id: int | None
