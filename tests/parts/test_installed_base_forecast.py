"""The demand forecast scaled by the installed base, against values worked out by hand.

Today is 15 November 2026; the history is the 24 whole months November 2024 .. October 2026
(indexes 0 .. 23). The part is compatible with model M.

Consumption in the central warehouse: 3 units issued in October 2025 (index 11) and 3 in
October 2026 (index 23). SBA (alpha 0.1): sizes 3, 3; intervals 12, 12 → z = 3, p = 12;
demand = 0.95 × 3 / 12 = 0.2375 per month.

Units of M in service: 3 active units installed in 2020 and 1 active unit with no date count in
every month (4); 4 more installed on 10 October 2026 count from index 23 on (8). Left out: a
scrapped unit, a unit installed after today, a unit of another model.
Series: 4 × 23 months, then 8; today 8. Mean over months with units = (23 × 4 + 8) / 24 =
100 / 24 = 4.1667. Per-unit rate = 0.2375 / (100 / 24) = 0.057 units per unit per month.
Forecast = 0.057 × 8 = 0.456 units per month.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone

from aftersales.parts.choices import DocumentType, MoveKind
from aftersales.parts.selectors import forecast_of, part_forecast, units_in_service
from aftersales.parts.services import Effect, lock_level, post_move

from ..factories import ProductModelFactory, UnitFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 15)


def issue_on(warehouse, part, quantity, day, by):
    """An issue posted through the ledger, dated `day` (history for the forecast)."""
    at = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    with transaction.atomic():
        post_move(
            level=lock_level(warehouse, part),
            kind=MoveKind.ISSUE,
            quantity=quantity,
            effect=Effect(on_hand=-quantity),
            document_type=DocumentType.VISIT,
            document_number=f"V-{day:%Y%m}",
            by=by,
            at=at,
        )


@pytest.fixture
def model_m(part):
    model = ProductModelFactory(code="M-18")
    part.compatible_models.add(model)
    return model


@pytest.fixture
def installed_base(model_m):
    for _ in range(3):
        UnitFactory(product_model=model_m, installation_date=dt.date(2020, 3, 1))
    UnitFactory(product_model=model_m, sale_date=None, installation_date=None)
    for _ in range(4):
        UnitFactory(product_model=model_m, installation_date=dt.date(2026, 10, 10))
    UnitFactory(product_model=model_m, installation_date=dt.date(2020, 3, 1), status="scrapped")
    UnitFactory(product_model=model_m, installation_date=dt.date(2026, 11, 20))
    UnitFactory(installation_date=dt.date(2020, 3, 1))  # another model


@pytest.fixture
def history(central, part, receive, keeper):
    receive(central, part, 10)
    issue_on(central, part, 3, dt.date(2025, 10, 10), keeper)
    issue_on(central, part, 3, dt.date(2026, 10, 10), keeper)


def test_units_in_service_by_month_by_hand(part, installed_base):
    series = units_in_service(part=part, today=TODAY)
    assert series == [4] * 23 + [8, 8]


def test_the_forecast_is_the_per_unit_rate_times_the_units_in_service(
    central, part, installed_base, history
):
    result = forecast_of(warehouse=central, part=part, today=TODAY)
    assert result.demand == pytest.approx(Decimal("0.2375"))
    assert result.units_now == 8
    assert result.units_mean == pytest.approx(Decimal(100) / 24)
    assert result.rate == pytest.approx(Decimal("0.057"))
    assert part_forecast(warehouse=central, part=part, today=TODAY) == Decimal("0.456")


def test_without_an_installed_base_the_forecast_is_the_demand_forecast(central, part, history):
    assert part_forecast(warehouse=central, part=part, today=TODAY) == Decimal("0.238")


def test_a_steady_installed_base_leaves_the_demand_forecast_unchanged(
    central, part, model_m, history
):
    for _ in range(5):
        UnitFactory(product_model=model_m, installation_date=dt.date(2020, 3, 1))
    assert part_forecast(warehouse=central, part=part, today=TODAY) == Decimal("0.238")
