"""Warranty cost and sales value in one currency: rials and euros are kept apart in the facts
and converted into the reporting currency (EUR) month by month, at the rate of the month's last
day; a missing rate is named, never taken as zero."""

import csv
import datetime as dt
import io
from decimal import Decimal

from aftersales.insights import aggregation, dashboard
from aftersales.insights.kpis import kpi_values
from aftersales.insights.models import MONEY_COLUMNS, DailyFact, Grain, MonthlyFact, PendingDay
from aftersales.insights.scope import Scope

OCTOBER = Scope(start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31))
AUTUMN = Scope(start=dt.date(2026, 9, 1), end=dt.date(2026, 10, 31))


def _figures(scope):
    figures, from_facts = dashboard.kpi_figures(scope)
    assert from_facts
    records = kpi_values(start=scope.start, end=scope.end, **scope.filters)
    assert figures == records
    assert figures.missing == records.missing
    return figures


def test_every_currency_has_its_columns_in_the_facts():
    names = {field.name for field in DailyFact._meta.get_fields()}
    for columns in MONEY_COLUMNS.values():
        assert set(columns) == {"IRR", "EUR"}
        assert set(columns.values()) <= names


def test_a_month_of_rials_and_euros_is_summed_in_euros(world):
    world.rate(valid_from=dt.date(2026, 10, 1), rate="0.000001")  # 1,000,000 IRR = 1 EUR
    world.rate(valid_from=dt.date(2026, 11, 1), rate="0.000002")  # not October's
    rials = world.unit(sold=dt.date(2026, 10, 3), price=Decimal("400000000"))
    euros = world.unit(sold=dt.date(2026, 10, 4), price=Decimal("600.00"), currency="EUR")
    world.claim(unit=rials, failure=dt.date(2026, 10, 10), approved=8_000_000)
    world.claim(unit=euros, failure=dt.date(2026, 10, 11), approved=12, currency="EUR")
    aggregation.refresh(full=True)

    row = DailyFact.objects.get(grain=Grain.TOTAL, day=dt.date(2026, 10, 10))
    assert (row.claims_cost_irr, row.claims_cost_eur) == (Decimal("8000000.00"), 0)
    month = MonthlyFact.objects.get(grain=Grain.TOTAL, month=dt.date(2026, 10, 1))
    assert month.claims_cost_irr == Decimal("8000000.00")
    assert month.claims_cost_eur == Decimal("12.00")
    assert month.sales_value_eur == Decimal("600.00")

    figures = _figures(OCTOBER)
    assert figures["warranty_cost_per_unit"] == Decimal("10.00")  # (8 + 12) / 2 units
    assert figures["warranty_cost_pct_of_sales"] == Decimal("0.0200")  # 20 / (400 + 600)
    assert figures.amounts["claims_cost"] == {"IRR": Decimal("8000000.00"), "EUR": Decimal("12")}
    assert figures.missing == {}
    assert dashboard.measures(OCTOBER)["claims_cost"] == Decimal("20.00")


def test_each_month_is_converted_at_its_own_rate(world):
    world.rate(valid_from=dt.date(2026, 9, 1), rate="0.000001")
    world.rate(valid_from=dt.date(2026, 10, 31), rate="0.000002")  # October's last day
    unit = world.unit(sold=dt.date(2026, 9, 2), price=Decimal("1000000000"))
    world.claim(unit=unit, failure=dt.date(2026, 9, 20), approved=5_000_000)  # 5 EUR
    world.claim(unit=unit, failure=dt.date(2026, 10, 20), approved=5_000_000)  # 10 EUR
    aggregation.refresh(full=True)
    assert _figures(AUTUMN)["warranty_cost_per_unit"] == Decimal("15.00")
    trend = dict(dashboard.trend(AUTUMN))
    assert trend[dt.date(2026, 10, 1)]["warranty_cost_pct_of_sales"] is None  # nothing sold
    september = trend[dt.date(2026, 9, 1)]
    assert september["warranty_cost_per_unit"] == Decimal("5.00")


