"""Money KPIs in one currency: warranty cost and sales value in the reporting currency.

The facts (and `kpis.measures_from_records`) keep each money measure per currency and month;
nothing adds rials to euros before a rate converts them. Each month's amounts are converted at
the rate of the month's last day (the revenue page's rule, `revenue.month_end`), and a period's
figure is the sum of its months. When a currency has an amount in a month but no rate on or
before that month's last day, the figure is None and the missing rate is named (never guessed,
never left out).

    sums = money_sums({month: {"IRR": Decimal(...), "EUR": Decimal(...)}}, book)
    sums.combined.amount   -> Decimal in the reporting currency, or None
    sums.combined.messages -> ["No exchange rate for IRR on or before 31/10/2026."]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from aftersales.core.choices import Currency

from .models import MONEY_COLUMNS
from .rates import Combined, RateBook, combine
from .revenue import month_end

ZERO = Decimal(0)
MONEY = "money"  # the key of the per-currency details in a dict of measures
# the money KPIs: (numerator, denominator), where a money measure's missing rate shows
MONEY_KPIS = {
    "warranty_cost_per_unit": ("claims_cost", "units_sold"),
    "warranty_cost_pct_of_sales": ("claims_cost", "sales_value"),
}


@dataclass
class MoneySum:
    """One money measure of a scope: its amounts by month and currency, and their sum in the
    reporting currency (each month at the rate of its last day)."""

    months: dict[dt.date, dict[str, Decimal]]
    combined: Combined

    @property
    def totals(self) -> dict[str, Decimal]:
        """The amounts of the whole period per currency (those that are not zero), in the
        order of `Currency`."""
        totals: dict[str, Decimal] = {}
        for amounts in self.months.values():
            for currency, amount in amounts.items():
                totals[currency] = totals.get(currency, ZERO) + (amount or ZERO)
        order = {code: index for index, code in enumerate(Currency.values)}
        return {
            currency: totals[currency]
            for currency in sorted(totals, key=lambda code: (order.get(code, 99), code))
            if totals[currency]
        }


def rate_book() -> RateBook:
    """Every rate of every currency the facts keep, read in one query."""
    return RateBook(tuple(Currency.values))


def money_sums(months: dict[dt.date, dict[str, Decimal]], book: RateBook) -> MoneySum:
    """{first day of a month: {currency: amount}} summed in the reporting currency."""
    by_rate_day = {month_end(month): amounts for month, amounts in months.items()}
    return MoneySum(months, combine(by_rate_day, book))


def from_rows(rows: dict[dt.date, dict], book: RateBook) -> dict[str, MoneySum]:
    """{measure: MoneySum} from fact rows by month (their per-currency columns)."""
    return {
        measure: money_sums(
            {
                month: {currency: row.get(column) or ZERO for currency, column in columns.items()}
                for month, row in rows.items()
            },
            book,
        )
        for measure, columns in MONEY_COLUMNS.items()
    }


def add_money(m: dict, sums: dict[str, MoneySum]) -> dict:
    """`m` with each money measure of `sums` in the reporting currency (None when a rate is
    missing) and the details under `MONEY`."""
    for measure, found in sums.items():
        m[measure] = found.combined.amount
    m[MONEY] = sums
    return m


def missing_rates(m: dict) -> dict[str, list[str]]:
    """{KPI: messages} of the money KPIs a missing rate leaves without a figure (a KPI with
    nothing to measure, no unit sold for instance, needs no rate)."""
    sums: dict[str, MoneySum] = m.get(MONEY) or {}
    found: dict[str, list[str]] = {}
    for kpi, (numerator, denominator) in MONEY_KPIS.items():
        if numerator not in sums or denominator not in m:
            continue  # not defined for the scope's dimension
        missing = list(sums[numerator].combined.missing)
        if denominator in sums:
            below = sums[denominator].combined
            if not below.missing and not below.amount:
                continue
            missing += below.missing
        elif not m[denominator]:
            continue
        messages = []
        for error in missing:
            if error.message() not in messages:
                messages.append(error.message())
        if messages:
            found[kpi] = messages
    return found
