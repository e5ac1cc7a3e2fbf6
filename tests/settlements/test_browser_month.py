"""Finance drafts an agent's month, adds an adjustment; the manager approves it and sees the
overview chart drawn; finance marks it paid; the agent's staff read it, in Persian, on a phone."""

import pytest

from aftersales.settlements.models import Settlement
from tests.browser.conftest import log_in
from tests.factories import PASSWORD

from .conftest import MEHR_1405

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_month_from_draft_to_paid(
    browser, live_server, page, finance, manager, agent_user, agent, mehr_claim
):
    log_in(page, finance.username, PASSWORD)
    page.goto("/settlements/new/")
    page.select_option("select[name=agent]", str(agent.pk))
    page.fill("input[name=period_start]", str(MEHR_1405[0]))
    page.fill("input[name=period_end]", str(MEHR_1405[1]))
    with page.expect_navigation():
        page.click("main form.card button[type=submit]")
    assert mehr_claim.number in page.content()
    page.fill("#adjustment-form input[name=amount]", "12.5")
    page.fill("#adjustment-form input[name=reason]", "Fuel")
    with page.expect_navigation():
        page.click("#adjustment-form button[type=submit]")
    assert "at most 0 decimals" in page.content()
    page.fill("#adjustment-form input[name=amount]", "-100000")
    with page.expect_navigation():
        page.click("#adjustment-form button[type=submit]")
    assert page.locator("#total").inner_text().startswith("1,500,000")
    settlement = Settlement.objects.get()

    page.context.clear_cookies()
    log_in(page, manager.username, PASSWORD)
    page.goto(settlement.get_absolute_url())
    with page.expect_navigation():
        page.click("#approve")
    assert page.locator("#status").inner_text() == "Approved"
    page.goto("/settlements/overview/")
    page.wait_for_function(
        "() => { const c = document.querySelector('canvas.settlement-chart');"
        " return c && window.Chart && Chart.getChart(c); }"
    )

    page.context.clear_cookies()
    log_in(page, finance.username, PASSWORD)
    page.goto(settlement.get_absolute_url())
    page.fill("#mark-paid-form input[name=paid_on]", "2026-11-02")
    with page.expect_navigation():
        page.click("#mark-paid")
    assert page.locator("#status").inner_text() == "Paid"

    phone = browser.new_context(
        base_url=live_server.url, locale="fa-IR", viewport={"width": 390, "height": 844}
    )
    mobile = phone.new_page()
    log_in(mobile, agent_user.username, PASSWORD)
    mobile.goto("/settlements/")
    assert mobile.locator("html").get_attribute("dir") == "rtl"
    link = mobile.locator("table a").first
    with mobile.expect_navigation():
        link.click()
    assert "۱,۵۰۰,۰۰۰" in mobile.content()
    width = mobile.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 400  # no sideways scrolling on a phone
    assert mobile.request.get(f"/settlements/{settlement.pk}/statement.pdf").status == 200
    phone.close()
