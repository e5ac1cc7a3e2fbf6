"""Grading through the pages: settings, a scorecard with its chart, giving the grade; scope."""

import datetime as dt

from aftersales.agents.models import Grade, GradeAssignment, Scorecard, ScorecardMetric
from aftersales.agents.selectors import grade_on, may_take
from tests.factories import CategoryFactory


def test_a_manager_computes_a_scorecard_and_gives_its_grade(
    agent, manager, login, network_defaults
):
    client = login(manager)
    response = client.post(
        f"/agents/{agent.pk}/scorecard/", {"start": "2026-01-01", "end": "2026-03-31"}
    )
    card = Scorecard.objects.get(agent=agent)
    assert response.status_code == 302 and response.url == f"/agents/scorecards/{card.pk}/"
    page = client.get(response.url).content.decode()
    assert 'id="points-data"' in page and 'data-metric="first_time_fix_rate"' in page
    bad = client.post(
        f"/agents/{agent.pk}/scorecard/", {"start": "2026-03-31", "end": "2026-01-01"}
    )
    assert bad.status_code == 400 and "cannot end before it starts" in bad.content.decode()
    c = Grade.objects.get(code="C")
    response = client.post(
        f"/agents/scorecards/{card.pk}/grade/",
        {"grade": c.pk, "valid_from": "2026-04-01", "note": "Quarter 1"},
    )
    assert response.status_code == 302
    assert grade_on(agent, dt.date(2026, 4, 2)) == c
    again = client.post(
        f"/agents/scorecards/{card.pk}/grade/", {"grade": c.pk, "valid_from": "2026-04-01"}
    )
    assert (
        again.status_code == 400 and "already has a grade from that day" in again.content.decode()
    )
    assert GradeAssignment.objects.count() == 1
    listing = client.get("/agents/scorecards/", {"export": "csv"})
    body = b"".join(listing.streaming_content).decode()
    assert listing.status_code == 200 and agent.code in body


def test_grade_history_decides_the_grade_of_each_day(agent, manager, network_defaults):
    from aftersales.agents import services

    a, b = Grade.objects.get(code="A"), Grade.objects.get(code="B")
    services.grade_assign(agent=agent, grade=b, valid_from=dt.date(2026, 1, 1), by=manager)
    services.grade_assign(agent=agent, grade=a, valid_from=dt.date(2026, 4, 1), by=manager)
    assert grade_on(agent, dt.date(2025, 12, 31)) is None
    assert grade_on(agent, dt.date(2026, 3, 31)) == b
    assert grade_on(agent, dt.date(2026, 4, 1)) == a


def test_the_grade_decides_which_categories_the_agent_may_take(agent, manager, network_defaults):
    from aftersales.agents import services
    from aftersales.agents.models import Contract

    Contract.objects.create(
        number="CTR-T-1",
        agent=agent,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        regions=["Tehran"],
    )
    cooling, kitchen = CategoryFactory(code="cooling"), CategoryFactory(code="kitchen")
    c = Grade.objects.get(code="C")
    c.categories.set([kitchen])
    services.grade_assign(agent=agent, grade=c, valid_from=dt.date(2026, 1, 1), by=manager)
    day = dt.date(2026, 5, 1)
    assert may_take(agent, day=day, category=kitchen) == (True, [])
    allowed, reasons = may_take(agent, day=day, category=cooling)
    assert not allowed and "does not allow the category" in reasons[0]
    allowed, reasons = may_take(agent, day=dt.date(2027, 1, 1), category=kitchen)
    assert not allowed and "no contract in force" in reasons[0]


def test_a_manager_changes_weights_and_thresholds_and_bad_values_are_refused(
    manager, login, network_defaults
):
    client = login(manager)
    metric = ScorecardMetric.objects.get(metric="csat")
    response = client.post(
        f"/agents/metrics/{metric.pk}/",
        {"weight": "15", "floor": "0.4", "target": "0.4", "is_active": "on"},
    )
    assert response.status_code == 400 and "must differ" in response.content.decode()
    response = client.post(
        f"/agents/metrics/{metric.pk}/",
        {"weight": "15", "floor": "0.4", "target": "0.95", "is_active": "on"},
    )
    assert response.status_code == 302
    metric.refresh_from_db()
    assert (metric.weight, str(metric.target)) == (15, "0.9500")
    grade = Grade.objects.get(code="A")
    response = client.post(
        f"/agents/grades/{grade.pk}/",
        {
            "code": "A",
            "name": "Excellent",
            "rank": "1",
            "min_score": "120",
            "tariff_level": "3",
            "settlement_adjustment_percent": "5",
            "is_active": "on",
        },
    )
    assert response.status_code == 400
    assert client.get("/agents/grades/").status_code == 200


def test_agent_staff_see_their_own_scorecards_only(
    agent, other_agent, agent_user, login, manager, network_defaults
):
    from aftersales.agents import services

    mine = services.scorecard_compute(
        agent=agent, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31), by=manager
    )
    theirs = services.scorecard_compute(
        agent=other_agent, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31), by=manager
    )
    client = login(agent_user)
    assert client.get(f"/agents/scorecards/{mine.pk}/").status_code == 200
    assert client.get(f"/agents/scorecards/{theirs.pk}/").status_code == 404
    assert (
        client.post(
            f"/agents/{agent.pk}/scorecard/", {"start": "2026-01-01", "end": "2026-03-31"}
        ).status_code
        == 404
    )
