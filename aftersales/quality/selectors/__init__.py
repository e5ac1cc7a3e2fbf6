"""Reads of quality and reliability: failure Pareto, the claim-rate matrix, life data for the
Weibull fit, claim rates by production group, and the installed base's forecast.

Every read starts from the caller's `restrict(user, "view")` querysets, and aggregates in the
database (by month or by day) so that the work in Python grows with the number of distinct
months or ages, not with the number of units.

"A unit's service starts" on its installation date, else its sale date, else its production date.
A failure is a warranty claim that was not rejected (its failure date and codes), or for the
Pareto also a visit's failure codes (the visit's check-out, else its window).
"""

from .failures import Matrix, MatrixRow, ParetoRow, claim_matrix, pareto
from .groups import (
    GroupRate,
    Signal,
    detect,
    group_rates,
    rates_before_after,
    rates_by_group,
    rates_by_model_and_group,
)
from .life import Forecast, LifeData, fit_life, forecast, kaplan_meier, life_data
from .scope import (
    COUNTED_CLAIMS,
    DAYS_PER_MONTH,
    SERVICE_START,
    UNIT_SERVICE_START,
    claims_for,
    month_index,
    month_of,
    units_for,
    warranty_months,
)

__all__ = [
    "COUNTED_CLAIMS",
    "DAYS_PER_MONTH",
    "SERVICE_START",
    "UNIT_SERVICE_START",
    "Forecast",
    "GroupRate",
    "LifeData",
    "Matrix",
    "MatrixRow",
    "ParetoRow",
    "Signal",
    "claim_matrix",
    "claims_for",
    "detect",
    "fit_life",
    "forecast",
    "group_rates",
    "kaplan_meier",
    "life_data",
    "month_index",
    "month_of",
    "pareto",
    "rates_before_after",
    "rates_by_group",
    "rates_by_model_and_group",
    "units_for",
    "warranty_months",
]
