"""The workforce's records: technicians and their certifications, training, tools and vehicles."""

from .absences import ABSENCE_DECIDERS, ABSENCE_ROLES, Absence
from .equipment import Asset, Handover, MileageReading
from .technicians import WARN_DAYS, Certification, Qualification, Technician, add_months
from .training import Attendance, Course, TrainingSession

__all__ = [
    "ABSENCE_DECIDERS",
    "ABSENCE_ROLES",
    "WARN_DAYS",
    "Absence",
    "Asset",
    "Attendance",
    "Certification",
    "Course",
    "Handover",
    "MileageReading",
    "Qualification",
    "Technician",
    "TrainingSession",
    "add_months",
]
