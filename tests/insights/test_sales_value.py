"""Sales value (the sale prices of the units sold) behind "warranty cost as % of sales": a
price given late changes the day the unit was sold, and every currency counts, converted into
the reporting currency (EUR) month by month."""

import datetime as dt
from decimal import Decimal

from aftersales.billing.models import Company
from aftersales.insights import aggregation, dashboard
from aftersales.insights.kpis import kpi_values
from aftersales.insights.models import FACTS_LAYOUT, PendingDay, RefreshLog
from aftersales.insights.scope import Scope
from aftersales.units.services import unit_update

OCTOBER = Scope(start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31))


def _share(scope: Scope = OCTOBER):
    figures, from_facts = dashboard.kpi_figures(scope)
    assert from_facts
    assert figures == kpi_values(start=scope.start, end=scope.end)
    return figures["warranty_cost_pct_of_sales"]


def test_a_price_given_late_changes_the_day_the_unit_was_sold(world):
    world.rate()  # a million rials make a euro
    unit = world.unit(sold=dt.date(2026, 10, 12))  # imported without a price
    world.claim(unit=unit, failure=dt.date(2026, 10, 20), approved=9_000_000)
    aggregation.refresh(full=True)
    assert _share() is None  # nothing sold with a price
    PendingDay.objects.all().delete()

    unit_update(unit=unit, by=world.staff, sale_price=Decimal("450000000"))
    assert set(PendingDay.objects.values_list("day", flat=True)) == {dt.date(2026, 10, 12)}
    log = aggregation.refresh()
    assert not log.full
    assert _share() == Decimal("0.0200")  # 9,000,000 / 450,000,000

    # corrected again, and moved to another day: both days are rebuilt
    unit_update(
        unit=unit, by=world.staff, sale_price=Decimal("300000000"), sale_date=dt.date(2026, 9, 30)
    )
    assert set(PendingDay.objects.values_list("day", flat=True)) == {
        dt.date(2026, 10, 12),
        dt.date(2026, 9, 30),
    }
    aggregation.refresh()
    assert _share() is None  # October has no sale left
    september = Scope(start=dt.date(2026, 9, 1), end=dt.date(2026, 9, 30))
    assert dashboard.measures(september)["sales_value"] == Decimal("300.00")  # euros
    assert _share(Scope(start=dt.date(2026, 9, 1), end=OCTOBER.end)) == Decimal("0.0300")


def test_every_currency_counts_whatever_the_companys(world):
    world.rate()
    rials = world.unit(sold=dt.date(2026, 10, 3), price=Decimal("400000000"))
    euros = world.unit(sold=dt.date(2026, 10, 4), price=Decimal("1250.50"), currency="EUR")
    world.claim(unit=rials, failure=dt.date(2026, 10, 10), approved=8_000_000)
    world.claim(unit=euros, failure=dt.date(2026, 10, 11), approved=25, currency="EUR")
    aggregation.refresh(full=True)
    measures = dashboard.measures(OCTOBER)
    assert measures["sales_value"] == Decimal("1650.50")  # 400.00 + 1,250.50
    assert measures["claims_cost"] == Decimal("33.00")  # 8.00 + 25.00
    assert _share() == Decimal("0.0200")  # 33 / 1,650.50

    # the company turns out to keep its books in euros: the facts need no rebuild for it
    Company.objects.create(country="IT", name="Aftersales Italia", currency="EUR")
    log = aggregation.refresh()
    assert not log.full
    assert dashboard.measures(OCTOBER)["claims_cost"] == Decimal("33.00")
    assert kpi_values(start=OCTOBER.start, end=OCTOBER.end) == dashboard.kpi_figures(OCTOBER)[0]


def test_the_card_opens_the_claims_behind_it(world, login, manager):
    world.rate()
    unit = world.unit(sold=dt.date(2026, 10, 2), price=Decimal("500000000"))
    counted = world.claim(unit=unit, failure=dt.date(2026, 10, 9), approved=5_000_000)
    world.claim(unit=unit, failure=dt.date(2026, 8, 9), approved=1_000_000)  # another period
    aggregation.refresh(full=True)
    client = login(manager)
    page = client.get("/insights/", {"start": "2026-10-01", "end": "2026-10-31"})
    card = next(c for c in page.context["cards"] if c["kpi"].key == "warranty_cost_pct_of_sales")
    assert card["text"] == "1.0%"  # 5,000,000 / 500,000,000
    assert 'id="kpi-warranty_cost_pct_of_sales"' in page.content.decode()
    listing = client.get(card["url"])
    assert listing.status_code == 200
    assert {row[0].number for row in listing.context["rows"]} == {counted.number}


def test_facts_of_an_older_layout_are_rebuilt_by_the_next_refresh(world):
    """Facts written before money was kept per currency (layout 0, as the migration leaves
    them): the next refresh rebuilds every day by itself."""
    aggregation.refresh(full=True)
    assert RefreshLog.objects.first().layout == FACTS_LAYOUT
    assert not aggregation.refresh().full
    RefreshLog.objects.update(layout=0)
    assert aggregation.refresh().full
