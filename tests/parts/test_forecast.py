"""Croston, SBA and TSB against values worked out by hand.

Demand [0, 3, 0, 0, 2, 0, 4], alpha = beta = 0.1:
- demands 3, 2, 4 at periods 2, 5, 7 (1-based): intervals 2, 3, 2.
- size z: 3 → 3 + 0.1(2 - 3) = 2.9 → 2.9 + 0.1(4 - 2.9) = 3.01
- interval p: 2 → 2 + 0.1(3 - 2) = 2.1 → 2.1 + 0.1(2 - 2.1) = 2.09
- Croston = 3.01 / 2.09 = 1.440191…; SBA = 0.95 × Croston = 1.368181…
- TSB: probability d starts at 0 (no demand in period 1), then per period
  0.1, 0.09, 0.081, 0.1729, 0.15561, 0.240049; size as above ends at 3.01:
  0.240049 × 3.01 = 0.72254749.
"""

import pytest

from aftersales.parts import forecast

DEMAND = [0, 3, 0, 0, 2, 0, 4]


def test_croston_by_hand():
    assert forecast.croston(DEMAND) == pytest.approx(3.01 / 2.09)


def test_sba_by_hand():
    assert forecast.sba(DEMAND) == pytest.approx(0.95 * 3.01 / 2.09)


def test_tsb_by_hand():
    assert forecast.tsb(DEMAND) == pytest.approx(0.240049 * 3.01)


def test_tsb_decays_when_a_part_stops_selling_and_croston_does_not():
    selling = [2, 0, 2, 0, 2]
    stopped = selling + [0] * 12
    assert forecast.croston(stopped) == forecast.croston(selling)
    assert forecast.tsb(stopped) < forecast.tsb(selling) * 0.3


def test_steady_demand_is_forecast_as_itself():
    assert forecast.croston([5] * 10) == pytest.approx(5)
    assert forecast.tsb([5] * 10) == pytest.approx(5)


def test_no_demand_forecasts_zero_and_negative_demand_is_refused():
    assert forecast.croston([0, 0, 0]) == 0
    assert forecast.sba([]) == 0
    assert forecast.tsb([0, 0]) == 0
    with pytest.raises(ValueError):
        forecast.croston([1, -1])
