"""Choice sets of service delivery."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    CHAT = "chat", _("Chat")
    EMAIL = "email", _("E-mail")
    WALK_IN = "walk_in", _("Walk-in")
    WEB = "web", _("Web")
    AGENT = "agent", _("Agent")
    API = "api", _("API")
    PROACTIVE = "proactive", _("Proactive (plan or campaign)")


class Status(models.TextChoices):
    NEW = "new", _("New")
    TRIAGED = "triaged", _("Triaged")
    SCHEDULED = "scheduled", _("Scheduled")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_PARTS = "waiting_parts", _("On hold: waiting for parts")
    WAITING_CUSTOMER = "waiting_customer", _("On hold: waiting for the customer")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")
    REOPENED = "reopened", _("Reopened")


OPEN_STATUSES = frozenset(set(Status) - {Status.RESOLVED, Status.CLOSED, Status.CANCELLED})


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


class BusinessCalendarCode(models.TextChoices):
    IRAN = "IR", _("Iran")
    ITALY = "IT", _("Italy")


class IntakeField(models.TextChoices):
    """Fields an intake form may require, per service type."""

    UNIT = "unit", _("Unit")
    ADDRESS = "address", _("Address")
    PREFERRED_DATE = "preferred_date", _("Preferred date")
    CONTACT_PHONE = "contact_phone", _("Contact phone")


class VisitStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ON_SITE = "on_site", _("On site")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class VisitPurpose(models.TextChoices):
    """What a visit is for: service at the customer's, bench work in a workshop, or taking the
    unit to or from the customer (the workshop's delivery or pick-up)."""

    FIELD = "field", _("Service at the customer's")
    BENCH = "bench", _("Bench work in a workshop")
    DELIVERY = "delivery", _("Delivery or pick-up of the unit")


# visits that go to the customer's address
AWAY_PURPOSES = frozenset({VisitPurpose.FIELD, VisitPurpose.DELIVERY})


class VisitResult(models.TextChoices):
    FIXED = "fixed", _("Fixed")
    NEEDS_PARTS = "needs_parts", _("Needs parts")
    NEEDS_WORKSHOP = "needs_workshop", _("Needs workshop")
    UNIT_REPLACED = "unit_replaced", _("Unit replaced")
    NOT_REPRODUCIBLE = "not_reproducible", _("Not reproducible")


FIXING_RESULTS = frozenset({VisitResult.FIXED, VisitResult.UNIT_REPLACED})


class SlaState(models.TextChoices):
    OK = "ok", _("On time")
    WARNING = "warning", _("Due soon")
    BREACHED = "breached", _("Breached")
    PAUSED = "paused", _("Paused")
    MET = "met", _("Met")


class DefectStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged by production")
    CLOSED = "closed", _("Closed")


class ContactStatus(models.TextChoices):
    PENDING = "pending", _("To contact")
    CONTACTED = "contacted", _("Contacted")
    DONE = "done", _("Done")
    UNREACHABLE = "unreachable", _("Unreachable")
    DECLINED = "declined", _("Declined")


class SupportKind(models.TextChoices):
    REMOTE = "remote", _("Remote troubleshooting")
    TRAINING = "training", _("Customer training")


class SupportOutcome(models.TextChoices):
    SOLVED = "solved", _("Solved")
    NEEDS_VISIT = "needs_visit", _("Needs a visit")
    NO_ANSWER = "no_answer", _("Customer did not answer")
    TRAINED = "trained", _("Users trained")
