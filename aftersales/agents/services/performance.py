"""Targets, improvement actions and periodic reviews."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.models import User

from ..choices import ActionStatus
from ..models import Agent, ImprovementAction, Review, Scorecard, Target


@transaction.atomic
def target_set(
    *,
    agent: Agent,
    metric: str,
    period_start: dt.date,
    period_end: dt.date,
    value: Decimal,
    note: str = "",
    by: User | None,
) -> Target:
    """Set (or change) the agent's target for a KPI in a period."""
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period cannot end before it starts.")})
    target, _created = Target.objects.update_or_create(
        agent=agent,
        metric=metric,
        period_start=period_start,
        period_end=period_end,
        defaults={"value": value, "note": note},
    )
    target.full_clean()
    return target


@transaction.atomic
def action_create(
    *,
    agent: Agent,
    title: str,
    owner: User,
    due_on: dt.date,
    description: str = "",
    metric: str = "",
    by: User | None,
) -> ImprovementAction:
    """An improvement action for the agent, with its owner and due date."""
    action = ImprovementAction(
        agent=agent, title=title, owner=owner, due_on=due_on, description=description, metric=metric
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_close(
    *, action: ImprovementAction, status: str, result: str, by: User | None
) -> ImprovementAction:
    """Close an open improvement action as done or cancelled, with what it achieved."""
    action = ImprovementAction.objects.select_for_update().get(pk=action.pk)
    if action.status != ActionStatus.OPEN:
        raise ValidationError(_("The action is already closed."))
    if status not in (ActionStatus.DONE, ActionStatus.CANCELLED):
        raise ValidationError({"status": _("Close the action as done or cancelled.")})
    if not result.strip():
        raise ValidationError({"result": _("Say what the action achieved.")})
    action.status = status
    action.result = result
    action.closed_on = timezone.localdate()
    action.save(update_fields=["status", "result", "closed_on"])
    return action


@transaction.atomic
def review_record(
    *,
    agent: Agent,
    period_start: dt.date,
    period_end: dt.date,
    held_on: dt.date,
    findings: str,
    decisions: str = "",
    by: User | None,
) -> Review:
    """Record a periodic review of the agent, linked to its scorecard of that period if any."""
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period cannot end before it starts.")})
    card = Scorecard.objects.filter(
        agent=agent, period_start=period_start, period_end=period_end
    ).first()
    review = Review(
        agent=agent,
        period_start=period_start,
        period_end=period_end,
        held_on=held_on,
        scorecard=card,
        findings=findings,
        decisions=decisions,
        reviewed_by=by,
    )
    review.full_clean()
    review.save()
    return review
