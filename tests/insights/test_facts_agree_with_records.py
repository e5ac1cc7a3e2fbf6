"""The dashboard's pre-aggregated figures equal the figures counted from the records."""

import datetime as dt
from decimal import Decimal

from aftersales.insights import aggregation, dashboard
from aftersales.insights.kpis import kpi_values, measures_from_records
from aftersales.insights.models import DailyFact, Grain
from aftersales.insights.scope import Scope

from .conftest import at

START, END = dt.date(2026, 9, 1), dt.date(2026, 11, 30)


def _busy_world(world):
    world.rate()  # a million rials make a euro
    ac = world.unit(price=Decimal("480000000"))  # sold in January: before the period
    fp = world.unit(
        model=world.fp_model, agent=world.south, sold=dt.date(2026, 9, 20), price=300_000_000
    )
    world.unit(sold=dt.date(2026, 10, 12), price=Decimal("520000000"))
    world.unit(sold=dt.date(2026, 10, 15), price=Decimal("650.00"), currency="EUR")
    world.unit(model=world.fp_model, agent=world.south, sold=dt.date(2026, 11, 5))  # no price
    world.claim(unit=ac, failure=dt.date(2026, 10, 5), approved=6_000_000)
    world.claim(unit=fp, failure=dt.date(2026, 11, 3), approved=2_500_000, status="partly")
    world.claim(unit=fp, failure=dt.date(2026, 11, 4), approved=0, status="submitted")
    world.served(
        unit=ac, opened=at(dt.date(2026, 9, 12), 9), visit_start=at(dt.date(2026, 9, 13), 10)
    )
    world.served(
        unit=ac,
        opened=at(dt.date(2026, 10, 3), 14, 30),
        visit_start=at(dt.date(2026, 10, 4), 10),
        result="needs_parts",
    )
    world.served(
        unit=fp,
        agent=world.south,
        technician=world.tech_south,
        opened=at(dt.date(2026, 10, 7), 15),
        visit_start=at(dt.date(2026, 10, 10), 11),
    )
    world.request(unit=fp, agent=world.south, opened=at(dt.date(2026, 11, 2), 10))


def test_every_grain_agrees_with_the_records(world):
    _busy_world(world)
    aggregation.refresh(full=True)
    assert DailyFact.objects.filter(grain=Grain.TOTAL).exists()
    scopes = [
        {},
        {"agent": world.north.pk},
        {"region": "South"},
        {"technician": world.tech_south.pk},
        {"category": world.cooling.pk},
        {"product_model": world.fp_model.pk},
        {"service_type": world.north.service_requests.first().service_type_id},
    ]
    for narrowing in scopes:
        scope = Scope(start=START, end=END, **narrowing)
        figures, from_facts = dashboard.kpi_figures(scope)
        assert from_facts, narrowing
        assert figures == kpi_values(start=START, end=END, **narrowing), narrowing
    october = Scope(start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31))
    assert dashboard.kpi_figures(october)[0] == kpi_values(start=october.start, end=october.end)


def test_monthly_trend_matches_each_month(world):
    _busy_world(world)
    aggregation.refresh(full=True)
    for month, figures in dashboard.trend(Scope(start=START, end=END)):
        last = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        assert figures == kpi_values(start=month, end=last), month


def test_breakdown_by_agent_matches_each_agent(world):
    _busy_world(world)
    aggregation.refresh(full=True)
    rows = dict(dashboard.breakdown(Scope(start=START, end=END), "agent"))
    assert set(rows) == {world.north.pk, world.south.pk}
    for agent, figures in rows.items():
        assert figures == kpi_values(start=START, end=END, agent=agent)


def test_two_dimensions_at_once_are_counted_from_the_records(world):
    _busy_world(world)
    aggregation.refresh(full=True)
    scope = Scope(start=START, end=END, agent=world.north.pk, category=world.cooling.pk)
    figures, from_facts = dashboard.kpi_figures(scope)
    assert not from_facts
    assert figures == kpi_values(start=START, end=END, agent=world.north, category=world.cooling)


def test_a_period_of_odd_days_reads_months_and_edge_days(world):
    _busy_world(world)
    aggregation.refresh(full=True)
    start, end = dt.date(2026, 9, 12), dt.date(2026, 11, 2)
    for narrowing in ({}, {"agent": world.south.pk}, {"product_model": world.ac_model.pk}):
        figures, from_facts = dashboard.kpi_figures(Scope(start=start, end=end, **narrowing))
        assert from_facts
        assert figures == kpi_values(start=start, end=end, **narrowing), narrowing


def test_the_whole_page_agrees_with_the_records(world):
    _busy_world(world)
    aggregation.refresh(full=True)
    start, end = dt.date(2026, 9, 12), dt.date(2026, 11, 2)
    for narrowing in ({}, {"agent": world.north.pk}, {"category": world.kitchen.pk}):
        data = dashboard.page(Scope(start=start, end=end, **narrowing))
        assert data["from_facts"]
        assert data["figures"] == kpi_values(start=start, end=end, **narrowing), narrowing
    both = dashboard.page(Scope(start=start, end=end, agent=world.north.pk, category=1))
    assert not both["from_facts"]


def test_warranty_cost_as_a_share_of_sales_agrees_at_every_grain(world):
    """Approved claims of the period over the sale prices of the units sold in it, both in
    euros (rials at a million to the euro): the unpriced unit is left out, and the facts say
    the same as the records."""
    _busy_world(world)
    aggregation.refresh(full=True)
    scope = Scope(start=START, end=END)
    # 820,000,000 rials (820 euros) and a unit sold for 650 euros
    assert dashboard.measures(scope)["sales_value"] == Decimal("1470.00")
    assert measures_from_records(scope)["sales_value"] == Decimal("1470.00")
    expected = {
        # 8.50 / 1,470
        (): Decimal("0.0058"),
        # the north's claim (6.00) over its October units (520.00 and 650.00)
        (("agent", world.north.pk),): Decimal("0.0051"),
        (("region", "South"),): Decimal("0.0083"),  # 2.50 / 300.00
        (("category", world.kitchen.pk),): Decimal("0.0083"),
        (("product_model", world.ac_model.pk),): Decimal("0.0051"),
        (("technician", world.tech_north.pk),): None,  # units have no technician
    }
    for narrowing, value in expected.items():
        figures, from_facts = dashboard.kpi_figures(Scope(start=START, end=END, **dict(narrowing)))
        assert from_facts
        assert figures["warranty_cost_pct_of_sales"] == value, narrowing
        assert figures == kpi_values(start=START, end=END, **dict(narrowing)), narrowing
    # November has a claim and a unit sold, but no price to divide by
    november = dashboard.kpi_figures(Scope(start=dt.date(2026, 11, 1), end=END))[0]
    assert november["warranty_cost_pct_of_sales"] is None
    assert november["warranty_cost_per_unit"] == Decimal("2.50")  # euros
