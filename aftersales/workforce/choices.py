"""Choice sets of the workforce: training and equipment."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    STAFF = "staff", _("The maker's staff")
    AGENTS = "agents", _("Agents' staff")
    CUSTOMERS = "customers", _("Customers")
    EVERYONE = "everyone", _("Everyone")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class AttendanceStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ATTENDED = "attended", _("Attended")
    ABSENT = "absent", _("Absent")


class AssetKind(models.TextChoices):
    TOOL = "tool", _("Tool")
    VEHICLE = "vehicle", _("Vehicle")


class CertificateState(models.TextChoices):
    """Where a certification stands on a day."""

    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Expires soon")
    EXPIRED = "expired", _("Expired")
    NOT_YET = "not_yet", _("Not yet valid")


class ServiceDue(models.TextChoices):
    """Where a vehicle stands against its service interval."""

    OK = "ok", _("Not due")
    SOON = "soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    UNKNOWN = "unknown", _("No interval set")


class AbsenceKind(models.TextChoices):
    """Why a technician is away."""

    LEAVE = "leave", _("Leave")
    SICK = "sick", _("Sick")
    TRAINING = "training", _("Training course")
    PUBLIC_DUTY = "public_duty", _("Public duty")
    OTHER = "other", _("Other")


class AbsenceStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    CANCELLED = "cancelled", _("Cancelled")
