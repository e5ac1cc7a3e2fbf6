"""SLA compliance judges the requests still open past their resolution target as breaches,
from the records and from the facts alike, and a refresh notices a target that passed since."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from aftersales.insights import aggregation, dashboard
from aftersales.insights.kpis import kpi_values
from aftersales.insights.models import PendingDay
from aftersales.insights.scope import Scope
from aftersales.service.models import ServiceRequest

from .conftest import at

OCTOBER = Scope(start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31))


def _compliance():
    figures, from_facts = dashboard.kpi_figures(OCTOBER)
    assert from_facts
    assert figures == kpi_values(start=OCTOBER.start, end=OCTOBER.end)
    return figures["sla_compliance"]


def test_a_request_still_open_past_its_target_is_a_breach(world):
    unit = world.unit()
    on_time, _visit = world.served(
        unit=unit, opened=at(dt.date(2026, 10, 5), 9), visit_start=at(dt.date(2026, 10, 5), 11)
    )
    forgotten = world.request(unit=world.unit(), opened=at(dt.date(2026, 10, 6), 9))
    paused = world.request(unit=world.unit(), opened=at(dt.date(2026, 10, 7), 9))
    cancelled = world.request(unit=world.unit(), opened=at(dt.date(2026, 10, 8), 9))
    ServiceRequest.objects.filter(pk=paused.pk).update(
        status="waiting_customer", paused_at=at(dt.date(2026, 10, 7), 12)
    )
    ServiceRequest.objects.filter(pk=cancelled.pk).update(status="cancelled")
    assert on_time.resolved_at <= on_time.resolution_due
    assert forgotten.resolution_due < timezone.now() and forgotten.resolved_at is None

    aggregation.refresh(full=True)
    # judged: the one resolved on time and the one forgotten; not the paused or cancelled ones
    assert dashboard.measures(OCTOBER)["sla_measured"] == 2
    assert _compliance() == Decimal("0.5000")


def test_a_target_that_passes_between_refreshes_is_found(world):
    request = world.request(unit=world.unit(), opened=at(dt.date(2026, 10, 6), 9))
    ahead = timezone.now() + dt.timedelta(days=1)
    ServiceRequest.objects.filter(pk=request.pk).update(resolution_due=ahead)
    first = aggregation.refresh(full=True)
    assert dashboard.measures(OCTOBER)["sla_measured"] == 0  # its target still ahead

    # the clock moves on: the target now lies between the two refreshes (no write, no signal)
    passed = first.watermark + dt.timedelta(microseconds=1)
    ServiceRequest.objects.filter(pk=request.pk).update(resolution_due=passed)
    PendingDay.objects.all().delete()
    log = aggregation.refresh()
    assert not log.full and log.days == 1
    assert _compliance() == Decimal("0.0000")
