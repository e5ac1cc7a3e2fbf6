"""The demo has a rate of the rial for every month of its year, so revenue adds up in euros."""

import datetime as dt
from decimal import Decimal

from aftersales.insights.demo import load_rates
from aftersales.insights.models import ExchangeRate
from aftersales.insights.rates import rate_on


def test_a_rate_a_month_over_the_demos_year_once(db):
    today = dt.date(2026, 12, 7)
    assert load_rates(today) == 14  # November 2025 to December 2026
    assert load_rates(today) == 0
    first = rate_on("IRR", dt.date(2025, 11, 1))
    latest = rate_on("IRR", today)
    assert first == ExchangeRate.objects.order_by("valid_from").first().rate
    rials_per_euro = (Decimal(1) / first, Decimal(1) / latest)
    assert Decimal(1_000_000) < rials_per_euro[0] < rials_per_euro[1] < Decimal(2_000_000)
    assert rate_on("IRR", dt.date(2025, 10, 31)) is None
