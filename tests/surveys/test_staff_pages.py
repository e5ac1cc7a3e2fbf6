"""The staff's pages: satisfaction with charts and scorecards, invitations (search, filter,
export), the follow-up queue and closing a call; agents see only their own; the API."""

import pytest
from django.test import Client
from django.urls import reverse

from aftersales.core.choices import Role
from aftersales.surveys import services
from aftersales.surveys.models import FollowUp

from .conftest import answers, invite

pytestmark = pytest.mark.django_db


@pytest.fixture
def detractor(after_visit, owner, agent, agent_user):
    invitation = invite(after_visit, customer=owner, agent=agent)
    return services.response_submit(
        invitation=invitation, answers=answers(after_visit, csat=2, nps=1, better="Rude")
    )


def test_the_satisfaction_page(login, manager, detractor, after_visit, owner):
    invite(after_visit, customer=owner)
    page = login(manager).get(reverse("surveys:dashboard"))
    assert page.status_code == 200
    total = page.context["total"]
    assert total["sent"] == 2 and total["answered"] == 1 and total["nps"] == -100
    html = page.content.decode()
    assert 'data-chart="chart-nps"' in html and 'id="scorecard-agents"' in html
    assert "North Service" in html


def test_invitation_list_filters_and_exports(login, manager, detractor, after_visit, owner):
    invite(after_visit, customer=owner)
    client = login(manager)
    page = client.get(reverse("surveys:invitations"), {"answered": "true"})
    assert page.status_code == 200
    assert len(page.context["rows"]) == 1
    assert client.get(reverse("surveys:invitations"), {"export": "xlsx"}).status_code == 200
    detail = client.get(reverse("surveys:invitation", args=[detractor.invitation.pk]))
    assert "Rude" in detail.content.decode()


def test_the_agent_calls_back_and_records_it(login, agent_user, detractor, make_user, other_agent):
    follow_up = detractor.follow_up
    client = login(agent_user)
    queue = client.get(reverse("surveys:follow_ups"), {"status": "open"})
    assert [row[0] for row in queue.context["rows"]] == [follow_up]
    bad = client.post(reverse("surveys:follow_up_close", args=[follow_up.pk]), {"status": "open"})
    assert bad.status_code == 400
    done = client.post(
        reverse("surveys:follow_up_close", args=[follow_up.pk]),
        {"status": "done", "outcome": "Sent a senior technician"},
    )
    assert done.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == "done" and follow_up.closed_by == agent_user
    other = make_user(Role.AGENT, username="other", agent=other_agent)
    assert login(other).get(follow_up.get_absolute_url()).status_code == 404


def test_the_api(login, manager, detractor, after_visit, owner):
    client = login(manager)
    listed = client.get("/api/v1/surveys/invitations", {"answered": True}).json()
    assert [row["nps"] for row in listed["items"]] == [1]
    follow_ups = client.get("/api/v1/surveys/follow-ups", {"status": "open"}).json()
    assert follow_ups["items"][0]["id"] == detractor.follow_up.pk
    invitation = invite(after_visit, customer=owner)
    url = f"/api/v1/surveys/answer/{invitation.token}"
    bad = Client().post(url, {"answers": {}}, content_type="application/json")
    assert bad.status_code == 422
    ok = Client().post(
        url, {"answers": answers(after_visit, csat=5, nps=10)}, content_type="application/json"
    )
    assert ok.status_code == 201 and ok.json()["nps"] == 10
    again = Client().post(
        url, {"answers": answers(after_visit, csat=5, nps=10)}, content_type="application/json"
    )
    assert again.status_code == 409
    scores = client.get(
        "/api/v1/surveys/scores", {"start": "2000-01-01", "end": "2100-01-01"}
    ).json()
    assert scores["answered"] == 2 and FollowUp.objects.count() == 1
