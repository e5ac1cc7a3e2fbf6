"""Every write of the surveys: invite after a visit or a complaint closes, take the one response
per invitation, remind, and open and close the service-recovery follow-up a poor score calls
for. Keyword-only and atomic; messages go out after commit."""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from aftersales.club import services as club
from aftersales.club.choices import Event
from aftersales.core.models import User
from aftersales.core.text import persian_digits

from . import notify, rules
from .choices import SCALES, FollowUpStatus, QuestionKind, Trigger
from .models import RECOVERY, FollowUp, Invitation, Response, SurveyTemplate

TEXT_LIMIT = 2000
FOLLOW_UP_HOURS = 24  # call the customer back within a day
DETRACTOR_NPS = 6  # NPS 0-6
POOR_CSAT = 2  # CSAT 1-2


def _now(at=None) -> dt.datetime:
    return at or timezone.now()


def template_for(trigger: str) -> SurveyTemplate | None:
    return SurveyTemplate.objects.filter(trigger=trigger, is_active=True).order_by("pk").first()


@transaction.atomic
def invite(
    *,
    template: SurveyTemplate,
    customer=None,
    visit=None,
    complaint=None,
    agent=None,
    technician=None,
    unit=None,
    at: dt.datetime | None = None,
) -> Invitation:
    """Create the one-time link and send it (after commit)."""
    if customer is None and complaint is None:
        raise ValidationError(_("A survey needs someone to ask."))
    at = _now(at)
    invitation = Invitation.objects.create(
        template=template,
        token=secrets.token_urlsafe(24),
        customer=customer,
        visit=visit,
        complaint=complaint,
        agent=agent,
        technician=technician,
        unit=unit,
        language=(customer.preferred_language if customer else "")
        or (complaint.language if complaint else ""),
        sent_at=at,
        expires_at=at + dt.timedelta(days=template.valid_days),
    )
    notify.send_invitation(invitation)
    return invitation


def invite_after_visit(*, visit, at: dt.datetime | None = None) -> Invitation | None:
    """After a visit closes and its request is resolved: one survey per request."""
    from aftersales.service.choices import Status
    from aftersales.service.models import ServiceRequest

    template = template_for(Trigger.VISIT_CLOSED)
    if template is None:
        return None
    request = ServiceRequest.objects.select_related("customer", "agent").get(pk=visit.request_id)
    if request.status not in (Status.RESOLVED, Status.CLOSED):
        return None
    if Invitation.objects.filter(visit__request=request).exists():
        return None
    customer = request.customer
    if not (customer.email or customer.phones.exists()):
        return None  # no way to reach them: the invitation would only lower the response rate
    technician = visit.technician
    return invite(
        template=template,
        customer=customer,
        visit=visit,
        agent=request.agent or technician.agent,
        technician=technician,
        at=at,
    )


def invite_after_complaint(*, complaint, at: dt.datetime | None = None) -> Invitation | None:
    """After a complaint closes: how was it handled?"""
    template = template_for(Trigger.COMPLAINT_CLOSED)
    if template is None or Invitation.objects.filter(complaint=complaint).exists():
        return None
    if complaint.customer is None and not (complaint.contact_email or complaint.contact_phone):
        return None
    return invite(
        template=template,
        customer=complaint.customer,
        complaint=complaint,
        agent=complaint.agent,
        technician=complaint.technician,
        at=at,
    )


PURCHASE_DAYS = 30  # ask about the purchase a month after the sale


def purchases_invite(*, on: dt.date | None = None, days: int = PURCHASE_DAYS) -> int:
    """Invite the owners of units sold `days` before `on` (R7.2: purchase surveys); once per
    unit, only when a purchase survey is active and the owner can be reached. Run daily."""
    from aftersales.units.models import Unit

    template = template_for(Trigger.PURCHASE)
    if template is None:
        return 0
    sold = (on or timezone.localdate()) - dt.timedelta(days=days)
    units = (
        Unit.objects.filter(sale_date=sold, owner__isnull=False)
        .exclude(survey_invitations__template=template)
        .select_related("owner", "service_agent")
    )
    count = 0
    for unit in units.iterator():
        owner = unit.owner
        if not (owner.email or owner.phones.exists()):
            continue
        invite(template=template, customer=owner, unit=unit, agent=unit.service_agent)
        count += 1
    return count


def visible(question, answers: dict) -> bool:
    """Whether a conditional question is shown, given the answers so far."""
    if question.show_if_id is None:
        return True
    value = answers.get(f"q{question.show_if_id}")
    if value is None or value == "":
        return False
    try:
        number = int(value)
    except (TypeError, ValueError):
        return False
    low, high = question.show_if_min, question.show_if_max
    return (low is None or number >= low) and (high is None or number <= high)


def _clean(questions, raw: dict) -> tuple[dict, dict]:
    """The answers kept (shown questions only, scores as ints) and the errors per field."""
    answers, errors = {}, {}
    for question in questions:  # in order: a condition refers to an earlier answer
        name = question.field_name
        value = raw.get(name)
        value = value.strip() if isinstance(value, str) else value
        if not visible(question, answers):
            continue
        if value in (None, ""):
            if question.required:
                errors[name] = _("Please answer this question.")
            continue
        if question.kind == QuestionKind.TEXT:
            if len(str(value)) > TEXT_LIMIT:
                errors[name] = _("Please keep it under %(limit)s characters.") % {
                    "limit": TEXT_LIMIT
                }
                continue
            answers[name] = str(value)
            continue
        low, high = SCALES[question.kind]
        try:
            number = int(str(value))
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            errors[name] = _("Choose a number from %(low)s to %(high)s.") % {
                "low": low,
                "high": high,
            }
            continue
        answers[name] = number
    return answers, errors


