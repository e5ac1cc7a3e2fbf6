"""Choice sets of quality and reliability."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class GroupKind(models.TextChoices):
    """What an early warning compares with the rest of its model."""

    BATCH = "batch", _("Production batch")
    MONTH = "month", _("Production month")


class WarningStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("early warning", "Open")
    INVESTIGATING = "investigating", _("Under investigation")
    DISMISSED = "dismissed", _("Dismissed")


class CapaSource(models.TextChoices):
    DEFECT_REPORT = "defect", _("Defect report")
    EARLY_WARNING = "warning", _("Early warning")
    COMPLAINT = "complaint", _("Complaint")
    OTHER = "other", _("Other finding")


class CapaKind(models.TextChoices):
    CORRECTIVE = "corrective", _("Corrective")
    PREVENTIVE = "preventive", _("Preventive")


class CapaStatus(models.TextChoices):
    INVESTIGATING = "investigating", _("Investigating the root cause")
    PLANNED = "planned", _("Actions planned")
    IMPLEMENTED = "implemented", _("Implemented, to verify")
    EFFECTIVE = "effective", _("Verified effective")
    NOT_EFFECTIVE = "not_effective", _("Not effective")
    CANCELLED = "cancelled", pgettext_lazy("corrective action", "Cancelled")


# an action found not effective is still open: it is planned again (or cancelled)
OPEN_CAPA = frozenset(
    {
        CapaStatus.INVESTIGATING,
        CapaStatus.PLANNED,
        CapaStatus.IMPLEMENTED,
        CapaStatus.NOT_EFFECTIVE,
    }
)


class RootCause(models.TextChoices):
    """The 6M categories of an Ishikawa diagram."""

    DESIGN = "design", _("Design")
    MATERIAL = "material", _("Material or supplier part")
    METHOD = "method", _("Production method")
    MACHINE = "machine", _("Machine or tooling")
    PEOPLE = "people", _("People (assembly, installation)")
    MEASUREMENT = "measurement", _("Measurement or testing")
    ENVIRONMENT = "environment", _("Environment or use")
    INSTRUCTIONS = "instructions", _("Instructions for use")


class Verdict(models.TextChoices):
    EFFECTIVE = "effective", _("The claim rate fell")
    NOT_EFFECTIVE = "not_effective", _("No significant fall")
    TOO_EARLY = "too_early", _("Not enough data after the action yet")
    # an action on no product (a process, a procedure, people) is checked by hand, with evidence
    CHECKED_EFFECTIVE = "checked_ok", _("Checked: the problem has not come back")
    CHECKED_NOT_EFFECTIVE = "checked_no", _("Checked: the problem is still there")


class NeedKind(models.TextChoices):
    NEED = "need", _("Customer need")
    IDEA = "idea", _("Product idea")
    EXPECTATION = "expectation", _("Expectation not met")
    COMPETITION = "competition", _("Competitor comparison")


class NeedAudience(models.TextChoices):
    RND = "rnd", _("R&D")
    MARKET = "market", _("Market research")


class NeedStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("customer need", "New")
    FORWARDED = "forwarded", _("Forwarded")
    ACCEPTED = "accepted", _("Accepted for the portfolio")
    DECLINED = "declined", _("Declined")


class FailureSource(models.TextChoices):
    BOTH = "both", _("Claims and visits")
    CLAIMS = "claims", _("Warranty claims")
    VISITS = "visits", _("Visits")
