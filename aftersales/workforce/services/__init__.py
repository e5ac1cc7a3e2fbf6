"""Every write of the workforce: keyword-only, atomic, type-hinted."""

from .absences import (
    Decided,
    absence_cancel,
    absence_decide,
    absence_record,
    absence_request,
    whole_days,
)
from .equipment import (
    asset_create,
    asset_update,
    handover_issue,
    handover_return,
    mileage_record,
    vehicle_serviced,
)
from .technicians import (
    certification_add,
    certification_update,
    qualification_create,
    qualification_update,
    technician_create,
    technician_update,
)
from .training import (
    attendance_certify,
    attendance_mark,
    attendance_register,
    course_create,
    course_update,
    session_create,
    session_update,
)

__all__ = [
    "Decided",
    "absence_cancel",
    "absence_decide",
    "absence_record",
    "absence_request",
    "asset_create",
    "asset_update",
    "attendance_certify",
    "attendance_mark",
    "attendance_register",
    "certification_add",
    "certification_update",
    "course_create",
    "course_update",
    "handover_issue",
    "handover_return",
    "mileage_record",
    "qualification_create",
    "qualification_update",
    "session_create",
    "session_update",
    "technician_create",
    "technician_update",
    "vehicle_serviced",
    "whole_days",
]
