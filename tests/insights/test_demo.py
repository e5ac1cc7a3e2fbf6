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


def test_what_later_demos_write_in_bulk_is_counted_once_the_demo_is_in(
    world, django_capture_on_commit_callbacks
):
    """Quality's demo writes two years of claims in bulk after this one: the dashboard's cards
    must still agree with the records behind them when the demo is loaded."""
    from aftersales.warranty.models import Claim

    unit = world.unit()
    world.unit(model=world.fp_model, agent=world.south)
    end = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
        Claim.objects.bulk_create(  # as a later app's demo does: no signals, past dates
            Claim(
                number=f"WC-LATER-{n}",
                unit=unit,
                agent=unit.service_agent,
                failure_date=end - dt.timedelta(days=30 + n),
                status="approved",
            )
            for n in range(5)
        )
    start = end - dt.timedelta(days=200)
    figures, from_facts = dashboard.kpi_figures(Scope(start=start, end=end))
    assert from_facts
    assert figures == kpi_values(start=start, end=end)
