"""Choice sets of the workshop: a unit in our hands, from intake to its return."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ON_BENCH = "on_bench", _("On the bench")
    WAITING_PARTS = "waiting_parts", _("Waiting for parts")
    READY = "ready", _("Ready")
    RETURNED = "returned", _("Returned")
    CANCELLED = "cancelled", _("Cancelled")


# the unit is in our hands
ACTIVE_STATUSES = frozenset(
    {JobStatus.RECEIVED, JobStatus.ON_BENCH, JobStatus.WAITING_PARTS, JobStatus.READY}
)


class Arrival(models.TextChoices):
    """How the unit came to the workshop."""

    CARRIED_IN = "carried_in", _("Carried in by the customer")
    TECHNICIAN = "technician", _("Brought by our technician")
    COURIER = "courier", _("By courier")


class Handover(models.TextChoices):
    """How a ready unit goes back to the customer."""

    COLLECTION = "collection", _("Collection by the customer")
    DELIVERY = "delivery", _("Delivery to the customer")
