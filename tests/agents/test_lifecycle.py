"""The lifecycle: evaluate against weighted criteria, select, contract, activate, suspend,
terminate; each change logged; wrong steps refused."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aftersales.agents import services
from aftersales.agents.models import Agent, Criterion, StatusChange


@pytest.fixture
def candidate(db, network_defaults):
    return services.agent_apply(
        name="Caspian Cooling",
        country="IR",
        region="Gilan",
        city="Rasht",
        contact_name="Ali",
        staff_count=4,
        certified_staff=2,
    )


def _ratings(**by_code):
    return {c.pk: by_code.get(c.code, 5) for c in Criterion.objects.filter(is_active=True)}


def test_the_evaluation_score_is_the_weighted_mean_of_the_ratings(candidate, manager):
    # weights: need 20, premises 15, certified staff 20, equipment 15, capital 15, experience 15
    ratings = _ratings(
        need=10, premises=6, **{"certified-staff": 8}, equipment=4, capital=5, experience=7
    )
    evaluation = services.agent_evaluate(agent=candidate, ratings=ratings, by=manager)
    by_hand = (20 * 10 + 15 * 6 + 20 * 8 + 15 * 4 + 15 * 5 + 15 * 7) / 100 * 10  # 69.0
    assert evaluation.score == Decimal(str(by_hand)) == Decimal("69.00")
    candidate.refresh_from_db()
    assert candidate.status == "evaluated"


def test_every_criterion_must_be_rated_within_0_to_10(candidate, manager):
    ratings = _ratings()
    ratings.pop(next(iter(ratings)))
    with pytest.raises(ValidationError, match="Rate every criterion"):
        services.agent_evaluate(agent=candidate, ratings=ratings, by=manager)
    with pytest.raises(ValidationError, match="Ratings go from 0 to 10"):
        services.agent_evaluate(agent=candidate, ratings=_ratings(need=11), by=manager)
    assert not candidate.evaluations.exists()


def test_the_whole_life_of_an_agent_is_logged(candidate, manager):
    with pytest.raises(ValidationError, match="cannot go from"):
        services.agent_transition(agent=candidate, to="active", by=manager)
    services.agent_evaluate(agent=candidate, ratings=_ratings(), by=manager)
    services.agent_transition(agent=candidate, to="selected", by=manager)
    candidate.refresh_from_db()
    with pytest.raises(ValidationError, match="needs a contract"):
        services.agent_transition(agent=candidate, to="active", by=manager)
    today = timezone.localdate()
    contract = services.contract_create(
        agent=candidate,
        starts_on=today,
        ends_on=today + dt.timedelta(days=365),
        regions=["Gilan", " gilan ", "Gilan"],
        cities=["Rasht"],
        by=manager,
    )
    assert contract.number.startswith(f"CTR-{today.year}-")
    assert contract.regions == ["Gilan", "gilan"]
    services.agent_transition(agent=candidate, to="active", by=manager)
    with pytest.raises(ValidationError):
        services.agent_transition(agent=candidate, to="suspended", by=manager)  # no reason
    services.agent_transition(agent=candidate, to="suspended", by=manager, note="Audit failed")
    services.agent_transition(agent=candidate, to="active", by=manager)
    services.agent_transition(agent=candidate, to="terminated", by=manager, note="Closed")
    candidate.refresh_from_db()
    assert candidate.status == "terminated" and not candidate.is_active
    contract.refresh_from_db()
    assert contract.terminated_on == today
    steps = list(
        StatusChange.objects.filter(agent=candidate).values_list("from_status", "to_status")
    )
    assert steps == [
        ("", "applicant"),
        ("applicant", "evaluated"),
        ("evaluated", "selected"),
        ("selected", "active"),
        ("active", "suspended"),
        ("suspended", "active"),
        ("active", "terminated"),
    ]
    with pytest.raises(ValidationError):
        services.agent_transition(agent=candidate, to="active", by=manager)


def test_contracts_may_not_overlap_nor_end_before_they_start(candidate, manager):
    services.agent_evaluate(agent=candidate, ratings=_ratings(), by=manager)
    services.agent_transition(agent=candidate, to="selected", by=manager)
    start = dt.date(2026, 1, 1)
    services.contract_create(
        agent=candidate,
        starts_on=start,
        ends_on=dt.date(2026, 12, 31),
        regions=["Gilan"],
        cities=[],
        by=manager,
    )
    with pytest.raises(ValidationError, match="already has contract"):
        services.contract_create(
            agent=candidate,
            starts_on=dt.date(2026, 6, 1),
            ends_on=dt.date(2027, 5, 31),
            regions=["Gilan"],
            cities=[],
            by=manager,
        )
    with pytest.raises(ValidationError, match="cannot end before"):
        services.contract_create(
            agent=candidate,
            starts_on=dt.date(2028, 1, 2),
            ends_on=dt.date(2028, 1, 1),
            regions=["Gilan"],
            cities=[],
            by=manager,
        )
    with pytest.raises(ValidationError, match="territory"):
        services.contract_create(
            agent=candidate,
            starts_on=dt.date(2028, 1, 1),
            ends_on=dt.date(2028, 2, 1),
            regions=[""],
            cities=[],
            by=manager,
        )
    assert candidate.contracts.count() == 1


def test_the_pages_walk_a_candidate_to_selection(candidate, manager, login):
    client = login(manager)
    page = client.get(f"/agents/{candidate.pk}/evaluate/")
    assert page.status_code == 200
    fields = {f"criterion_{c.pk}": "7" for c in Criterion.objects.all()}
    response = client.post(f"/agents/{candidate.pk}/evaluate/", {**fields, "note": "Good"})
    assert response.status_code == 302
    bad = client.post(f"/agents/{candidate.pk}/evaluate/", {**fields, next(iter(fields)): "12"})
    assert bad.status_code == 400
    assert "less than or equal to 10" in bad.content.decode()
    response = client.post(f"/agents/{candidate.pk}/state/", {"to": "selected", "note": ""})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.status == "selected" and candidate.evaluations.count() == 1
    response = client.post(
        f"/agents/{candidate.pk}/contracts/new/",
        {"starts_on": "2026-01-01", "ends_on": "2025-01-01", "regions": "Gilan"},
    )
    assert response.status_code == 400
    assert "A contract cannot end before it starts." in response.content.decode()
    detail = client.get(f"/agents/{candidate.pk}/").content.decode()
    assert "Selected" in detail and "70.00" in detail


def test_others_may_not_change_an_agents_state(candidate, operator, agent_user, login):
    for user in (operator, agent_user):
        client = login(user)
        assert client.post(f"/agents/{candidate.pk}/state/", {"to": "rejected"}).status_code == 404
        assert client.get(f"/agents/{candidate.pk}/evaluate/").status_code == 404
    assert Agent.objects.get(pk=candidate.pk).status == "applicant"


def test_agent_staff_see_their_own_file_but_not_its_evaluations(
    candidate, manager, make_user, login
):
    services.agent_evaluate(agent=candidate, ratings=_ratings(), by=manager)
    staff = make_user("agent", username="candidatestaff", agent=candidate)
    html = login(staff).get(f"/agents/{candidate.pk}/").content.decode()
    assert 'id="status-log"' in html and "Application received." in html
    assert "evaluation-score" not in html
    assert "evaluation-score" in login(manager).get(f"/agents/{candidate.pk}/").content.decode()
