"""What the workshop API reads and answers."""

import datetime as dt

from ninja import Field, Schema


class JobIn(Schema):
    request_id: int
    workshop_id: int
    arrival: str = Field(description="carried_in, technician, courier")
    condition: str
    accessories: str = ""
    reference: str = ""


class JobOut(Schema):
    id: int
    number: str
    request_id: int
    unit_id: int
    workshop_id: int
    status: str
    arrival: str
    reference: str
    received_at: dt.datetime
    received_by_id: int | None
    condition: str
    accessories: str
    intake_signed_by: str
    ready_at: dt.datetime | None
    handover: str
    repaired: bool | None
    unrepaired_reason: str
    returned_at: dt.datetime | None
    returned_to: str
    cancel_reason: str
    bench_visit_ids: list[int]

    @staticmethod
    def resolve_bench_visit_ids(obj) -> list[int]:
        return sorted(visit.pk for visit in obj.bench_visits.all())


class BenchIn(Schema):
    technician_id: int
    note: str = ""


class NoteIn(Schema):
    note: str = ""


class ReadyIn(Schema):
    handover: str = Field(description="collection, delivery")
    repaired: bool
    reason: str = ""
    note: str = ""


class ReturnIn(Schema):
    returned_to: str
    signature: str = Field("", description="a PNG data URL of the drawn signature, if any")
    note: str = ""


class CancelIn(Schema):
    reason: str


class WorkshopOut(Schema):
    id: int
    code: str
    name: str
    agent_id: int | None
    is_active: bool
