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
