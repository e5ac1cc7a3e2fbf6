"""A small warranty world: a category with a usage meter, a model, a unit sold to an owner."""

import datetime as dt
from decimal import Decimal

import jdatetime
import pytest

from aftersales.warranty import coverage, services
from tests.factories import CategoryFactory, CustomerFactory, PartFactory, ProductModelFactory


@pytest.fixture(autouse=True)
def _fresh_rule_book():
    coverage.clear_cache()
    yield
    coverage.clear_cache()


def jalali(year: int, month: int, day: int) -> dt.date:
    return jdatetime.date(year, month, day).togregorian()


@pytest.fixture
def ac_model(db):
    category = CategoryFactory(code="ac", name_en="Air conditioners")
    return ProductModelFactory(code="AC18", category=category, usage_meter="hours")


@pytest.fixture
def ac_policy(ac_model):
    return services.policy_create(
        by=None,
        name="AC 12 months",
        category=ac_model.category,
        months=12,
        usage_limit=Decimal(5000),
        exclusions=["misuse"],
    )


@pytest.fixture
def compatible_part(ac_model):
    part = PartFactory(sku="FAN-1", name="Fan motor")
    part.compatible_models.add(ac_model)
    return part


@pytest.fixture
def italian_owner(db):
    return CustomerFactory(first_name="Giulia", last_name="Bianchi", country="IT")


__all__ = ["jalali", "CustomerFactory"]
