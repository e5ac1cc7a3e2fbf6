"""In a real Chromium: the complaint analysis draws its charts, and the count axis says what
it counts (the legend of a one-series chart is hidden)."""

import pytest

from tests.browser.conftest import log_in
from tests.factories import PASSWORD

from .conftest import receive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXIS = """(id) => {
  const chart = Chart.getChart(document.querySelector(`canvas[data-chart='${id}']`));
  return chart ? chart.options.scales.y.title.text : null;
}"""


def test_the_count_axis_is_named(page, manager, operator, owner):
    page.set_default_timeout(60_000)
    receive(by=operator, customer=owner)
    log_in(page, manager.username, PASSWORD)
    page.goto("/complaints/analysis/")
    assert page.evaluate(AXIS, "data-month") == "Complaints"
    assert page.evaluate(AXIS, "data-product") == "Complaints"
