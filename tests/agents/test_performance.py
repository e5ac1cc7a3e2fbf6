"""Targets, improvement actions and periodic reviews (R3.3, R3.5); the equipment check-list."""

import datetime as dt
from decimal import Decimal

from aftersales.agents import services
from aftersales.agents.models import (
    AgentEquipment,
    Equipment,
    Grade,
    ImprovementAction,
    Review,
    Target,
)
from aftersales.agents.selectors import equipment_checklist


def test_a_target_is_set_and_shown_against_the_scorecard(agent, manager, login, network_defaults):
    client = login(manager)
    data = {
        "metric": "first_time_fix_rate",
        "period_start": "2026-01-01",
        "period_end": "2026-03-31",
        "value": "0.8",
    }
    assert client.post(f"/agents/{agent.pk}/targets/new/", data).status_code == 302
    assert (
        client.post(f"/agents/{agent.pk}/targets/new/", {**data, "value": "0.85"}).status_code
        == 302
    )
    assert Target.objects.get(agent=agent).value == Decimal("0.85")  # the same target, changed
    bad = client.post(f"/agents/{agent.pk}/targets/new/", {**data, "period_end": "2025-01-01"})
    assert bad.status_code == 400
    card = services.scorecard_compute(
        agent=agent, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31), by=manager
    )
    page = client.get(f"/agents/scorecards/{card.pk}/").content.decode()
    assert "85.0%" in page


def test_an_improvement_action_has_an_owner_a_due_date_and_a_result(agent, manager, login):
    client = login(manager)
    response = client.post(
        f"/agents/{agent.pk}/actions/new/",
        {
            "title": "Train on inverter boards",
            "owner": manager.pk,
            "due_on": "2026-05-01",
            "metric": "first_time_fix_rate",
        },
    )
    assert response.status_code == 302
    action = ImprovementAction.objects.get(agent=agent)
    assert action.status == "open"
    refused = client.post(f"/agents/actions/{action.pk}/close/", {"status": "done", "result": " "})
    assert refused.status_code == 400
    response = client.post(
        f"/agents/actions/{action.pk}/close/",
        {"status": "done", "result": "Two technicians trained"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.closed_on is not None
    again = client.post(
        f"/agents/actions/{action.pk}/close/", {"status": "cancelled", "result": "x"}
    )
    assert again.status_code == 400 and "already closed" in again.content.decode()
    listing = client.get("/agents/actions/", {"status": "done"}).content.decode()
    assert "Train on inverter boards" in listing


def test_a_periodic_review_links_the_scorecard_of_its_period(
    agent, manager, login, network_defaults
):
    card = services.scorecard_compute(
        agent=agent, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31), by=manager
    )
    response = login(manager).post(
        f"/agents/{agent.pk}/reviews/new/",
        {
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "held_on": "2026-04-10",
            "findings": "SLA slipped in March",
            "decisions": "Add a technician",
        },
    )
    assert response.status_code == 302
    review = Review.objects.get(agent=agent)
    assert review.scorecard == card and review.reviewed_by == manager


def test_the_check_list_compares_what_the_grade_requires_with_what_is_held(
    agent, manager, network_defaults
):
    a = Grade.objects.get(code="A")
    pump = Equipment.objects.create(code="vacuum-pump", name="Vacuum pump", quantity=2)
    detector = Equipment.objects.create(code="leak-detector", name="Leak detector")
    bench = Equipment.objects.create(code="bench", name="Workbench")
    pump.required_for.set([a])
    detector.required_for.set([a])
    services.grade_assign(agent=agent, grade=a, valid_from=dt.date(2026, 1, 1), by=manager)
    day = dt.date(2026, 2, 1)
    services.equipment_check(agent=agent, equipment=pump, quantity=1, checked_on=day, by=manager)
    services.equipment_check(agent=agent, equipment=bench, quantity=3, checked_on=day, by=manager)
    rows = {
        r["equipment"].code: (r["required"], r["held"], r["ok"])
        for r in equipment_checklist(agent, day=day)
    }
    assert rows == {
        "vacuum-pump": (2, 1, False),
        "leak-detector": (1, 0, False),
        "bench": (0, 3, True),
    }
    services.equipment_check(agent=agent, equipment=pump, quantity=2, checked_on=day, by=manager)
    assert AgentEquipment.objects.filter(agent=agent, equipment=pump).count() == 1
    assert equipment_checklist(agent, day=day)[1]["ok"]  # sorted by code: vacuum-pump second


def test_the_agent_page_shows_every_section(agent, manager, login, network_defaults):
    html = login(manager).get(f"/agents/{agent.pk}/").content.decode()
    for section in (
        "scorecard",
        "grade-history",
        "equipment-check",
        "targets",
        "actions",
        "reviews",
        "contracts",
        "documents",
        "status-log",
        "evaluations",
    ):
        assert f'id="{section}"' in html, section
