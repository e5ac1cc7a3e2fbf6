"""Choice sets of the agent network."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgentStatus(models.TextChoices):
    """An agent's life: it applies, is evaluated, selected, works, may be suspended, ends."""

    APPLICANT = "applicant", _("Applicant")
    EVALUATED = "evaluated", _("Evaluated")
    SELECTED = "selected", _("Selected")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    TERMINATED = "terminated", _("Terminated")
    REJECTED = "rejected", _("Rejected")


# Which state may follow which (the lifecycle's only doors).
TRANSITIONS: dict[str, frozenset[str]] = {
    AgentStatus.APPLICANT: frozenset({AgentStatus.EVALUATED, AgentStatus.REJECTED}),
    AgentStatus.EVALUATED: frozenset(
        {AgentStatus.EVALUATED, AgentStatus.SELECTED, AgentStatus.REJECTED}
    ),
    AgentStatus.SELECTED: frozenset({AgentStatus.ACTIVE, AgentStatus.REJECTED}),
    AgentStatus.ACTIVE: frozenset({AgentStatus.SUSPENDED, AgentStatus.TERMINATED}),
    AgentStatus.SUSPENDED: frozenset({AgentStatus.ACTIVE, AgentStatus.TERMINATED}),
    AgentStatus.TERMINATED: frozenset(),
    AgentStatus.REJECTED: frozenset(),
}


class DocumentKind(models.TextChoices):
    REGISTRATION = "registration", _("Company registration")
    LICENCE = "licence", _("Business licence")
    PREMISES = "premises", _("Premises (deed, lease, photos)")
    CERTIFICATE = "certificate", _("Staff certificate")
    FINANCIAL = "financial", _("Financial statement")
    CONTRACT = "contract", _("Signed contract")
    OTHER = "other", _("Other")


class Metric(models.TextChoices):
    """The KPIs of an agent's scorecard."""

    FIRST_TIME_FIX = "first_time_fix_rate", _("First-time fix rate")
    SLA = "sla_compliance", _("SLA compliance")
    CSAT = "csat", _("Customer satisfaction (share of 4-5 of 5)")
    NPS = "nps", _("Net promoter score (-100 to 100)")
    REPEAT = "repeat_visit_rate", _("Repeat-visit rate")
    COMPLAINTS = "complaints_per_100_jobs", _("Complaints per 100 jobs")
    CLAIM_REJECTION = "claim_rejection_rate", _("Warranty claim rejection rate")
    PART_RETURNS = "part_return_compliance", _("Defective-part return compliance")
    CERTIFIED = "certified_share", _("Share of certified technicians")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")
