"""A fleet of units and their warranty claims, made fast with bulk_create (real rows)."""

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest

from aftersales.core.choices import Role
from aftersales.units.models import Unit
from aftersales.warranty.models import Claim, ClaimPart
from tests.factories import CategoryFactory, FailureCodeFactory, PartFactory, ProductModelFactory

DAYS_PER_MONTH = 30.4375


@pytest.fixture
def quality(make_user):
    return make_user(Role.QUALITY, username="quality")


@pytest.fixture
def ac_model(db):
    category = CategoryFactory(code="ac", name_en="Air conditioners")
    return ProductModelFactory(code="AC18", category=category)


@pytest.fixture
def compressor(db):
    return FailureCodeFactory(code="D-COMP", level="defect", name_en="Compressor failure")


@pytest.fixture
def fan(db):
    return FailureCodeFactory(code="D-FAN", level="defect", name_en="Fan motor noise")


@pytest.fixture
def fan_part(db):
    return PartFactory(sku="FAN-1", name="Fan motor")


def month_start(year: int, month: int) -> dt.date:
    return dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def make_units(model, *, count, produced, batch="", sold_after_days=15, prefix="SN"):
    """`count` units of `model` produced on `produced`, sold `sold_after_days` later."""
    start = Unit.objects.count()
    units = [
        Unit(
            product_model=model,
            serial=f"{prefix}{start + i:08d}",
            production_date=produced,
            sale_date=produced + dt.timedelta(days=sold_after_days),
            batch=batch,
        )
        for i in range(count)
    ]
    return Unit.objects.bulk_create(units, batch_size=1000)


def make_claims(pairs, *, codes=(), part=None, amount=Decimal(1_000_000), status="approved"):
    """One approved claim per (unit, failure date), with the failure codes (and part)."""
    start = Claim.objects.count()
    claims = Claim.objects.bulk_create(
        [
            Claim(
                number=f"WC-T-{start + i:07d}",
                unit=unit,
                failure_date=day,
                status=status,
                claimed_total=amount,
                approved_total=amount,
            )
            for i, (unit, day) in enumerate(pairs)
        ],
        batch_size=1000,
    )
    through = Claim.failure_codes.through
    through.objects.bulk_create(
        [through(claim=claim, failurecode=code) for claim in claims for code in codes],
        batch_size=1000,
    )
    if part is not None:
        ClaimPart.objects.bulk_create([ClaimPart(claim=c, part=part) for c in claims])
    return claims


def simulate_failures(units, *, rng, monthly_hazard, months, codes=(), on=None):
    """Each unit fails at an exponential age (constant hazard); a claim when it falls within
    `months` of the sale and before `on`. Returns the claims."""
    pairs = []
    for unit in units:
        age = rng.exponential(1 / monthly_hazard)
        if age < months:
            day = unit.sale_date + dt.timedelta(days=int(age * DAYS_PER_MONTH))
            if on is None or day <= on:
                pairs.append((unit, day))
    return make_claims(pairs, codes=codes)


@pytest.fixture
def rng():
    return np.random.default_rng(20261123)
