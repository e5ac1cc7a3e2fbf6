"""Choice sets of the surveys."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    CSAT = "csat", _("Satisfaction (CSAT, 1-5)")
    NPS = "nps", _("Would recommend (NPS, 0-10)")
    CES = "ces", _("Effort (CES, 1-7)")
    TEXT = "text", _("Free text")


# the scale of each scored kind: (lowest, highest)
SCALES = {QuestionKind.CSAT: (1, 5), QuestionKind.NPS: (0, 10), QuestionKind.CES: (1, 7)}


class Trigger(models.TextChoices):
    VISIT_CLOSED = "visit_closed", _("After a visit closes")
    COMPLAINT_CLOSED = "complaint_closed", _("After a complaint closes")
    PURCHASE = "purchase", _("After a purchase (product registration)")
    MANUAL = "manual", _("Sent by hand")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("To call")
    DONE = "done", _("Called, recovered")
    NOT_RECOVERED = "not_recovered", _("Called, not recovered")
    UNREACHABLE = "unreachable", _("Unreachable")


CLOSED_FOLLOW_UPS = frozenset(
    {FollowUpStatus.DONE, FollowUpStatus.NOT_RECOVERED, FollowUpStatus.UNREACHABLE}
)
