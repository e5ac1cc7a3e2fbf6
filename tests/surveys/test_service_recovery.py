"""A detractor (NPS <= 6) or a CSAT <= 2 opens a follow-up for a person to call the customer,
assigned by rule: the agent's staff for the agent's work, else the operators' queue (bar)."""

import pytest

from aftersales.core.choices import Role
from aftersales.surveys import services
from aftersales.surveys.models import FollowUp

from .conftest import answers, invite

pytestmark = pytest.mark.django_db


def test_a_detractor_opens_a_follow_up_for_the_agents_staff(
    after_visit, owner, agent, agent_user, make_user, operator
):
    busy = make_user(Role.AGENT, username="busy", agent=agent)
    first = invite(after_visit, customer=owner, agent=agent)
    services.response_submit(invitation=first, answers=answers(after_visit, csat=4, nps=3))
    assert FollowUp.objects.get().assignee in (agent_user, busy)
    taken = FollowUp.objects.get().assignee

    invitation = invite(after_visit, customer=owner, agent=agent)
    response = services.response_submit(
        invitation=invitation, answers=answers(after_visit, csat=4, nps=6, better="Late")
    )
    follow_up = response.follow_up
    assert follow_up.agent == agent
    assert follow_up.assignee in (agent_user, busy) and follow_up.assignee != taken  # least busy
    assert follow_up.customer == owner
    assert follow_up.status == "open"
    assert "NPS 6" in follow_up.reason
    assert follow_up.rule == "the agent's staff"
    assert response.comment == "Late"


def test_a_poor_csat_without_an_agent_goes_to_the_operators(after_visit, owner, operator):
    invitation = invite(after_visit, customer=owner)
    response = services.response_submit(
        invitation=invitation, answers=answers(after_visit, csat=2, nps=8)
    )
    assert response.follow_up.assignee == operator
    assert response.follow_up.agent is None
    assert response.follow_up.rule == "the operators' queue"


def test_a_passive_or_promoter_opens_nothing(after_visit, owner, operator):
    for nps in (7, 10):
        invitation = invite(after_visit, customer=owner)
        services.response_submit(
            invitation=invitation, answers=answers(after_visit, csat=3, nps=nps)
        )
    assert FollowUp.objects.count() == 0


def test_the_follow_up_is_closed_with_the_outcome_of_the_call(after_visit, owner, operator):
    invitation = invite(after_visit, customer=owner)
    response = services.response_submit(
        invitation=invitation, answers=answers(after_visit, csat=1, nps=0)
    )
    follow_up = services.follow_up_close(
        follow_up=response.follow_up, by=operator, status="done", outcome="Replaced the filter"
    )
    assert follow_up.status == "done" and follow_up.closed_by == operator
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.follow_up_close(follow_up=follow_up, by=operator, status="done", outcome="again")
