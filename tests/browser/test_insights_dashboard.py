"""In a real browser, in Persian: the manager's dashboard draws its charts (Chart.js under the
content security policy) with their axes in Persian digits, and a figure opens the records
behind it."""

import datetime as dt

import pytest

from aftersales.insights import aggregation
from tests.insights.conftest import World, at

from .test_service_whole_path import session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_dashboard_draws_its_charts_and_drills_down(
    browser, live_server, make_user, service_data
):
    from aftersales.service import caches
    from aftersales.service.business import forget_calendars

    caches.forget()
    forget_calendars()
    world = World(make_user)
    request, _ = world.served(
        unit=world.unit(),
        opened=at(dt.date(2026, 10, 3), 9),
        visit_start=at(dt.date(2026, 10, 4), 10),
    )
    aggregation.refresh(full=True)
    page = session(browser, live_server, world.staff)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto("/insights/?start=2026-09-01&end=2026-11-30")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-rates')")
    drawn = page.evaluate(
        "() => ['chart-rates', 'chart-hours', 'chart-per1000', 'chart-breakdown-agent']"
        ".filter(id => Chart.getChart(id)).length"
    )
    assert drawn == 4
    assert errors == []
    ticks = page.evaluate(
        "() => Chart.getChart('chart-rates').scales.y.ticks.map(tick => String(tick.label))"
    )
    assert ticks and not any(char in "0123456789" for tick in ticks for char in tick), ticks
    assert any(char in "۰۱۲۳۴۵۶۷۸۹" for tick in ticks for char in tick)  # the axis in Persian
    assert "۱۰۰" in page.inner_text("#kpi-first_time_fix_rate")  # 100% in Persian digits
    with page.expect_navigation():
        page.click("#kpi-first_time_fix_rate")
    assert request.number in page.inner_text("main")
