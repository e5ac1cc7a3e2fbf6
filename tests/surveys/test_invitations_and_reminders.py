"""A survey goes out by itself when a visit closes (once per request), with a one-time link by
e-mail; one reminder after the template's days; the response rate and scores by agent."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from aftersales.service import services as service
from aftersales.surveys import selectors, services
from aftersales.surveys.models import Invitation
from tests.service.factories import open_request, scheduled_visit, technician_with_login

from .conftest import answers, invite

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_visit(service_data, operator, owner, owned_unit, django_capture_on_commit_callbacks):
    owner.email = "sara@example.com"
    owner.save()
    technician = technician_with_login()
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    visit = scheduled_visit(request=request, technician=technician, by=operator)
    visit = service.visit_check_in(visit=visit, by=technician.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        return service.visit_close(
            visit=visit, by=technician.user, result="fixed", labour_minutes=30
        )


def test_closing_a_visit_sends_the_survey(closed_visit, owner, agent):
    invitation = Invitation.objects.get()
    assert invitation.visit == closed_visit
    assert invitation.customer == owner
    assert invitation.technician == closed_visit.technician
    assert invitation.agent == agent  # the request's agent (the unit's service agent)
    survey_mails = [m for m in mail.outbox if invitation.token in m.body]
    assert len(survey_mails) == 1 and survey_mails[0].to == ["sara@example.com"]


def test_one_reminder_then_silence(closed_visit):
    invitation = Invitation.objects.get()
    mail.outbox.clear()
    soon = invitation.sent_at + dt.timedelta(days=1)
    assert services.reminders_send(at=soon) == 0
    later = invitation.sent_at + dt.timedelta(days=3, minutes=1)
    assert services.reminders_send(at=later) == 1
    assert services.reminders_send(at=later + dt.timedelta(days=5)) == 0  # max one
    invitation.refresh_from_db()
    assert invitation.reminders_sent == 1


def test_no_reminder_once_answered(after_visit, owner):
    invitation = invite(after_visit, customer=owner, at=timezone.now() - dt.timedelta(days=4))
    services.response_submit(invitation=invitation, answers=answers(after_visit, csat=5, nps=9))
    assert services.reminders_send() == 0


def test_scores_and_response_rate_by_agent(after_visit, owner, agent, other_agent):
    today = timezone.localdate()
    for nps, csat in ((10, 5), (9, 4), (3, 2)):
        invitation = invite(after_visit, customer=owner, agent=agent)
        services.response_submit(
            invitation=invitation, answers=answers(after_visit, csat=csat, nps=nps)
        )
    invite(after_visit, customer=owner, agent=agent)  # not answered
    invite(after_visit, customer=owner, agent=other_agent)
    mine = selectors.scores(start=today, end=today, agent=agent)
    assert mine["sent"] == 4 and mine["answered"] == 3
    assert str(mine["response_rate"]) == "0.75"
    assert str(mine["nps"]) == "33.33"  # (2 promoters - 1 detractor) / 3
    assert str(mine["csat"]) == "3.67"
    rows = selectors.scorecards(Invitation.objects.all(), start=today, end=today, by="agent")
    assert [row["subject"] for row in rows] == [agent, other_agent]
    assert rows[1]["nps"] is None
