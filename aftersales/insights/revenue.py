"""Revenue against target, from the billing app (issue 6): invoiced revenue of the period and
the targets that overlap it, prorated by days."""

from __future__ import annotations

from decimal import Decimal

from .scope import Scope


def sales_currency() -> str:
    """The one currency money is counted in (`sales_value`, `claims_cost`): the company's, as
    for revenue. Amounts in another currency are left out: there is no exchange rate to apply."""
    from aftersales.billing.selectors import home_currency

    return home_currency()


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
