"""What the workforce API answers."""

import datetime as dt

from django.utils import timezone
from ninja import Field, Schema


class SkillOut(Schema):
    id: int
    code: str
    name: str


class CertificationOut(Schema):
    id: int
    technician_id: int
    qualification_id: int
    qualification: str = Field(alias="qualification.name")
    number: str
    issued_on: dt.date
    expires_on: dt.date | None
    state: str = Field(description="valid, expiring (within 30 days), expired or not_yet, today.")

    @staticmethod
    def resolve_state(obj) -> str:
        return str(obj.state_on(timezone.localdate()))


class TechnicianBrief(Schema):
    id: int
    full_name: str
    agent_id: int | None
    phone: str


class TechnicianOut(Schema):
    id: int
    first_name: str
    last_name: str
    full_name: str
    agent_id: int | None
    user_id: int | None
    phone: str
    is_active: bool
    categories: list[SkillOut] = Field(description="Empty, with no models: every category.")
    service_types: list[SkillOut] = Field(description="Empty: every type of service.")
    product_models: list[SkillOut]
    certifications: list[CertificationOut]
    home_latitude: float | None
    home_longitude: float | None
    shift_start: dt.time
    shift_end: dt.time
    break_minutes: int

    @staticmethod
    def resolve_categories(obj) -> list:
        return [_skill(c.pk, c.code, c.name) for c in obj.categories.all()]

    @staticmethod
    def resolve_service_types(obj) -> list:
        return [_skill(t.pk, t.code, t.name) for t in obj.service_types.all()]

    @staticmethod
    def resolve_product_models(obj) -> list:
        return [_skill(m.pk, m.code, m.name) for m in obj.product_models.all()]

    @staticmethod
    def resolve_certifications(obj) -> list:
        return list(obj.certifications.all())


def _skill(pk: int, code: str, name: str) -> dict:
    return {"id": pk, "code": code, "name": name}


class TechnicianFilters(Schema):
    q: str = Field("", description="Part of the first or last name.")
    agent_id: int | None = Field(None, description="0 for the maker's own technicians.")
    category_id: int | None = None
    is_active: bool | None = None


class WorkOut(Schema):
    category_id: int | None
    product_model_id: int | None
    service_type: str | None


class ExcludedOut(Schema):
    technician: TechnicianBrief
    reasons: list[str]


class CandidatesOut(Schema):
    on: dt.date
    work: WorkOut
    candidates: list[TechnicianBrief]
    excluded: list[ExcludedOut]


class QualificationOut(Schema):
    id: int
    name: str
    validity_months: int | None
    category_ids: list[int] = Field(description="Empty: work of every category.")
    service_types: list[str] = Field(description="Empty: every type of service.")
    is_active: bool

    @staticmethod
    def resolve_category_ids(obj) -> list[int]:
        return [c.pk for c in obj.categories.all()]

    @staticmethod
    def resolve_service_types(obj) -> list[str]:
        return [t.code for t in obj.service_types.all()]


class AssetOut(Schema):
    id: int
    kind: str
    code: str
    name: str
    serial: str
    plate: str
    is_active: bool
    held_by_id: int | None = Field(None, description="The technician holding it now.")
    odometer_km: int | None = None
    service_due: str = Field("unknown", description="ok, soon, overdue or unknown.")
    due_on: dt.date | None = None
    due_km: int | None = None


class ReadingIn(Schema):
    km: int = Field(ge=0)
    read_on: dt.date | None = None
    note: str = ""


class ReadingOut(Schema):
    id: int
    vehicle_id: int
    read_on: dt.date
    km: int
    note: str


class AbsenceOut(Schema):
    id: int
    technician_id: int
    technician: str = Field(alias="technician.full_name")
    kind: str = Field(description="leave, sick, training, public_duty or other.")
    starts_at: dt.datetime
    ends_at: dt.datetime
    all_day: bool = Field(description="Whole days: from the first day's midnight to the next.")
    first_day: dt.date = Field(description="The first day away (local time).")
    last_day: dt.date = Field(
        description="The last day away (local time): for whole days, the day before `ends_at`."
    )
    status: str = Field(description="requested, approved, refused or cancelled.")
    note: str
    requested_at: dt.datetime
    decided_at: dt.datetime | None
    decision_note: str


class AbsenceIn(Schema):
    """Whole days (`first_day`, `last_day`) or a period (`starts_at`, `ends_at`)."""

    technician_id: int | None = Field(None, description="A technician's own when left out.")
    kind: str = Field(description="leave, sick, training, public_duty or other.")
    first_day: dt.date | None = None
    last_day: dt.date | None = Field(None, description="The first day when left out.")
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    note: str = ""
    approved: bool = Field(
        False, description="Enter it approved at once (agents' staff, dispatchers, managers)."
    )


class VisitBrief(Schema):
    id: int
    number: str
    request_id: int
    window_start: dt.datetime
    window_end: dt.datetime


class AbsenceDecisionIn(Schema):
    approve: bool
    reason: str = ""


class AbsenceReasonIn(Schema):
    reason: str = ""


class AbsenceDecidedOut(Schema):
    absence: AbsenceOut
    visits: list[VisitBrief] = Field(
        description="The technician's planned visits within an approved absence: they need "
        "another technician."
    )


class AbsenceFilters(Schema):
    technician_id: int | None = None
    status: str | None = None
    kind: str | None = None
    away_on: dt.date | None = Field(None, description="Absences covering any part of this day.")
