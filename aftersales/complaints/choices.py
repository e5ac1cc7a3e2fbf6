"""Choice sets of complaint handling (ISO 10002)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """The steps of ISO 10002 a complaint goes through, in order."""

    RECEIVED = "received", _("Received")
    ASSESSED = "assessed", _("Assessed")
    INVESTIGATING = "investigating", _("Under investigation")
    RESPONDED = "responded", _("Answered, waiting for the customer")
    APPEALED = "appealed", _("Appealed")
    FOLLOW_UP = "follow_up", _("Follow-up")
    CLOSED = "closed", _("Closed")


OPEN_STAGES = frozenset(set(Stage) - {Stage.CLOSED})
# stages someone on our side must act on by a deadline (RESPONDED waits for the customer)
TIMED_STAGES = (
    Stage.RECEIVED,
    Stage.ASSESSED,
    Stage.INVESTIGATING,
    Stage.APPEALED,
    Stage.FOLLOW_UP,
)


class Severity(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    CRITICAL = 4, _("Critical")


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    WEB = "web", _("Web form")
    WALK_IN = "walk_in", _("Walk-in")
    LETTER = "letter", _("Letter")
    SOCIAL = "social", _("Social media")
    AGENT = "agent", _("Through an agent")
    API = "api", _("API")


class Remedy(models.TextChoices):
    """What the customer asks for."""

    REPAIR = "repair", _("Repair")
    REPLACEMENT = "replacement", _("Replacement")
    REFUND = "refund", _("Refund")
    COMPENSATION = "compensation", _("Compensation")
    APOLOGY = "apology", _("An apology")
    EXPLANATION = "explanation", _("An explanation")
    OTHER = "other", _("Something else")


class RootCause(models.TextChoices):
    PRODUCT_DESIGN = "product_design", _("Product design")
    MANUFACTURING = "manufacturing", _("Manufacturing defect")
    INSTALLATION = "installation", _("Installation")
    WORKMANSHIP = "workmanship", _("Technician's workmanship")
    PARTS = "parts", _("Spare parts availability")
    DELAY = "delay", _("Delay or missed appointment")
    COMMUNICATION = "communication", _("Communication")
    BEHAVIOUR = "behaviour", _("Staff behaviour")
    BILLING = "billing", _("Billing or charges")
    WARRANTY = "warranty", _("Warranty terms")
    MISUSE = "misuse", _("Use not as instructed")
    OTHER = "other", _("Other")


class Decision(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")
    REJECTED = "rejected", _("Not upheld")


class EventKind(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledgement sent")
    ASSESSED = "assessed", _("Assessed")
    ASSIGNED = "assigned", _("Assigned")
    INVESTIGATED = "investigated", _("Investigation recorded")
    RESPONDED = "responded", _("Decision sent to the customer")
    ACCEPTED = "accepted", _("Accepted by the customer")
    APPEALED = "appealed", _("Appealed by the customer")
    ESCALATED = "escalated", _("Escalated")
    FOLLOWED_UP = "followed_up", _("Followed up")
    CLOSED = "closed", _("Closed")
    NOTE = "note", _("Note")
