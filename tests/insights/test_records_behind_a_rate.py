"""A rate's card opens the records it is measured on: the first-time fix rate's list holds the
resolved requests (its denominator), so its "yes" rows over its count give the card's figure;
a count's card (claims) still opens every record of the period."""

import datetime as dt
import re

from django.urls import reverse

from aftersales.insights import aggregation, dashboard
from aftersales.insights.scope import Scope

from .conftest import at

START, END = dt.date(2026, 9, 1), dt.date(2026, 11, 30)
QUERY = {"start": START.isoformat(), "end": END.isoformat()}


def _count(html: str) -> int:
    return int(re.search(r'id="result-count">\s*(\d+) record', html).group(1))


def test_the_first_time_fix_list_counts_what_the_card_counts(world, login):
    unit = world.unit()
    world.served(
        unit=unit, opened=at(dt.date(2026, 9, 12), 9), visit_start=at(dt.date(2026, 9, 13), 10)
    )
    world.served(
        unit=unit,
        opened=at(dt.date(2026, 10, 3), 9),
        visit_start=at(dt.date(2026, 10, 4), 10),
        result="needs_parts",
    )
    world.request(unit=unit, opened=at(dt.date(2026, 11, 2), 10))  # open: not measured yet
    aggregation.refresh(full=True)
    figures, __ = dashboard.kpi_figures(Scope(start=START, end=END))
    client = login(world.staff)
    url = reverse("insights:records", args=["requests"])
    measured = client.get(url, {**QUERY, "kpi": "first_time_fix_rate"}).content.decode()
    every = client.get(url, {**QUERY, "kpi": "mean_response_hours"}).content.decode()
    resolved = _count(measured)
    assert _count(every) == 3 and resolved < 3
    fixed = measured.count("<bdi>Yes</bdi>")
    assert round(fixed / resolved, 4) == float(figures["first_time_fix_rate"])
