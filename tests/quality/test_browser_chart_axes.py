"""In a real Chromium: the quality charts name their axes, and on a Persian page the Pareto's
per-cent axis counts in Persian digits."""

import numpy as np
import pytest

from tests.browser.conftest import log_in
from tests.factories import PASSWORD

from .conftest import make_units, month_start, simulate_failures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fleet(ac_model, compressor):
    rng = np.random.default_rng(5)
    for i in range(4):
        units = make_units(
            ac_model, count=120, produced=month_start(2024, 1 + i), batch=f"B{i}", prefix=f"B{i}-"
        )
        simulate_failures(units, rng=rng, monthly_hazard=0.02, months=12, codes=[compressor])
    return ac_model


AXES = """(id) => {
  const chart = Chart.getChart(document.querySelector(`canvas[data-chart='${id}']`));
  const title = (axis) => axis && axis.options.title.display ? axis.options.title.text : "";
  return {
    x: title(chart.scales.x), y: title(chart.scales.y),
    percent: chart.scales.percent ? chart.scales.percent.ticks.map((t) => t.label) : [],
  };
}"""


def test_axes_are_named_and_counted_in_persian(page, quality, fleet):
    page.set_default_timeout(60_000)
    quality.language = "fa"
    quality.save()
    log_in(page, quality.username, PASSWORD)
    page.goto(f"/quality/?product_model={fleet.pk}")
    pareto = page.evaluate(AXES, "chart-codes")
    assert pareto["y"] and pareto["percent"]
    assert all(
        not any(ch.isascii() and ch.isdigit() for ch in label) for label in pareto["percent"]
    )
    page.goto(f"/quality/reliability/?product_model={fleet.pk}")
    life = page.evaluate(AXES, "chart-life")
    assert life["x"] and life["y"]
