"""`kpi_values` counts the records themselves, by the written definitions."""

import datetime as dt
from decimal import Decimal

from aftersales.insights.kpis import kpi_values

from .conftest import at

OCT = dt.date(2026, 10, 1)
OCT_END = dt.date(2026, 10, 31)


def test_first_time_fix_and_repeat_visits(world):
    ac = world.unit()
    # Saturday 3 October 2026: a working day in Iran
    world.served(
        unit=ac, opened=at(dt.date(2026, 10, 3), 9), visit_start=at(dt.date(2026, 10, 4), 10)
    )
    # the same unit again ten days later: the first visit becomes a repeat
    request, _ = world.served(
        unit=ac,
        opened=at(dt.date(2026, 10, 13), 9),
        visit_start=at(dt.date(2026, 10, 14), 10),
        result="needs_parts",
    )
    values = kpi_values(start=OCT, end=OCT_END)
    assert values["repeat_visit_rate"] == Decimal("0.5000")
    # one resolved by its first visit; the other is not resolved yet
    assert values["first_time_fix_rate"] == Decimal("1.0000")
    assert values["nps"] is None  # no survey answer: nothing to measure


def test_response_time_counts_business_hours_only(world):
    ac = world.unit()
    # opened Wednesday 7 October 15:00, triaged (answered) at 16:00: one business hour
    world.request(unit=ac, opened=at(dt.date(2026, 10, 7), 15))
    values = kpi_values(start=OCT, end=OCT_END)
    assert values["mean_response_hours"] == Decimal("1.00")


def test_scope_by_agent_region_category(world):
    ac = world.unit()
    fp = world.unit(model=world.fp_model, agent=world.south)
    world.served(
        unit=ac, opened=at(dt.date(2026, 10, 3), 9), visit_start=at(dt.date(2026, 10, 4), 10)
    )
    world.served(
        unit=fp,
        agent=world.south,
        technician=world.tech_south,
        opened=at(dt.date(2026, 10, 5), 9),
        visit_start=at(dt.date(2026, 10, 6), 10),
        result="needs_parts",
    )
    north = kpi_values(start=OCT, end=OCT_END, region="North")
    south = kpi_values(start=OCT, end=OCT_END, agent=world.south)
    kitchen = kpi_values(start=OCT, end=OCT_END, category=world.kitchen)
    assert north["first_time_fix_rate"] == Decimal("1.0000")
    assert south["first_time_fix_rate"] is None  # not resolved yet
    assert kitchen["repeat_visit_rate"] == Decimal("0.0000")
    assert north["claims_per_1000_units"] == Decimal("0.00")
    by_technician = kpi_values(start=OCT, end=OCT_END, technician=world.tech_north)
    assert by_technician["claims_per_1000_units"] is None  # units have no technician
