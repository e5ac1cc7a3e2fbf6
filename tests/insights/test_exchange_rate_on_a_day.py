"""The rate of a day is the latest on or before it; conversions say when a rate is missing."""

import datetime as dt
from decimal import Decimal

import pytest

from aftersales.insights.models import ExchangeRate
from aftersales.insights.rates import (
    MissingRate,
    RateBook,
    combine,
    rate_on,
    reporting_currency,
    to_reporting,
)

MARCH = dt.date(2026, 3, 1)
APRIL = dt.date(2026, 4, 1)
PER_MILLION_IN_MARCH = Decimal("0.000000952381")  # 1 EUR = 1,050,000 IRR
PER_MILLION_IN_APRIL = Decimal("0.000000909091")  # 1 EUR = 1,100,000 IRR


@pytest.fixture
def rates(db):
    ExchangeRate.objects.create(currency="IRR", valid_from=MARCH, rate=PER_MILLION_IN_MARCH)
    ExchangeRate.objects.create(currency="IRR", valid_from=APRIL, rate=PER_MILLION_IN_APRIL)


def test_the_reporting_currency_is_euro_by_default_and_worth_one(db):
    assert reporting_currency() == "EUR"
    assert rate_on("EUR", dt.date(1990, 1, 1)) == 1


def test_before_the_first_rate_there_is_none(rates):
    assert rate_on("IRR", MARCH - dt.timedelta(days=1)) is None


def test_a_rate_counts_from_its_own_day(rates):
    assert rate_on("IRR", MARCH) == PER_MILLION_IN_MARCH
    assert rate_on("IRR", APRIL) == PER_MILLION_IN_APRIL


def test_between_rates_the_earlier_one_holds_and_the_last_one_holds_on(rates):
    assert rate_on("IRR", APRIL - dt.timedelta(days=1)) == PER_MILLION_IN_MARCH
    assert rate_on("IRR", dt.date(2030, 1, 1)) == PER_MILLION_IN_APRIL


def test_a_rate_book_reads_once_and_answers_as_the_table(rates, django_assert_num_queries):
    days = (MARCH - dt.timedelta(days=1), MARCH, dt.date(2026, 3, 31), APRIL, dt.date(2031, 1, 1))
    expected = [rate_on("IRR", day) for day in days]
    with django_assert_num_queries(1):
        book = RateBook(("IRR", "EUR"))
        assert [book.rate_on("IRR", day) for day in days] == expected
        assert book.rate_on("EUR", MARCH) == 1


def test_an_amount_is_converted_at_its_days_rate_and_rounded_to_cents(rates):
    assert to_reporting(Decimal(1_050_000), "IRR", dt.date(2026, 3, 15)) == Decimal("1.00")
    assert to_reporting(Decimal(110_000_000), "IRR", APRIL) == Decimal("100.00")
    assert to_reporting(Decimal("12.345"), "EUR", APRIL) == Decimal("12.35")


def test_without_a_rate_the_conversion_says_which_one_is_missing(rates):
    with pytest.raises(MissingRate) as missing:
        to_reporting(Decimal(5), "IRR", dt.date(2026, 2, 28))
    assert missing.value.currency == "IRR"
    assert str(missing.value) == "No exchange rate for IRR on or before 02/28/2026."


def test_a_sum_over_months_uses_each_months_rate(rates):
    combined = combine(
        {
            dt.date(2026, 3, 31): {"IRR": Decimal(1_050_000_000), "EUR": Decimal("10.50")},
            dt.date(2026, 4, 30): {"IRR": Decimal(1_100_000_000), "EUR": Decimal(0)},
        }
    )
    assert combined.currency == "EUR"
    assert combined.amount == Decimal("2010.50")  # 1,000 + 10.50 + 1,000
    assert combined.missing == []


def test_a_sum_with_a_missing_rate_is_unknown_not_smaller(rates):
    combined = combine(
        {
            dt.date(2026, 2, 28): {"IRR": Decimal(1_000_000), "EUR": Decimal(5)},
            dt.date(2026, 3, 31): {"IRR": Decimal(1_050_000)},
        }
    )
    assert combined.amount is None
    assert combined.messages == ["No exchange rate for IRR on or before 02/28/2026."]


def test_months_without_a_rate_are_told_once_by_the_latest(rates):
    combined = combine(
        {
            dt.date(2026, 1, 31): {"IRR": Decimal(1_000_000)},
            dt.date(2026, 2, 28): {"IRR": Decimal(1_000_000)},
            dt.date(2026, 3, 31): {"IRR": Decimal(1_050_000)},
        }
    )
    assert combined.messages == ["No exchange rate for IRR on or before 02/28/2026."]


def test_a_zero_amount_needs_no_rate(rates):
    combined = combine({dt.date(2026, 1, 31): {"IRR": Decimal(0), "EUR": Decimal(7)}})
    assert combined.amount == Decimal("7.00")


def test_the_reporting_currency_comes_from_the_settings(rates, settings):
    settings.AFTERSALES_REPORTING_CURRENCY = "IRR"
    ExchangeRate.objects.create(currency="EUR", valid_from=MARCH, rate=Decimal(1_050_000))
    assert to_reporting(Decimal("2.50"), "EUR", APRIL) == Decimal(2_625_000)
    assert to_reporting(Decimal(7), "IRR", dt.date(2000, 1, 1)) == Decimal(7)
