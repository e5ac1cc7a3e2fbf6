"""Choice sets of the warranty app."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StartEvent(models.TextChoices):
    SALE = "sale", _("Sale date")
    INSTALLATION = "install", _("Installation date")
    REGISTRATION = "register", _("Registration date")


class LineKind(models.TextChoices):
    PART = "part", _("Part")
    LABOUR = "labour", _("Labour")
    TRAVEL = "travel", _("Travel")


class Payer(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    MANUFACTURER = "maker", _("Manufacturer")
    AGENT = "agent", _("Agent")
    SUPPLIER = "supplier", _("Supplier")


class Exclusion(models.TextChoices):
    """Causes of a failure that a warranty may exclude."""

    MISUSE = "misuse", _("Misuse")
    ACCIDENT = "accident", _("Accident")
    NATURAL_DISASTER = "disaster", _("Natural disaster")
    POWER_SURGE = "surge", _("Power surge")
    UNAUTHORIZED_REPAIR = "unauth", _("Unauthorized repair")
    MISSING_REGISTRATION = "unregistered", _("Missing registration")
    COMMERCIAL_USE = "commercial", _("Commercial use")
    WEAR = "wear", _("Normal wear and tear")


class GuaranteeKind(models.TextChoices):
    MONEY_BACK = "money_back", _("Money back within N days")
    REPLACE_DEFECT = "replace_defect", _("Replacement for an inherent defect within N days")
    REPLACE_REPEAT = "replace_repeat", _("Replacement on the Nth repair of the same defect")
    EXTEND_REPAIR = "extend_repair", _("Extension by repair days beyond N working days")


class ContractKind(models.TextChoices):
    EXTENDED = "extended", _("Extended warranty")
    SERVICE = "service", _("Service contract (AMC)")


class Submitter(models.TextChoices):
    AGENT = "agent", _("Authorized agent")
    MAKER = "maker", _("Manufacturer's technician")


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    PARTLY = "partly", _("Partly approved")
    REJECTED = "rejected", _("Rejected")
    REVIEW = "review", _("Needs review")


class RecoveryStatus(models.TextChoices):
    """A supplier recovery: claimed from the supplier, accepted or rejected by it, recovered."""

    CLAIMED = "claimed", pgettext_lazy("recovery status", "Claimed")
    ACCEPTED = "accepted", pgettext_lazy("recovery status", "Accepted")
    REJECTED = "rejected", pgettext_lazy("recovery status", "Rejected")
    RECOVERED = "recovered", pgettext_lazy("recovery status", "Recovered")


class ActionKind(models.TextChoices):
    """What a guarantee gave the customer."""

    MONEY_BACK = "money_back", _("Money back")
    REPLACEMENT = "replacement", _("Replacement")
