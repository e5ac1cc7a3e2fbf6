"""In a real Chromium: the quality engineer sees the Pareto and the Weibull charts drawn by
Chart.js under the strict CSP, runs the early-warning scan, and the pages fit a phone."""

import numpy as np
import pytest

from tests.browser.conftest import log_in
from tests.factories import PASSWORD

from .conftest import make_units, month_start, simulate_failures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fleet(ac_model, compressor):
    rng = np.random.default_rng(5)
    for i in range(6):
        units = make_units(
            ac_model, count=150, produced=month_start(2024, 1 + i), batch=f"B{i}", prefix=f"B{i}-"
        )
        hazard = 0.05 if i == 4 else 0.01
        simulate_failures(units, rng=rng, monthly_hazard=hazard, months=12, codes=[compressor])
    return ac_model


def _drawn(tab, chart_id):
    return tab.evaluate(
        "(id) => { const c = document.querySelector(`canvas[data-chart='${id}']`);"
        " return !!(c && window.Chart && Chart.getChart(c) && c.width > 0); }",
        chart_id,
    )


def test_charts_are_drawn_and_the_scan_raises_the_bad_batch(page, quality, fleet):  # noqa: F811
    page.set_default_timeout(60_000)  # a loaded CI machine
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in(page, quality.username, PASSWORD)
    page.goto(f"/quality/?product_model={fleet.pk}")
    assert _drawn(page, "chart-codes")
    page.goto(f"/quality/reliability/?product_model={fleet.pk}")
    assert _drawn(page, "chart-life") and _drawn(page, "chart-forecast")
    assert page.locator("#b10").inner_text().strip()
    page.goto("/quality/warnings/")
    with page.expect_navigation():
        page.click("#scan")
    assert "investigation was opened" in page.content()
    assert page.locator("table").get_by_text("B4", exact=True).count() == 1
    assert not errors, errors


def test_the_matrix_fits_a_phone(browser, live_server, quality, fleet):  # noqa: F811
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    phone = context.new_page()
    phone.set_default_timeout(60_000)
    log_in(phone, quality.username, PASSWORD)
    phone.goto(f"/quality/matrix/?product_model={fleet.pk}")
    overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow  # the wide table scrolls inside its own box
    assert phone.locator("#matrix").is_visible()
    context.close()
