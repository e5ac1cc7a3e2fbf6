"""The network pages in Persian: right to left, Persian digits, Jalali dates."""

import datetime as dt

from aftersales.agents import services


def test_a_scorecard_and_the_plan_read_in_persian(agent, manager, login, network_defaults):
    manager.language = "fa"
    manager.save()
    card = services.scorecard_compute(
        agent=agent, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31), by=manager
    )
    client = login(manager)
    html = client.get(f"/agents/scorecards/{card.pk}/").content.decode()
    assert 'dir="rtl"' in html
    assert "۱۴۰۴/۱۰/۱۱" in html  # 1 January 2026 in the Jalali calendar
    plan = client.get("/agents/plan/", {"start": "۱۴۰۴/۱۰/۱۱", "end": "۱۴۰۵/۰۱/۱۱"})
    assert plan.status_code == 200 and 'dir="rtl"' in plan.content.decode()
    page = client.get(f"/agents/{agent.pk}/").content.decode()
    assert 'id="scorecard"' in page


def test_numbers_inside_the_grading_sentences_are_persian(
    agent, agent_user, manager, login, network_defaults
):
    from aftersales.agents.models import Grade

    agent_user.language = "fa"
    agent_user.save()
    services.grade_assign(
        agent=agent, grade=Grade.objects.get(code="B"), valid_from=dt.date(2026, 1, 1), by=manager
    )
    card = services.scorecard_compute(
        agent=agent, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31), by=manager
    )
    client = login(agent_user)
    portal = client.get("/agents/portal/").content.decode()
    assert "سطح تعرفه ۲، تعدیل تسویه حساب ۰.۰۰%" in portal
    scorecard = client.get(f"/agents/scorecards/{card.pk}/").content.decode()
    assert "با کمتر از ۵ کار" in scorecard
    manager.language = "fa"
    manager.save()
    plan = login(manager).get("/agents/plan/").content.decode()
    assert "۰.۸۵" in plan and "0.85" not in plan
