from django.db import models
from django.utils.translation import gettext_lazy as _


class UsageMeter(models.TextChoices):
    NONE = "none", _("No meter")
    HOURS = "hours", _("Running hours")
    KM = "km", _("Kilometres")
    CYCLES = "cycles", _("Cycles")


class FailureLevel(models.TextChoices):
    SYMPTOM = "symptom", _("Symptom")
    DEFECT = "defect", _("Defect")
    REPAIR = "repair", _("Repair")


class PriceList(models.TextChoices):
    CUSTOMER = "customer", _("Customer price")
    AGENT = "agent", _("Agent price")
