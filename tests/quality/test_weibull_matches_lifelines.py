"""Bar: our censored Weibull MLE gives lifelines' shape and scale to 1e-3 relative."""

import datetime as dt

import numpy as np
import pytest
from lifelines import WeibullFitter

from aftersales.quality import selectors, weibull

from .conftest import DAYS_PER_MONTH, make_claims, make_units


def _censored_sample(seed, *, shape, scale, n, censor_at):
    rng = np.random.default_rng(seed)
    life = scale * rng.weibull(shape, n)
    censor = rng.uniform(0.5, censor_at, n)
    return np.minimum(life, censor), life <= censor


@pytest.mark.parametrize(
    ("seed", "shape", "scale", "n", "censor_at"),
    [
        (1, 1.8, 30.0, 400, 40.0),  # wear-out, moderate censoring
        (2, 0.7, 50.0, 600, 24.0),  # infant mortality, heavy censoring
        (3, 3.5, 10.0, 200, 12.0),  # steep wear-out
        (4, 1.0, 120.0, 2000, 24.0),  # random failures, ~90 % still working
    ],
)
def test_shape_and_scale_match_lifelines(seed, shape, scale, n, censor_at):
    times, failed = _censored_sample(seed, shape=shape, scale=scale, n=n, censor_at=censor_at)
    ours = weibull.fit(times, failed)
    theirs = WeibullFitter().fit(times, failed)
    assert ours.shape == pytest.approx(theirs.rho_, rel=1e-3)
    assert ours.scale == pytest.approx(theirs.lambda_, rel=1e-3)
    assert ours.log_likelihood == pytest.approx(theirs.log_likelihood_, rel=1e-6)
    # the censoring matters: ignoring it would give a very different scale
    naive = weibull.fit(times[failed], np.ones(failed.sum(), dtype=bool))
    assert abs(naive.scale / theirs.lambda_ - 1) > 0.05


def test_grouped_rows_fit_the_same_as_one_row_per_unit():
    times, failed = _censored_sample(5, shape=1.4, scale=20.0, n=500, censor_at=30.0)
    times = np.ceil(times)  # ages in whole months: many units share an age
    one_by_one = weibull.fit(times, failed)
    keys, counts = np.unique(np.column_stack([times, failed]), axis=0, return_counts=True)
    grouped = weibull.fit(keys[:, 0], keys[:, 1].astype(bool), counts)
    assert grouped.shape == pytest.approx(one_by_one.shape, rel=1e-9)
    assert grouped.scale == pytest.approx(one_by_one.scale, rel=1e-9)


def test_b10_is_the_age_by_which_one_in_ten_failed():
    fit = weibull.fit(*_censored_sample(6, shape=2.0, scale=40.0, n=800, censor_at=60.0))
    assert float(fit.cdf(fit.b10)) == pytest.approx(0.10, rel=1e-9)
    assert fit.shape_ci[0] < fit.shape < fit.shape_ci[1]


def test_too_few_failures_is_refused():
    with pytest.raises(weibull.NotEnoughData):
        weibull.fit([1.0, 2.0, 3.0], [True, False, False])


def test_fleet_in_the_database_fits_like_lifelines_on_the_same_ages(ac_model, compressor):
    """Life data read from units and claims (censored at today) fit as lifelines fits them."""
    rng = np.random.default_rng(11)
    on = dt.date(2026, 6, 30)
    pairs = []
    for month in range(24):
        produced = dt.date(2024, 1, 1) + dt.timedelta(days=int(month * DAYS_PER_MONTH))
        units = make_units(ac_model, count=40, produced=produced)
        for unit in units:
            age = 30.0 * rng.weibull(1.6)
            day = unit.sale_date + dt.timedelta(days=int(age * DAYS_PER_MONTH))
            if day <= on:
                pairs.append((unit, day))
    make_claims(pairs, codes=[compressor])
    data = selectors.life_data(None, product_model=ac_model, on=on)
    assert data.units == 960 and data.failures == len(pairs)
    ours = selectors.fit_life(data)
    ages = np.repeat(data.ages, data.counts.astype(int))
    failed = np.repeat(data.failed, data.counts.astype(int))
    theirs = WeibullFitter().fit(ages, failed)
    assert ours.shape == pytest.approx(theirs.rho_, rel=1e-3)
    assert ours.scale == pytest.approx(theirs.lambda_, rel=1e-3)
    assert ours.shape == pytest.approx(1.6, rel=0.2)  # and it finds the true shape


def test_kaplan_meier_matches_lifelines():
    from lifelines import KaplanMeierFitter

    times, failed = _censored_sample(8, shape=1.2, scale=20.0, n=300, censor_at=25.0)
    times = np.ceil(times)  # ties, as grouped data has
    data = selectors.LifeData(times, failed, np.ones_like(times), None)
    grid = [1.0, 5.0, 10.0, 20.0]
    ours = selectors.kaplan_meier(data, grid)
    km = KaplanMeierFitter().fit(times, failed)
    theirs = [1 - float(km.survival_function_at_times(g).iloc[0]) for g in grid]
    assert ours == pytest.approx(theirs, rel=1e-9)
    assert selectors.kaplan_meier(data, [times.max() + 1]) == [None]
