"""Two-parameter Weibull life distribution fitted by maximum likelihood with right-censoring.

Our own code on NumPy/SciPy (checked in tests against `lifelines.WeibullFitter`):

    S(t) = exp(-(t / scale) ** shape)          F(t) = 1 - S(t)

Units that failed contribute the density f(t); units still working at their current age are
right-censored and contribute S(t). The scale is profiled out of the likelihood in closed form,

    scale ** shape = sum(w * t ** shape) / r           (r = the weighted number of failures)

which leaves one equation in the shape, solved with Brent's method:

    1 / shape + sum_failed(w * ln t) / r - sum(w * t ** shape * ln t) / sum(w * t ** shape) = 0

Weights let a caller pass grouped data (e.g. 40,000 units censored at the same age are one row),
so a fit over millions of units costs as much as the number of distinct ages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats


class NotEnoughData(ValueError):
    """Fewer than two failures, or no spread in the failure ages: no fit is possible."""


@dataclass(frozen=True)
class WeibullFit:
    shape: float  # beta: < 1 infant mortality, ~1 random failures, > 1 wear-out
    scale: float  # eta: the age by which 63.2 % have failed (same unit as the ages)
    failures: float
    suspensions: float
    log_likelihood: float
    shape_ci: tuple[float, float]
    scale_ci: tuple[float, float]

    def survival(self, t):
        return np.exp(-np.power(np.asarray(t, dtype=float) / self.scale, self.shape))

    def cdf(self, t):
        return 1.0 - self.survival(t)

    def life(self, fraction: float) -> float:
        """The age by which `fraction` of the units have failed (B10 life: fraction 0.10)."""
        if not 0 < fraction < 1:
            raise ValueError("fraction must be between 0 and 1")
        return self.scale * (-math.log1p(-fraction)) ** (1.0 / self.shape)

    @property
    def b10(self) -> float:
        return self.life(0.10)

    @property
    def mean_life(self) -> float:
        return self.scale * math.gamma(1.0 + 1.0 / self.shape)

    def conditional_failure(self, age, horizon):
        """P(failure before age + horizon | working at age), element-wise."""
        age = np.asarray(age, dtype=float)
        survived = self.survival(age)
        later = self.survival(age + horizon)
        with np.errstate(divide="ignore", invalid="ignore"):
            p = np.where(survived > 0, 1.0 - later / survived, 1.0)
        return p


def _prepare(times, failed, weights):
    t = np.asarray(times, dtype=float)
    d = np.asarray(failed, dtype=bool)
    w = np.ones_like(t) if weights is None else np.asarray(weights, dtype=float)
    if t.shape != d.shape or t.shape != w.shape:
        raise ValueError("times, failed and weights must have the same length")
    keep = w > 0
    t, d, w = t[keep], d[keep], w[keep]
    if np.any(t <= 0) or not np.all(np.isfinite(t)):
        raise ValueError("every age must be a positive number")
    return t, d, w


def _log_likelihood(shape: float, scale: float, t, d, w) -> float:
    z = np.power(t / scale, shape)
    logf = math.log(shape) - math.log(scale) + (shape - 1.0) * np.log(t / scale) - z
    return float(np.sum(w[d] * logf[d]) - np.sum(w[~d] * z[~d]))


def fit(times, failed, weights=None, *, confidence: float = 0.95) -> WeibullFit:
    """Fit shape and scale to ages `times`; `failed[i]` is False for a unit still working
    (right-censored at that age). `weights[i]` counts how many units the row stands for."""
    t, d, w = _prepare(times, failed, weights)
    r = float(w[d].sum())
    if r < 2 or np.unique(t[d]).size < 2:
        raise NotEnoughData("at least two failures at different ages are needed")
    unit = float(t.max())  # work on t / max(t) so that t ** shape never overflows
    x = t / unit
    logx = np.log(x)
    mean_log_failed = float(np.sum(w[d] * logx[d]) / r)

    def score(shape: float) -> float:
        # x <= 1, so x ** shape stays in (0, 1]; ln x <= 0
        powered = w * np.power(x, shape)
        return 1.0 / shape + mean_log_failed - float(np.sum(powered * logx) / np.sum(powered))

    low, high = 1e-3, 1.0
    while score(high) > 0:  # the score falls with the shape; widen until it changes sign
        high *= 2.0
        if high > 1e4:
            raise NotEnoughData("the failure ages do not determine a shape")
    while score(low) < 0:
        low /= 2.0
        if low < 1e-8:
            raise NotEnoughData("the failure ages do not determine a shape")
    shape = optimize.brentq(score, low, high, xtol=1e-14, rtol=1e-13, maxiter=500)
    scale = unit * (float(np.sum(w * np.power(x, shape))) / r) ** (1.0 / shape)
    loglik = _log_likelihood(shape, scale, t, d, w)
    shape_ci, scale_ci = _confidence(shape, scale, t, d, w, confidence)
    return WeibullFit(
        shape=shape,
        scale=scale,
        failures=r,
        suspensions=float(w[~d].sum()),
        log_likelihood=loglik,
        shape_ci=shape_ci,
        scale_ci=scale_ci,
    )


def _confidence(shape, scale, t, d, w, confidence):
    """Wald intervals on log(shape), log(scale) from the observed information (the Hessian of
    the log-likelihood by central differences), as lifelines and reliability report them."""
    point = np.array([math.log(shape), math.log(scale)])

    def nll(p):
        return -_log_likelihood(math.exp(p[0]), math.exp(p[1]), t, d, w)

    h = 1e-4
    hessian = np.zeros((2, 2))
    for i in range(2):
        for j in range(2):
            ei, ej = np.eye(2)[i] * h, np.eye(2)[j] * h
            hessian[i, j] = (
                nll(point + ei + ej)
                - nll(point + ei - ej)
                - nll(point - ei + ej)
                + nll(point - ei - ej)
            ) / (4 * h * h)
    try:
        covariance = np.linalg.inv(hessian)
        se = np.sqrt(np.clip(np.diag(covariance), 0, None))
    except np.linalg.LinAlgError:
        se = np.array([np.nan, np.nan])
    z = stats.norm.ppf(0.5 + confidence / 2)
    shape_ci = (math.exp(point[0] - z * se[0]), math.exp(point[0] + z * se[0]))
    scale_ci = (math.exp(point[1] - z * se[1]), math.exp(point[1] + z * se[1]))
    return shape_ci, scale_ci


def expected_failures(model: WeibullFit, ages, counts, *, months: int, limit=None):
    """Expected first failures per month over the next `months` for units now at `ages` (one
    entry per age group, `counts` units each), conditional on each group still working.
    Failures after age `limit` (the end of warranty) are not counted: they are not claims."""
    ages = np.asarray(ages, dtype=float)
    counts = np.asarray(counts, dtype=float)
    survived = model.survival(ages)
    alive = survived > 0
    ages, counts, survived = ages[alive], counts[alive], survived[alive]
    per_month = []
    for m in range(1, months + 1):
        start = ages + (m - 1)
        end = ages + m
        if limit is not None:
            start = np.minimum(start, limit)
            end = np.minimum(end, limit)
        p = (model.survival(start) - model.survival(end)) / survived
        per_month.append(float(np.sum(counts * p)))
    return per_month