def test_a_missing_rate_is_named_not_taken_as_zero(world, login, manager):
    world.rate(valid_from=dt.date(2026, 10, 15))  # too late for September
    unit = world.unit(sold=dt.date(2026, 9, 2), price=Decimal("200.00"), currency="EUR")
    world.claim(unit=unit, failure=dt.date(2026, 9, 20), approved=3_000_000)
    aggregation.refresh(full=True)
    figures = _figures(AUTUMN)
    assert figures["warranty_cost_per_unit"] is None
    assert figures["warranty_cost_pct_of_sales"] is None
    assert figures.missing["warranty_cost_per_unit"] == [
        "No exchange rate for IRR on or before 09/30/2026."
    ]

    client = login(manager)
    query = {"start": "2026-09-01", "end": "2026-10-31"}
    page = client.get("/insights/", query)
    card = next(c for c in page.context["cards"] if c["kpi"].key == "warranty_cost_per_unit")
    assert card["missing"] == ["No exchange rate for IRR on or before 09/30/2026."]
    html = page.content.decode()
    assert 'id="missing-rates"' in html and "No exchange rate for IRR" in html
    assert card["amounts"] == ["Warranty cost: 3,000,000 Rial"]

    api = client.get("/api/v1/insights/kpis", query).json()
    assert api["values"]["warranty_cost_per_unit"] is None
    assert api["reporting_currency"] == "EUR"
    assert api["missing_rates"]["warranty_cost_per_unit"] == [
        "No exchange rate for IRR on or before 09/30/2026."
    ]
    assert Decimal(api["amounts"]["claims_cost"]["IRR"]) == Decimal(3_000_000)

    export = client.get("/insights/", {**query, "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    period = next(r for r in rows if r[0] == "Period" and r[2] == "Warranty cost per unit sold")
    assert period[3] == "" and period[4] == "EUR"
    assert "No exchange rate for IRR on or before 09/30/2026." in period[6]

    # the rate is given: the figure appears at once, without a refresh
    world.rate(valid_from=dt.date(2026, 9, 1))
    assert _figures(AUTUMN)["warranty_cost_per_unit"] == Decimal("3.00")


def test_the_breakdown_by_agent_converts_each_agents_money(world, login, manager):
    world.rate(valid_from=dt.date(2026, 1, 1), rate="0.000001")
    world.rate(valid_from=dt.date(2026, 10, 1), rate="0.000002")
    north = world.unit(sold=dt.date(2026, 9, 5), price=Decimal("500000000"))
    south = world.unit(
        agent=world.south, sold=dt.date(2026, 9, 6), price=Decimal("400.00"), currency="EUR"
    )
    world.claim(unit=north, failure=dt.date(2026, 9, 10), approved=4_000_000)  # 4 EUR
    world.claim(unit=north, failure=dt.date(2026, 10, 10), approved=4_000_000)  # 8 EUR
    world.claim(unit=south, failure=dt.date(2026, 10, 12), approved=20, currency="EUR")
    aggregation.refresh(full=True)
    rows = dict(dashboard.breakdown(AUTUMN, "agent"))
    assert rows[world.north.pk]["warranty_cost_per_unit"] == Decimal("12.00")
    assert rows[world.north.pk]["warranty_cost_pct_of_sales"] == Decimal("0.0240")  # 12 / 500
    assert rows[world.south.pk]["warranty_cost_per_unit"] == Decimal("20.00")
    assert rows[world.south.pk]["warranty_cost_pct_of_sales"] == Decimal("0.0500")
    for agent in (world.north, world.south):
        own = kpi_values(start=AUTUMN.start, end=AUTUMN.end, agent=agent.pk)
        assert rows[agent.pk] == own
    regions = dict(dashboard.breakdown(AUTUMN, "region"))
    assert regions["North"]["warranty_cost_per_unit"] == Decimal("12.00")
    models = dict(dashboard.breakdown(AUTUMN, "product_model"))
    assert models[world.ac_model.pk]["warranty_cost_per_unit"] == Decimal("16.00")  # 32 / 2

    page = login(manager).get("/insights/", {"start": "2026-09-01", "end": "2026-10-31"})
    by_agent = next(b for b in page.context["breakdowns"] if b["by"] == "agent")
    cells = {row["label"]: row["cells"][-1] for row in by_agent["rows"]}
    assert cells["North Service (Tabriz)"][0] == "12.00 €"


def test_a_late_claim_keeps_each_currencys_sums(world):
    world.rate()
    unit = world.unit(sold=dt.date(2026, 10, 2), price=Decimal("100.00"), currency="EUR")
    world.claim(unit=unit, failure=dt.date(2026, 10, 5), approved=2_000_000)
    aggregation.refresh(full=True)
    PendingDay.objects.all().delete()

    world.claim(unit=unit, failure=dt.date(2026, 10, 5), approved=7, currency="EUR")
    world.claim(unit=unit, failure=dt.date(2026, 10, 20), approved=1_000_000)
    log = aggregation.refresh()
    assert not log.full
    month = MonthlyFact.objects.get(grain=Grain.TOTAL, month=dt.date(2026, 10, 1))
    assert (month.claims_cost_irr, month.claims_cost_eur) == (Decimal(3_000_000), Decimal(7))
    agent = MonthlyFact.objects.get(grain=Grain.AGENT, agent=world.north, month=month.month)
    assert (agent.claims_cost_irr, agent.claims_cost_eur) == (Decimal(3_000_000), Decimal(7))
    day = DailyFact.objects.get(grain=Grain.TOTAL, day=dt.date(2026, 10, 5))
    assert (day.claims_cost_irr, day.claims_cost_eur) == (Decimal(2_000_000), Decimal(7))
    assert _figures(OCTOBER)["warranty_cost_per_unit"] == Decimal("10.00")  # 3 + 7
    assert (
        _figures(OCTOBER.with_period(dt.date(2026, 10, 3), dt.date(2026, 10, 25)))[
            "warranty_cost_pct_of_sales"
        ]
        is None
    )  # the unit was sold before: no sales in that period


def test_the_claims_behind_the_card_show_the_converted_amount(world, login, manager):
    world.rate(valid_from=dt.date(2026, 10, 1), rate="0.000001")
    unit = world.unit()
    world.claim(unit=unit, failure=dt.date(2026, 10, 5), approved=6_000_000)
    world.claim(unit=unit, failure=dt.date(2026, 9, 5), approved=1_000_000)  # no rate yet
    client = login(manager)
    query = {"start": "2026-09-01", "end": "2026-10-31", "kpi": "warranty_cost_per_unit"}
    export = client.get("/insights/records/claims/", {**query, "export": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][-1] == "Approved, in EUR"
    converted = {row[0]: row[-1] for row in rows[1:]}
    assert converted["WC-T-1"] == "6.00"
    assert converted["WC-T-2"] == "No exchange rate for IRR on or before 09/30/2026."
