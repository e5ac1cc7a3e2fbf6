"""The demo history gives the dashboard a year of figures, the same as the records say."""

import datetime as dt

from django.utils import timezone

from aftersales.insights import dashboard
from aftersales.insights.demo import load_demo
from aftersales.insights.kpis import kpi_values
from aftersales.insights.scope import Scope


def test_the_demo_loads_a_year_once_and_aggregates_it(world):
    world.unit()
    world.unit(model=world.fp_model, agent=world.south)
    line = load_demo()
    assert "service requests" in line
    assert load_demo() == ""  # once
    end = timezone.localdate()
    start = end - dt.timedelta(days=200)
    figures, from_facts = dashboard.kpi_figures(Scope(start=start, end=end))
    assert from_facts
    assert figures == kpi_values(start=start, end=end)
    assert figures["first_time_fix_rate"] is not None