@transaction.atomic
def response_submit(*, invitation: Invitation, answers: dict, at: dt.datetime | None = None):
    """Take the one response to the invitation; a poor score opens a follow-up."""
    at = _now(at)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if Response.objects.filter(invitation=invitation).exists():
        raise ValidationError(_("This survey has already been answered. Thank you!"))
    if invitation.expires_at <= at:
        raise ValidationError(_("This survey link has expired."))
    questions = list(invitation.template.questions.order_by("position", "pk"))
    kept, errors = _clean(questions, answers)
    if errors:
        raise ValidationError(errors)
    scores = {}
    texts = []
    for question in questions:
        value = kept.get(question.field_name)
        if value is None:
            continue
        if question.kind == QuestionKind.TEXT:
            texts.append(value)
        else:
            scores.setdefault(question.kind, value)  # the first question of a kind counts
    response = Response.objects.create(
        invitation=invitation,
        submitted_at=at,
        csat=scores.get(QuestionKind.CSAT),
        nps=scores.get(QuestionKind.NPS),
        ces=scores.get(QuestionKind.CES),
        answers=kept,
        comment="\n\n".join(texts),
    )
    if needs_recovery(response):
        follow_up_open(response=response, at=at)
    if invitation.customer_id is not None:
        club.award(  # the reference is the invitation's id: its token is the secret link
            customer=invitation.customer, event=Event.SURVEY, reference=str(invitation.pk), at=at
        )
    return response


def needs_recovery(response: Response) -> bool:
    return (response.nps is not None and response.nps <= DETRACTOR_NPS) or (
        response.csat is not None and response.csat <= POOR_CSAT
    )


def recovery_reason(response: Response) -> str:
    """Why a poor answer calls for a call back, in the active language (its numbers too)."""
    parts = []
    if response.nps is not None and response.nps <= DETRACTOR_NPS:
        parts.append(_("NPS %(score)s (detractor)") % {"score": response.nps})
    if response.csat is not None and response.csat <= POOR_CSAT:
        parts.append(_("CSAT %(score)s of 5") % {"score": response.csat})
    reason = ", ".join(parts)
    return persian_digits(reason) if (get_language() or "").startswith("fa") else reason


@transaction.atomic
def follow_up_open(*, response: Response, at: dt.datetime | None = None) -> FollowUp:
    """A person is to call the customer back; who, the rules in `rules.py` decide."""
    at = _now(at)
    invitation = response.invitation
    assignment = rules.assign(invitation)
    customer = invitation.customer or (
        invitation.complaint.customer if invitation.complaint_id else None
    )
    return FollowUp.objects.create(
        response=response,
        customer=customer,
        agent=assignment.agent,
        assignee=assignment.assignee,
        rule=assignment.rule,
        reason=recovery_reason(response),
        due_at=at + dt.timedelta(hours=FOLLOW_UP_HOURS),
        created_at=at,
    )


@transaction.atomic
def follow_up_close(
    *,
    follow_up: FollowUp,
    by: User | None,
    status: str,
    outcome: str,
    at: dt.datetime | None = None,
) -> FollowUp:
    """Record the call: recovered, not recovered, or unreachable."""
    if by is None or not (by.is_superuser or by.role in RECOVERY | {"admin"}):
        raise PermissionDenied(_("You may not handle follow-ups."))
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.status != FollowUpStatus.OPEN:
        raise ValidationError(_("This follow-up is already closed."))
    errors = {}
    if status not in FollowUpStatus.values or status == FollowUpStatus.OPEN:
        errors["status"] = _("Choose how the call went.")
    if not (outcome or "").strip():
        errors["outcome"] = _("Write what the customer said.")
    if errors:
        raise ValidationError(errors)
    follow_up.status = status
    follow_up.outcome = outcome.strip()
    follow_up.closed_at = _now(at)
    follow_up.closed_by = by
    follow_up.save()
    return follow_up


@transaction.atomic
def follow_up_take(*, follow_up: FollowUp, by: User) -> FollowUp:
    """Pick an unassigned follow-up from the queue, or take one over."""
    if by is None or not (by.is_superuser or by.role in RECOVERY | {"admin"}):
        raise PermissionDenied(_("You may not handle follow-ups."))
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.status != FollowUpStatus.OPEN:
        raise ValidationError(_("This follow-up is already closed."))
    follow_up.assignee = by
    follow_up.save(update_fields=["assignee"])
    return follow_up


def reminders_send(*, at: dt.datetime | None = None) -> int:
    """Remind everyone whose invitation is unanswered, still valid and due a reminder."""
    at = _now(at)
    due = (
        Invitation.objects.filter(response__isnull=True, expires_at__gt=at)
        .filter(reminders_sent__lt=F("template__max_reminders"))
        .select_related("template")
    )
    count = 0
    for invitation in due.iterator():
        last = invitation.reminded_at or invitation.sent_at
        if last + dt.timedelta(days=invitation.template.remind_after_days) > at:
            continue
        with transaction.atomic():
            locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if locked.reminders_sent != invitation.reminders_sent:
                continue  # another worker reminded meanwhile
            locked.reminders_sent += 1
            locked.reminded_at = at
            locked.save(update_fields=["reminders_sent", "reminded_at"])
            notify.send_invitation(locked, reminder=True)
            count += 1
    return count
