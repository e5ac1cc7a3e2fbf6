"""Revenue against target, from the billing app (issue 6): invoiced revenue of the period and
the targets that overlap it, prorated by days."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth

from aftersales.core.choices import Currency

from .rates import Combined, RateBook, combine
from .scope import Scope

ZERO = Decimal(0)


def revenue_measures(scope: Scope) -> dict:
    """{"revenue", "revenue_target"} of the scope in the company's currency; empty when the
    scope names an agent, technician, category or model (revenue has no such dimension) or
    billing is not there."""
    if scope.has_any("agent", "technician", "category", "product_model"):
        return {}
    try:
        from aftersales.billing import selectors
        from aftersales.billing.models import RevenueTarget
    except ImportError:
        return {}
    currency = selectors.home_currency()
    actual = selectors.revenue(
        start=scope.start,
        end=scope.end,
        region=scope.region,
        service_type=scope.service_type,
        currency=currency,
    )
    targets = RevenueTarget.objects.filter(
        start__lte=scope.end,
        end__gte=scope.start,
        currency=currency,
        region=scope.region or "",
        service_type=scope.service_type,
    )
    target = Decimal(0)
    for row in targets.values("start", "end", "amount"):
        length = (row["end"] - row["start"]).days + 1
        overlap = (min(row["end"], scope.end) - max(row["start"], scope.start)).days + 1
        target += row["amount"] * overlap / length
    return {"revenue": actual, "revenue_target": target}


# --- revenue in every currency, and in the reporting currency --------------------------------
@dataclass
class MonthRevenue:
    """One month's revenue per currency, and in the reporting currency at the month's rate."""

    month: dt.date
    amounts: dict[str, Decimal]
    combined: Combined


@dataclass
class RevenueByCurrency:
    currencies: list[str]  # those with revenue in the period, the company's always
    months: list[MonthRevenue]
    totals: dict[str, Decimal]
    combined: Combined  # the period's: the sum of the months' combined figures


def month_end(month: dt.date) -> dt.date:
    """The day whose rate converts a month's amounts: the month's last."""
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def revenue_by_currency(scope: Scope) -> RevenueByCurrency | None:
    """The revenue of the scope's months (as billing's `revenue()` counts it, in every
    currency: one grouped query), each month converted at the rate of its last day. None when
    revenue has no meaning for the scope (an agent, technician, category or model) or billing
    is not there."""
    if scope.has_any("agent", "technician", "category", "product_model"):
        return None
    try:
        from aftersales.billing.choices import InvoiceKind, InvoiceStatus
        from aftersales.billing.models import Invoice
        from aftersales.billing.selectors import home_currency
    except ImportError:
        return None
    rows = Invoice.objects.filter(
        status=InvoiceStatus.ISSUED, issue_date__gte=scope.start, issue_date__lte=scope.end
    )
    if scope.region:
        rows = rows.filter(region__iexact=scope.region)
    if scope.service_type is not None:
        rows = rows.filter(service_type_id=scope.service_type)
    grouped = (
        rows.annotate(month=TruncMonth("issue_date"))
        .values("month", "currency")
        .annotate(
            invoiced=Sum("net", filter=Q(kind=InvoiceKind.INVOICE)),
            credited=Sum("net", filter=Q(kind=InvoiceKind.CREDIT_NOTE)),
        )
        .order_by()
    )
    per_month: dict[dt.date, dict[str, Decimal]] = defaultdict(dict)
    for row in grouped:
        month = row["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        amount = (row["invoiced"] or ZERO) - (row["credited"] or ZERO)
        per_month[month][row["currency"]] = per_month[month].get(row["currency"], ZERO) + amount
    seen = {currency for amounts in per_month.values() for currency in amounts}
    seen.add(home_currency())
    currencies = [c for c in Currency.values if c in seen] + sorted(seen - set(Currency.values))
    book = RateBook(tuple(currencies))
    months, totals = [], dict.fromkeys(currencies, ZERO)
    for month in month_starts(scope.start, scope.end):
        amounts = {c: per_month.get(month, {}).get(c, ZERO) for c in currencies}
        for currency, amount in amounts.items():
            totals[currency] += amount
        combined = combine({month_end(month): amounts}, book)
        months.append(MonthRevenue(month, amounts, combined))
    by_rate_day = {month_end(row.month): row.amounts for row in months}
    return RevenueByCurrency(currencies, months, totals, combine(by_rate_day, book))


def month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    months, cursor = [], start.replace(day=1)
    while cursor <= end:
        months.append(cursor)
        cursor = month_end(cursor) + dt.timedelta(days=1)
    return months
