"""Exchange rates: money of every currency in the reporting currency.

    rate_on("IRR", date(2026, 3, 31))             -> Decimal("0.000000952381...") or None
    to_reporting(Decimal(1_050_000), "IRR", day)  -> Decimal("1.00") (raises MissingRate)

A rate (`ExchangeRate`) is what one unit of a currency is worth in the reporting currency
(`settings.AFTERSALES_REPORTING_CURRENCY`, EUR by default) from its day on: the rate of a day
is the latest one on or before it. The reporting currency's own rate is 1.

Nothing is cached across requests, so a rate typed in is used at once by every process. A page
that converts many amounts reads the rates once with a `RateBook` (one query for all of them).
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from aftersales.core.calendars import show_date
from aftersales.core.money import quantize

from .models import ExchangeRate

ONE = Decimal(1)


def reporting_currency() -> str:
    return getattr(settings, "AFTERSALES_REPORTING_CURRENCY", "EUR")


class MissingRate(Exception):
    """No rate of `currency` on or before `day`."""

    def __init__(self, currency: str, day: dt.date):
        super().__init__(currency, day)
        self.currency = currency
        self.day = day

    def message(self) -> str:
        return _("No exchange rate for %(currency)s on or before %(day)s.") % {
            "currency": self.currency,
            "day": show_date(self.day),
        }

    def __str__(self) -> str:
        return self.message()


def rate_on(currency: str, day: dt.date) -> Decimal | None:
    """The rate of `currency` to the reporting currency on `day`: the latest on or before it
    (1 for the reporting currency itself); None when there is none yet."""
    if currency == reporting_currency():
        return ONE
    return (
        ExchangeRate.objects.filter(currency=currency, valid_from__lte=day)
        .order_by("-valid_from")
        .values_list("rate", flat=True)
        .first()
    )


def to_reporting(amount: Decimal, currency: str, day: dt.date) -> Decimal:
    """`amount` of `currency` in the reporting currency at the rate of `day`, rounded to the
    reporting currency's precision; MissingRate when there is no rate."""
    rate = rate_on(currency, day)
    if rate is None:
        raise MissingRate(currency, day)
    return quantize(Decimal(amount) * rate, reporting_currency())


@dataclass
class RateBook:
    """Every rate of the given currencies, read in one query, for many conversions."""

    currencies: tuple[str, ...]
    _days: dict = field(default_factory=dict)
    _rates: dict = field(default_factory=dict)

    def __post_init__(self):
        wanted = [c for c in self.currencies if c != reporting_currency()]
        for currency in wanted:
            self._days[currency], self._rates[currency] = [], []
        rows = ExchangeRate.objects.filter(currency__in=wanted).order_by("currency", "valid_from")
        for currency, day, rate in rows.values_list("currency", "valid_from", "rate"):
            self._days[currency].append(day)
            self._rates[currency].append(rate)

    def rate_on(self, currency: str, day: dt.date) -> Decimal | None:
        if currency == reporting_currency():
            return ONE
        days = self._days.get(currency)
        if days is None:
            return rate_on(currency, day)  # a currency the book was not asked for
        index = bisect.bisect_right(days, day)
        return self._rates[currency][index - 1] if index else None

    def convert(self, amount: Decimal, currency: str, day: dt.date) -> Decimal:
        """Unrounded: sums of converted amounts are rounded once, at the end."""
        rate = self.rate_on(currency, day)
        if rate is None:
            raise MissingRate(currency, day)
        return Decimal(amount) * rate


@dataclass
class Combined:
    """Amounts of several currencies added up in the reporting currency: `amount` is None when
    a rate is missing for an amount that is not zero (`missing` says which)."""

    currency: str
    amount: Decimal | None
    missing: list[MissingRate]

    @property
    def messages(self) -> list[str]:
        return [missing.message() for missing in self.missing]


def combine(amounts: dict[dt.date, dict[str, Decimal]], book: RateBook | None = None) -> Combined:
    """{day of the rate: {currency: amount}} in the reporting currency, each amount at the rate
    of its day; a missing rate makes the whole sum unknown (never a guess, never left out)."""
    if book is None:
        currencies = {currency for row in amounts.values() for currency in row}
        book = RateBook(tuple(sorted(currencies)))
    total = Decimal(0)
    missing: list[MissingRate] = []
    for day in sorted(amounts):
        for currency, amount in sorted(amounts[day].items()):
            if not amount:
                continue
            try:
                total += book.convert(amount, currency, day)
            except MissingRate as error:
                missing.append(error)
    target = reporting_currency()
    if missing:
        # one message a currency, for its latest day without a rate: none before it either
        latest = {error.currency: error for error in missing}
        return Combined(target, None, [latest[currency] for currency in sorted(latest)])
    return Combined(target, quantize(total, target), [])
