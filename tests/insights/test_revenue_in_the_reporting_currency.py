"""Revenue in rials and euros stays per currency, and is added up in euros at each month's
rate on the dashboard and the revenue page; a missing rate is said, never guessed."""

import datetime as dt
from decimal import Decimal

import pytest

from aftersales.insights.models import ExchangeRate
from aftersales.insights.revenue import revenue_by_currency
from aftersales.insights.scope import Scope
from tests.factories import CustomerFactory

PERIOD = {"start": "2026-03-01", "end": "2026-04-30"}


@pytest.fixture
def invoices(db):
    from aftersales.billing.models import Company, Invoice

    iran = Company.objects.create(
        country="IR", name="Aftersales Iran", currency="IRR", vat_number="411111111111"
    )
    italy = Company.objects.create(country="IT", name="Aftersales Italia", currency="EUR")
    customer = CustomerFactory()

    def invoice(company, day, net, kind="invoice"):
        return Invoice.objects.create(
            company=company,
            customer=customer,
            currency=company.currency,
            language="fa",
            priced_on=day,
            issue_date=day,
            status="issued",
            kind=kind,
            net=Decimal(net),
        )

    invoice(iran, dt.date(2026, 3, 10), 1_050_000_000)  # 1,000 EUR at March's rate
    invoice(iran, dt.date(2026, 4, 20), 2_200_000_000)  # 2,000 EUR at April's rate
    invoice(iran, dt.date(2026, 4, 21), 110_000_000, kind="credit")  # -100 EUR
    invoice(italy, dt.date(2026, 4, 2), "250.50")
    return iran, italy


@pytest.fixture
def rates(db):
    ExchangeRate.objects.create(
        currency="IRR", valid_from=dt.date(2026, 3, 1), rate=Decimal(1) / 1_050_000
    )
    ExchangeRate.objects.create(
        currency="IRR", valid_from=dt.date(2026, 4, 1), rate=Decimal(1) / 1_100_000
    )


def test_each_month_is_converted_at_the_rate_of_its_last_day(invoices, rates):
    found = revenue_by_currency(Scope(start=dt.date(2026, 3, 1), end=dt.date(2026, 4, 30)))
    assert found.currencies == ["IRR", "EUR"]
    assert found.totals == {"IRR": Decimal(3_140_000_000), "EUR": Decimal("250.50")}
    march, april = found.months
    assert march.amounts == {"IRR": Decimal(1_050_000_000), "EUR": 0}
    assert march.combined.amount == Decimal("1000.00")
    assert april.combined.amount == Decimal("2150.50")  # 2,000 - 100 + 250.50
    assert found.combined.amount == Decimal("3150.50")


def test_the_dashboard_shows_each_currency_and_the_sum_in_euros(invoices, rates, manager, login):
    page = login(manager).get("/insights/", PERIOD).content.decode()
    assert 'id="revenue-combined"' in page
    assert "3,140,000,000 Rial" in page
    assert "250.50 €" in page
    assert "3,150.50 €" in page
    assert '"Revenue in EUR"' in page  # the chart of the sum by month


def test_a_missing_rate_is_said_instead_of_a_smaller_sum(invoices, manager, login):
    ExchangeRate.objects.create(
        currency="IRR", valid_from=dt.date(2026, 4, 1), rate=Decimal(1) / 1_100_000
    )
    client = login(manager)
    page = client.get("/insights/", PERIOD).content.decode()
    assert "No exchange rate for IRR on or before 03/31/2026." in page
    assert "2,150.50 €" not in page.split('id="revenue-combined"')[1].split("</div>\n</div>")[0]
    months = client.get("/insights/revenue/", PERIOD).content.decode()
    assert "No exchange rate for IRR on or before 03/31/2026." in months
    assert "2,150.50 €" in months  # April has its rate


def test_the_revenue_page_has_a_row_a_month_and_the_chart(invoices, rates, make_user, login):
    from aftersales.core.choices import Role

    client = login(make_user(Role.FINANCE))
    page = client.get("/insights/revenue/", PERIOD).content.decode()
    assert page.count('<th scope="row">') == 2
    assert "1,000.00 €" in page and "2,150.50 €" in page and "3,150.50 €" in page
    assert 'id="chart-revenue"' in page and "insights-charts" in page


def test_revenue_is_not_split_by_agent(invoices, rates, manager, login, agent):
    page = login(manager).get("/insights/revenue/", PERIOD | {"agent": agent.pk})
    assert 'id="revenue-none"' in page.content.decode()
