"""Reading the tariffs in force on a day: the most specific row, from the latest `valid_from`.

    standard_minutes(service_type=st, product_model=pm, on=day, failure_codes=[...])

is the standard time of a job, used by dispatch for durations: the sum of the warranty's
standard times (`warranty.StandardTime`) of the job's failure codes when any has one, else the
standard duration of the model's fixed-price service (e.g. an installation), else None.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from django.db.models import Q, Sum

from aftersales.catalog.choices import PriceList
from aftersales.catalog.models import PartPrice
from aftersales.warranty.models import StandardTime

from .models import Company, FixedPrice, LabourRate, TaxRate, TravelZone


def _ids(items) -> list[int]:
    return [getattr(item, "pk", item) for item in items or ()]


def _pk(item) -> int | None:
    return getattr(item, "pk", item)


def standard_minutes(*, service_type, product_model, on: dt.date, failure_codes=()) -> int | None:
    """The tariff's standard time of a job in minutes, or None when no tariff says."""
    codes = _ids(failure_codes)
    if codes:
        total = StandardTime.objects.filter(failure_code_id__in=codes).aggregate(m=Sum("minutes"))
        if total["m"]:
            return int(total["m"])
    if service_type is None or product_model is None:
        return None
    fixed = (
        FixedPrice.objects.filter(
            service_type_id=_pk(service_type),
            product_model_id=_pk(product_model),
            valid_from__lte=on,
            minutes__isnull=False,
        )
        .order_by("-valid_from")
        .values_list("minutes", flat=True)
        .first()
    )
    return fixed


def company_for(country: str) -> Company | None:
    return Company.objects.filter(country=country).first()


def tax_percent(*, country: str, on: dt.date) -> Decimal:
    """The VAT rate of `country` on `on` (0 when none is recorded)."""
    rate = (
        TaxRate.objects.filter(country=country, valid_from__lte=on)
        .order_by("-valid_from")
        .values_list("percent", flat=True)
        .first()
    )
    return rate if rate is not None else Decimal(0)


def labour_rate(*, country: str, service_type, category, region: str, on: dt.date):
    """The most specific labour rate in force: a match on service type outranks category,
    which outranks region; among equals the latest `valid_from` wins."""
    rows = LabourRate.objects.filter(
        Q(service_type__isnull=True) | Q(service_type_id=_pk(service_type)),
        Q(category__isnull=True) | Q(category_id=_pk(category)),
        Q(region="") | Q(region__iexact=(region or "").strip()),
        country=country,
        valid_from__lte=on,
    )

    def rank(rate: LabourRate):
        return (
            rate.service_type_id is not None,
            rate.category_id is not None,
            bool(rate.region),
            rate.valid_from,
            rate.pk,
        )

    return max(rows, key=rank, default=None)


def travel_zone(*, country: str, km: Decimal | None, on: dt.date) -> TravelZone | None:
    """The smallest zone in force that reaches `km` (the first zone when the distance is
    unknown); None when there is no zone or the distance is beyond every zone."""
    zones: dict[Decimal, TravelZone] = {}
    for zone in TravelZone.objects.filter(country=country, valid_from__lte=on).order_by(
        "up_to_km", "-valid_from"
    ):
        zones.setdefault(zone.up_to_km, zone)  # the latest row of each distance
    for limit in sorted(zones):
        if km is None or km <= limit:
            return zones[limit]
    return None


def fixed_price(*, country: str, service_type, product_model, on: dt.date) -> FixedPrice | None:
    return (
        FixedPrice.objects.filter(
            country=country,
            service_type_id=_pk(service_type),
            product_model_id=_pk(product_model),
            valid_from__lte=on,
        )
        .order_by("-valid_from")
        .first()
    )


def part_price(
    *, part, currency: str, on: dt.date, price_list: str = PriceList.CUSTOMER
) -> Decimal | None:
    """The catalogue price of a part on `on`, in `currency`."""
    return (
        PartPrice.objects.filter(
            part_id=_pk(part), price_list=price_list, currency=currency, valid_from__lte=on
        )
        .order_by("-valid_from")
        .values_list("amount", flat=True)
        .first()
    )


def distance_km(lat1, lon1, lat2, lon2) -> Decimal | None:
    """Great-circle distance in km (None when a point is unknown)."""
    if None in (lat1, lon1, lat2, lon2):
        return None
    p1, p2 = math.radians(float(lat1)), math.radians(float(lat2))
    dp = p2 - p1
    dl = math.radians(float(lon2) - float(lon1))
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    km = 2 * 6371.0 * math.asin(math.sqrt(a))
    return Decimal(str(round(km, 1)))
