from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    """What earns or spends a customer's club points."""

    REGISTRATION = "registration", _("Product registered")
    SURVEY = "survey", _("Survey answered")
    ADJUSTMENT = "adjustment", _("Adjustment or reward redeemed")


EARNING = (Event.REGISTRATION, Event.SURVEY)
