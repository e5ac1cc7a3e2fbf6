"""The scope of every quality read: the units and claims a user may see, months, and the
model's warranty length. `user=None` is the system's own scan (a task)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max, Q
from django.db.models.functions import Coalesce

from aftersales.catalog.models import ProductModel
from aftersales.units.models import Unit
from aftersales.warranty.choices import ClaimStatus
from aftersales.warranty.models import Claim, LegalMinimum, WarrantyPolicy

DAYS_PER_MONTH = 30.4375
COUNTED_CLAIMS = ~Q(status=ClaimStatus.REJECTED)
SERVICE_START = Coalesce("installation_date", "sale_date", "production_date")
UNIT_SERVICE_START = Coalesce("unit__installation_date", "unit__sale_date", "unit__production_date")


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def month_of(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


# ---------------------------------------------------------------- scope


def visible(model, user):
    """The user's records; `user=None` is the system's own scan (a task), which sees all."""
    return model.objects.all() if user is None else model.objects.restrict(user, "view")


def units_for(user, *, product_model=None, category=None):
    units = visible(Unit, user)
    if product_model is not None:
        units = units.filter(product_model=product_model)
    if category is not None:
        units = units.filter(product_model__category=category)
    return units


def claims_for(user, *, product_model=None, category=None, failure_code=None, part=None):
    claims = visible(Claim, user).filter(COUNTED_CLAIMS)
    if product_model is not None:
        claims = claims.filter(unit__product_model=product_model)
    if category is not None:
        claims = claims.filter(unit__product_model__category=category)
    if failure_code is not None:
        claims = claims.filter(failure_codes=failure_code)
    if part is not None:
        claims = claims.filter(parts__part=part)
    return claims


def warranty_months(product_model: ProductModel) -> int | None:
    """The months of the model's own warranty policy, else its category's, else the longest
    legal minimum for its category (None: no rule, so no end of observation)."""
    policies = WarrantyPolicy.objects.filter(is_active=True, months__isnull=False)
    own = policies.filter(product_model=product_model).order_by("-valid_from").first()
    if own is None:
        own = (
            policies.filter(category_id=product_model.category_id, product_model__isnull=True)
            .order_by("-valid_from")
            .first()
        )
    if own is not None:
        return own.months
    legal = LegalMinimum.objects.filter(
        Q(category_id=product_model.category_id) | Q(category__isnull=True)
    ).aggregate(months=Max("months"))["months"]
    return legal or None
