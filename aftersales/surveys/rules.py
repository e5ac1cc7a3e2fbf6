"""Who calls back a customer who scored us poorly (service recovery), decided by rules in order:

1. The survey was about an agent's work (a visit by the agent's technician, a request the agent
   handles) and the agent has active staff logins: the agent's queue, given to the staff member
   with the fewest open follow-ups. The people who did the work put it right.
2. Otherwise (the maker's own work, a complaint survey, an agent without logins): the operators'
   queue, given to the active operator with the fewest open follow-ups; unassigned when there
   is none, and any operator picks it up from the queue.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Role
from aftersales.core.models import User

from .choices import FollowUpStatus

AGENT_RULE = _("the agent's staff")
OPERATOR_RULE = _("the operators' queue")


def rule_label(rule: str) -> str:
    """The rule a follow-up was given by, in the active language; it is stored in the language
    of the moment it was opened (often the customer's, who answered the survey)."""
    for label in (AGENT_RULE, OPERATOR_RULE):
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found = str(label) == rule
            if found:
                return str(label)
    return rule


@dataclass(frozen=True)
class Assignment:
    agent: object | None
    assignee: User | None
    rule: str


def _least_busy(people):
    return (
        people.annotate(
            open_follow_ups=Count(
                "survey_follow_ups_assigned",
                filter=Q(survey_follow_ups_assigned__status=FollowUpStatus.OPEN),
            )
        )
        .order_by("open_follow_ups", "pk")
        .first()
    )


def assign(invitation) -> Assignment:
    """Where the follow-up of a poor answer to `invitation` goes."""
    agent = invitation.agent if invitation.complaint_id is None else None
    if agent is not None:
        staff = User.objects.filter(is_active=True, role=Role.AGENT, agent=agent)
        if staff.exists():
            return Assignment(agent=agent, assignee=_least_busy(staff), rule=str(AGENT_RULE))
    operators = User.objects.filter(is_active=True, role=Role.OPERATOR)
    return Assignment(agent=None, assignee=_least_busy(operators), rule=str(OPERATOR_RULE))
