"""Reads on units."""

from django.db.models import Q, QuerySet

from aftersales.core.search import prefix_q
from aftersales.core.text import normalize_serial

from .models import Unit

MIN_PREFIX = 4


def units_find(*, user, query: str) -> QuerySet[Unit]:
    """Units the user may see whose serial is `query` or, from 4 characters, starts with it."""
    serial = normalize_serial(query)
    if not serial:
        return Unit.objects.none()
    condition = Q(serial=serial)
    if len(serial) >= MIN_PREFIX:
        condition |= prefix_q("serial", serial)
    return (
        Unit.objects.restrict(user, "view")
        .filter(condition)
        .select_related("product_model", "owner", "service_agent")
        .order_by("serial", "pk")
    )


def unit_by_serial(*, user, serial: str, model_code: str | None = None) -> QuerySet[Unit]:
    units = Unit.objects.restrict(user, "view").filter(serial=normalize_serial(serial))
    if model_code:
        units = units.filter(product_model__code=model_code)
    return units.select_related("product_model", "owner", "service_agent")


def home_currency() -> str:
    """The company's currency (billing's first company; IRR when none is set up): what a sale
    price is in unless told otherwise, and the one currency the sales KPIs count."""
    from aftersales.billing import selectors  # billing builds on units: imported when asked

    return selectors.home_currency()
