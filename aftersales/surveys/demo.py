"""Demo surveys: half a year of after-visit invitations to owners of units, by agent and
technician, about two thirds answered (with a few detractors and their follow-ups), and answers
to the surveys the closed demo complaints sent; so the satisfaction page has trends to show."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from aftersales.units.models import Unit
from aftersales.workforce.models import Technician

from . import services
from .choices import Trigger
from .models import Invitation

COUNT = 90


def _scores(rng, good: bool) -> dict:
    if good:
        return {
            "csat": rng.choice([4, 5, 5]),
            "nps": rng.choice([8, 9, 10, 10]),
            "ces": rng.choice([5, 6, 7]),
        }
    return {
        "csat": rng.choice([1, 2, 3]),
        "nps": rng.choice([2, 4, 6, 7]),
        "ces": rng.choice([2, 3, 4]),
    }


def _answer(invitation, rng, *, at) -> None:
    scores = _scores(rng, rng.random() < 0.8)
    answers = {}
    for question in invitation.template.questions.order_by("position"):
        if question.kind in scores:
            answers[question.field_name] = str(scores[question.kind])
        elif question.show_if_id:
            answers[question.field_name] = "The technician was late and did not explain."
    services.response_submit(invitation=invitation, answers=answers, at=at)


@transaction.atomic
def load_demo() -> str:
    template = services.template_for(Trigger.VISIT_CLOSED)
    if template is None:
        return "surveys: no after-visit survey"
    if Invitation.objects.filter(template=template, visit=None, complaint=None).exists():
        return "surveys: already loaded"
    rng = random.Random(7)
    units = list(
        Unit.objects.filter(owner__isnull=False, service_agent__isnull=False)
        .select_related("owner", "service_agent")
        .order_by("pk")[:300]
    )
    technicians = {}
    for technician in Technician.objects.order_by("pk"):
        technicians.setdefault(technician.agent_id, []).append(technician)
    now = timezone.now()
    sent = answered = 0
    for _index in range(min(COUNT, len(units))):
        unit = rng.choice(units)
        crew = technicians.get(unit.service_agent_id) or technicians.get(None) or [None]
        at = now - dt.timedelta(days=rng.randint(1, 180), hours=rng.randint(0, 9))
        invitation = services.invite(
            template=template,
            customer=unit.owner,
            agent=unit.service_agent,
            technician=rng.choice(crew),
            at=at,
        )
        sent += 1
        if rng.random() < 0.66:
            _answer(invitation, rng, at=at + dt.timedelta(hours=rng.randint(1, 60)))
            answered += 1
    # answer some of the surveys other demos sent (closed complaints, closed visits)
    others = Invitation.objects.filter(response__isnull=True).exclude(visit=None, complaint=None)
    for invitation in others.select_related("template").order_by("pk"):
        if rng.random() < 0.6:
            _answer(invitation, rng, at=min(invitation.sent_at + dt.timedelta(hours=5), now))
            answered += 1
    return f"surveys: {sent} after-visit invitations, {answered} answers with their follow-ups"
