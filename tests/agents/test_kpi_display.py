"""KPI values as people read them: rates as percentages, scores and counts as plain numbers."""

from decimal import Decimal

from django.utils import translation

from aftersales.agents.templatetags.agents_tags import kpi, points


def test_rates_show_as_percentages_and_counts_as_numbers():
    assert kpi(Decimal("0.875"), "first_time_fix_rate") == "87.5%"
    assert kpi("0.0000", "claim_rejection_rate") == "0.0%"
    assert kpi(Decimal("10.0000"), "complaints_per_100_jobs") == "10"
    assert kpi(Decimal("33.3333"), "complaints_per_100_jobs") == "33.3"
    assert kpi(Decimal("-25.00"), "nps") == "-25"
    assert kpi(None, "csat") == "—"
    assert points("0.6667") == "67" and points(None) == "—"


def test_persian_digits_in_persian():
    with translation.override("fa"):
        assert kpi(Decimal("0.75"), "csat") == "۷۵.۰%"
