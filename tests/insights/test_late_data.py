"""A record that changes late changes the figures of the day it belongs to."""

import datetime as dt
from decimal import Decimal

from aftersales.insights import aggregation, dashboard
from aftersales.insights.models import PendingDay
from aftersales.insights.scope import Scope
from aftersales.service import services

from .conftest import at

LAST_MONTH = Scope(start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31))


def test_a_request_resolved_today_changes_last_months_figures(world):
    ac = world.unit()
    request, visit = world.served(
        unit=ac,
        opened=at(dt.date(2026, 10, 3), 9),
        visit_start=at(dt.date(2026, 10, 4), 10),
        result="needs_parts",
    )
    aggregation.refresh(full=True)
    before, _ = dashboard.kpi_figures(LAST_MONTH)
    assert before["first_time_fix_rate"] is None  # nothing resolved yet
    assert before["mean_resolution_hours"] is None

    # a follow-up visit fixes it a month later, and the request is resolved today
    follow_up = world.visit(request=request, start=at(dt.date(2026, 11, 21), 10))
    request.refresh_from_db()
    assert request.status == "resolved"
    assert PendingDay.objects.filter(day=dt.date(2026, 10, 3)).exists()
    aggregation.refresh()
    after, _ = dashboard.kpi_figures(LAST_MONTH)
    assert after["first_time_fix_rate"] == Decimal("0.0000")  # fixed by the second visit
    assert after["mean_resolution_hours"] is not None
    # the first visit became a repeat visit only if the second came within 30 days: it did not
    assert after["repeat_visit_rate"] == Decimal("0.0000")
    assert follow_up.window_start.month == 11


def test_writes_that_bypass_signals_are_found_by_their_time_stamps(world):
    """Claims are adjudicated in bulk with one UPDATE (no signal): the decision time finds them."""
    from django.utils import timezone

    from aftersales.warranty.models import Claim

    world.rate()  # a million rials make a euro
    ac = world.unit()
    claim = Claim.objects.create(
        number="WC-1", unit=ac, agent=world.north, failure_date=dt.date(2026, 10, 5)
    )
    aggregation.refresh(full=True)
    assert dashboard.kpi_figures(LAST_MONTH)[0]["warranty_cost_per_unit"] is None  # none sold
    january = Scope(start=dt.date(2026, 1, 1), end=dt.date(2026, 10, 31))
    assert dashboard.kpi_figures(january)[0]["warranty_cost_per_unit"] == Decimal("0.00")
    Claim.objects.filter(pk=claim.pk).update(
        status="approved", approved_total=Decimal(4_500_000), decided_at=timezone.now()
    )
    PendingDay.objects.all().delete()
    aggregation.refresh()
    assert dashboard.kpi_figures(january)[0]["warranty_cost_per_unit"] == Decimal("4.50")


def test_a_rescheduled_visit_leaves_its_old_day(world):
    ac = world.unit()
    request = world.request(unit=ac, opened=at(dt.date(2026, 10, 3), 9))
    visit = world.visit(request=request, start=at(dt.date(2026, 10, 4), 10), result=None)
    PendingDay.objects.all().delete()
    services.visit_cancel(visit=visit, by=world.staff)
    assert PendingDay.objects.filter(day=dt.date(2026, 10, 4)).exists()
