"""Comparing claim rates: the statistics behind early warnings and CAPA verification.

A group (a production batch or month) had `x` claims over `e` unit-months in service; the rest of
its model had `y` claims over `f` unit-months. If both share one Poisson rate, then given the
total n = x + y, x is Binomial(n, e / (e + f)). The one-sided exact binomial test of that
(the conditional test for two Poisson rates, Przyborowski and Wilenski 1940) gives the p-value;
it accounts for the uncertainty of the model's own rate, so a small model does not cry wolf.

Many groups are tested at once, so the p-values are adjusted with Holm's step-down method: the
chance of even one false alarm in a whole scan (the family-wise error rate) is at most `alpha`.
"""

from __future__ import annotations

from dataclasses import dataclass

from scipy import stats


@dataclass(frozen=True)
class Comparison:
    x: int
    e: float
    y: int
    f: float
    p_value: float

    @property
    def rate(self) -> float | None:
        return self.x / self.e if self.e else None

    @property
    def other_rate(self) -> float | None:
        return self.y / self.f if self.f else None

    @property
    def expected(self) -> float:
        """Claims the group would have had at the rest's rate."""
        return self.e * self.y / self.f if self.f else 0.0

    @property
    def ratio(self) -> float | None:
        if not self.e or not self.f or not self.y:
            return None
        return (self.x / self.e) / (self.y / self.f)


def compare(x: int, e: float, y: int, f: float, *, alternative: str = "greater") -> Comparison:
    """Is the rate x/e greater (or `less`) than y/f? One-sided exact conditional test."""
    if e <= 0 or f <= 0 or x + y == 0:
        return Comparison(x, e, y, f, 1.0)
    result = stats.binomtest(int(x), int(x + y), e / (e + f), alternative=alternative)
    return Comparison(x, e, y, f, float(result.pvalue))


def holm(p_values: list[float]) -> list[float]:
    """Holm-adjusted p-values, in the order given: reject where adjusted <= alpha."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted
