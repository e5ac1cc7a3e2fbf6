"""Demand forecasts for intermittent demand (many periods with no demand at all): Croston, SBA
and TSB, in a few lines of NumPy.

Each takes the demand per period (oldest first) and returns the forecast demand per period for
the periods to come (a flat forecast, as these methods give).

- **Croston** (1972) smooths the size of non-zero demands (`z`) and the interval between them
  (`p`) separately, each with exponential smoothing (alpha), updating both only in periods with
  demand; the forecast is z / p.
- **SBA** (Syntetos-Boylan approximation, 2005) removes Croston's bias: (1 - alpha / 2) · z / p.
- **TSB** (Teunter, Syntetos and Babai, 2011) smooths the size (alpha, in periods with demand)
  and the probability of demand (beta, in every period), so a part that stops selling sees its
  forecast decay; the forecast is probability · size.

Initialisation follows statsforecast's: the first non-zero demand starts the size, the first
interval (its 1-based position) starts the interval, and the probability starts at 1 if the
first period had demand, else 0.
"""

import numpy as np

DEFAULT_ALPHA = 0.1
DEFAULT_BETA = 0.1


def _as_array(demand) -> np.ndarray:
    values = np.asarray(demand, dtype=np.float64)
    if values.ndim != 1:
        raise ValueError("demand is a one-dimensional series")
    if (values < 0).any():
        raise ValueError("demand cannot be negative")
    return values


def croston(demand, alpha: float = DEFAULT_ALPHA) -> float:
    """Croston's forecast of demand per period; 0 when there was never any demand."""
    values = _as_array(demand)
    nonzero = np.flatnonzero(values)
    if nonzero.size == 0:
        return 0.0
    sizes = values[nonzero]
    intervals = np.diff(np.concatenate(([-1], nonzero)))  # periods since the previous demand
    z, p = sizes[0], float(intervals[0])
    for size, interval in zip(sizes[1:], intervals[1:], strict=True):
        z += alpha * (size - z)
        p += alpha * (interval - p)
    return float(z / p)


def sba(demand, alpha: float = DEFAULT_ALPHA) -> float:
    """Croston's forecast with the Syntetos-Boylan bias correction."""
    return (1 - alpha / 2) * croston(demand, alpha)


def tsb(demand, alpha: float = DEFAULT_ALPHA, beta: float = DEFAULT_BETA) -> float:
    """Teunter-Syntetos-Babai: smoothed probability of demand × smoothed size of demand."""
    values = _as_array(demand)
    nonzero = np.flatnonzero(values)
    if nonzero.size == 0:
        return 0.0
    z = values[nonzero[0]]
    d = 1.0 if values[0] > 0 else 0.0
    for value in values[1:]:
        occurred = value > 0
        d += beta * (float(occurred) - d)
        if occurred:
            z += alpha * (value - z)
    return float(d * z)


METHODS = {"croston": croston, "sba": sba, "tsb": tsb}
