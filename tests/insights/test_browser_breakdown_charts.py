"""In a real Chromium: the dashboard's breakdown charts name what their bars measure (their
legend is hidden), keep a bar's height whatever the page's width, and on a right-to-left page
the names stand on the right, where the bars start."""

import datetime as dt

import pytest

from aftersales.insights import aggregation
from tests.browser.conftest import log_in
from tests.factories import PASSWORD

from .conftest import at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHART = """() => {
  const canvas = document.getElementById("chart-breakdown-region");
  const chart = Chart.getChart(canvas);
  return {
    title: chart.options.scales.x.title.text,
    height: canvas.getBoundingClientRect().height,
    position: chart.scales.y.position,
  };
}"""


def test_the_breakdown_chart_is_readable(page, service_data, world):
    page.set_default_timeout(60_000)
    unit = world.unit()
    today = dt.date.today()
    world.served(
        unit=unit,
        opened=at(today - dt.timedelta(days=20), 9),
        visit_start=at(today - dt.timedelta(days=19), 10),
    )
    aggregation.refresh(full=True)
    world.staff.language = "fa"
    world.staff.save()
    page.set_viewport_size({"width": 1300, "height": 900})
    log_in(page, world.staff.username, PASSWORD)
    page.goto("/insights/")
    drawn = page.evaluate(CHART)
    assert drawn["title"].endswith("(%)")
    assert drawn["height"] < 300  # one region: not a 1300 × 680 pixel bar
    assert drawn["position"] == "right"
