"""The availability obligation: parts of a model must stay available N years after its end of
production; a warning when stock for such a model runs low."""

import datetime as dt

import pytest

from aftersales.parts import services
from aftersales.parts.selectors import obligation_warnings

from ..factories import PartFactory, ProductModelFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def models(db):
    ended = ProductModelFactory(code="AC-OLD", end_of_production=dt.date(2020, 3, 1))
    long_ago = ProductModelFactory(code="AC-ANCIENT", end_of_production=dt.date(2012, 1, 1))
    current = ProductModelFactory(code="AC-NEW", end_of_production=None)
    return ended, long_ago, current


def test_low_stock_of_a_model_under_obligation_is_warned(models, central, receive, keeper):
    ended, long_ago, current = models
    empty = PartFactory(sku="PCB-1")
    stocked = PartFactory(sku="PCB-2")
    low = PartFactory(sku="PCB-3")
    for part in (empty, stocked, low):
        part.compatible_models.add(ended, long_ago, current)
    receive(central, stocked, 10)
    receive(central, low, 2)
    services.stock_level_plan(
        warehouse=central, part=low, min_stock=1, reorder_point=3, max_stock=10, by=keeper
    )
    warnings = obligation_warnings(user=keeper, today=TODAY, years=10)
    assert [(w.product_model.code, w.part.sku) for w in warnings] == [
        ("AC-OLD", "PCB-1"),
        ("AC-OLD", "PCB-3"),
    ]
    assert warnings[0].obligation_ends == dt.date(2030, 3, 1)


def test_the_number_of_years_is_configurable(models, keeper, settings):
    ended, _long_ago, _current = models
    PartFactory(sku="PCB-1").compatible_models.add(ended)
    settings.PARTS_AVAILABILITY_OBLIGATION_YEARS = 5
    assert obligation_warnings(user=keeper, today=TODAY) == []
    settings.PARTS_AVAILABILITY_OBLIGATION_YEARS = 7
    assert len(obligation_warnings(user=keeper, today=TODAY)) == 1


def test_a_successor_in_stock_serves_the_obligation(models, central, receive, keeper):
    ended, _long_ago, _current = models
    old = PartFactory(sku="PCB-1")
    new = PartFactory(sku="PCB-1B")
    old.superseded_by = new
    old.save()
    old.compatible_models.add(ended)
    receive(central, new, 3)
    assert obligation_warnings(user=keeper, today=TODAY, years=10) == []


def test_the_warnings_page(models, keeper, login):
    ended, _long_ago, _current = models
    PartFactory(sku="PCB-1").compatible_models.add(ended)
    page = login(keeper).get("/parts/obligation/").content.decode()
    assert "PCB-1" in page and "AC-OLD" in page
