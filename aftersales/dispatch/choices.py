"""Choice sets of dispatch."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class EngineChoice(models.TextChoices):
    VROOM = "vroom", _("Optimiser (VROOM)")
    GREEDY = "greedy", _("Nearest available technician (baseline)")


class Reason(models.TextChoices):
    """Why a request could not be placed in a plan."""

    NO_LOCATION = "no_location", _("The customer's address has no map position.")
    NO_TIME = "no_time", _("Its time window or preferred day is outside the plan's days.")
    NOT_QUALIFIED = (
        "not_qualified",
        _("No technician on duty has the skills and valid certifications for this work."),
    )
    PINNED_OFF_DUTY = "pinned_off_duty", _("The pinned technician is not on duty that day.")
    NO_ROOM = (
        "no_room",
        _("No qualified technician could fit it into a shift within its time window."),
    )
    CANCELLED = (
        "cancelled",
        _("Its visit was cancelled by hand; re-planning leaves it out until it is placed by hand."),
    )
