"""The SLA clock stops while waiting for the customer and shows breaches."""

import datetime as dt
import zoneinfo

import pytest

from aftersales.service import selectors, services

from .factories import open_request

pytestmark = pytest.mark.django_db
TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")


def at(*args):
    return dt.datetime(*args, tzinfo=TEHRAN)


def test_waiting_for_the_customer_pushes_the_due_times(operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit, at=at(2026, 11, 21, 8))
    request = services.request_triage(request=request, by=operator, at=at(2026, 11, 21, 9))
    due = request.resolution_due
    request = services.request_transition(
        request=request, to="waiting_customer", by=operator, at=at(2026, 11, 21, 10)
    )
    paused = selectors.sla_clocks(request, now=at(2026, 11, 23, 10))
    assert paused[1].state == "paused"
    services.request_transition(request=request, to="triaged", by=operator, at=at(2026, 11, 21, 13))
    request.refresh_from_db()
    assert request.paused_at is None
    assert request.resolution_due.astimezone(TEHRAN) > due.astimezone(TEHRAN)
    from aftersales.service.business import business_between, calendar_for

    assert business_between(due, request.resolution_due, calendar_for("IR")) == pytest.approx(3)


def test_clock_states(operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit, at=at(2026, 11, 21, 8))
    response, resolution = selectors.sla_clocks(request, now=at(2026, 11, 21, 9))
    assert response.state == "ok" and response.remaining_hours == pytest.approx(15)
    response, _ = selectors.sla_clocks(request, now=at(2026, 11, 24, 8))
    assert response.state == "breached" and response.remaining_hours < 0
    request = services.request_triage(request=request, by=operator, at=at(2026, 11, 21, 9))
    response, _ = selectors.sla_clocks(request, now=at(2026, 11, 24, 8))
    assert response.state == "met"
