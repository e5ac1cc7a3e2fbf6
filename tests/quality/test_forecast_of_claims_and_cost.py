"""The 12-month forecast: each unit in service, conditional on working at its age, fails in
month m with (S(a+m-1) - S(a+m)) / S(a); claims stop at the end of warranty; the cost is the
expected claims times the mean approved cost of recent claims."""

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest
from scipy import stats

from aftersales.quality import selectors, weibull
from aftersales.warranty import services as warranty_services

from .conftest import DAYS_PER_MONTH, make_claims, make_units

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 1, 31)


def test_expected_claims_match_an_independent_computation(quality, ac_model):
    warranty_services.policy_create(by=None, name="AC 24", category=ac_model.category, months=24)
    young = make_units(ac_model, count=30, produced=dt.date(2025, 10, 1))
    old = make_units(ac_model, count=20, produced=dt.date(2024, 3, 1))
    make_claims([(young[0], dt.date(2025, 12, 1))], amount=Decimal(2_000_000))
    make_claims([(old[0], dt.date(2025, 1, 1))], amount=Decimal(4_000_000))
    model = weibull.WeibullFit(1.5, 40.0, 0, 0, 0.0, (1, 2), (1, 2))
    outlook = selectors.forecast(quality, product_model=ac_model, model=model, on=ON)
    dist = stats.weibull_min(1.5, scale=40.0)
    expected = np.zeros(12)
    for unit in young + old:
        age = (ON - unit.sale_date).days / DAYS_PER_MONTH
        for m in range(12):
            start, end = min(age + m, 24), min(age + m + 1, 24)
            expected[m] += (dist.sf(start) - dist.sf(end)) / dist.sf(age)
    assert outlook.claims == pytest.approx(list(expected), rel=1e-9)
    assert outlook.units == 50
    assert outlook.cost_per_claim == Decimal(3_000_000)
    assert outlook.cost[0] == (Decimal(3_000_000) * Decimal(str(round(expected[0], 6)))).quantize(
        Decimal(1)
    )
    assert outlook.months[0] == dt.date(2026, 2, 1) and len(outlook.months) == 12
    # the old units' warranty ends within the year: later months expect fewer claims
    assert outlook.claims[-1] < outlook.claims[0] * 2


def test_life_data_censors_at_the_end_of_warranty(quality, ac_model):
    warranty_services.policy_create(by=None, name="AC 12", category=ac_model.category, months=12)
    units = make_units(ac_model, count=3, produced=dt.date(2023, 1, 1))
    make_claims([(units[0], dt.date(2023, 6, 1)), (units[1], dt.date(2024, 6, 1))])
    data = selectors.life_data(quality, product_model=ac_model, on=ON)
    assert data.observed_until == 12
    assert data.failures == 1  # the claim after 17 months is past the warranty
    assert data.ages.max() == pytest.approx(12.0)
