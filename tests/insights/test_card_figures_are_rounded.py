"""A card rounds its figure (2.29 hours reads 2.3 h, an NPS of 57.61 reads 58), it does not cut
the digits off, in every language."""

from decimal import Decimal

from django.utils import translation

from aftersales.insights.display import kpi_text
from aftersales.insights.kpis import KPI_BY_KEY


def test_figures_are_rounded_half_up():
    hours, nps, rate = (
        KPI_BY_KEY["mean_response_hours"],
        KPI_BY_KEY["nps"],
        KPI_BY_KEY["first_time_fix_rate"],
    )
    with translation.override("en"):
        assert kpi_text(hours, Decimal("2.29")) == "2.3 h"
        assert kpi_text(hours, Decimal("20.98")) == "21.0 h"
        assert kpi_text(nps, Decimal("57.61")) == "58"
        assert kpi_text(rate, Decimal("0.81096")) == "81.1%"
        assert kpi_text(KPI_BY_KEY["claims_per_1000_units"], Decimal("29.995")) == "30.00"
    with translation.override("it"):
        assert kpi_text(hours, Decimal("2.29")) == "2,3 h"
    with translation.override("fa"):
        assert kpi_text(nps, Decimal("57.61")) == "۵۸"


def test_money_is_shown_in_the_currency_the_facts_count_in(db):
    """A money card names the company's currency (it named rials whatever the company's)."""
    from aftersales.billing.models import Company

    Company.objects.create(country="IT", name="Aftersales Italia", currency="EUR")
    with translation.override("it"):
        assert kpi_text(KPI_BY_KEY["warranty_cost_per_unit"], Decimal("12.5")) == "12,50 €"
