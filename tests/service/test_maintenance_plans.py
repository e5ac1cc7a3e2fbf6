"""Maintenance plans open proactive requests when a unit is due: by months, by meter, by season."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from aftersales.service import services
from aftersales.service.models import MaintenancePlan, ServiceRequest
from aftersales.service.proactive import proactive_run
from aftersales.units.models import MeterReading
from tests.factories import AddressFactory, UnitFactory

from .factories import service_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(owner):
    AddressFactory(customer=owner)
    return UnitFactory(owner=owner, sale_date=dt.date(2026, 1, 10))


def plan(unit, **kwargs):
    return MaintenancePlan.objects.create(
        name="Yearly check",
        service_type=service_type("maintenance"),
        product_model=unit.product_model,
        **kwargs,
    )


def test_every_n_months_from_the_sale(unit):
    yearly = plan(unit, every_months=6)
    assert proactive_run(today=dt.date(2026, 7, 9)).opened == 0
    assert proactive_run(today=dt.date(2026, 7, 10)).opened == 1
    request = ServiceRequest.objects.get()
    assert (request.plan, request.channel, request.unit) == (yearly, "proactive", unit)
    # not twice while it is open, nor before the next period
    assert proactive_run(today=dt.date(2026, 7, 11)).opened == 0
    services.request_triage(request=request, by=None)
    services.request_transition(request=request, to="resolved", by=None)
    assert proactive_run(today=dt.date(2026, 8, 1)).opened == 0


def test_every_n_meter_units(unit):
    plan(unit, every_meter=500)
    MeterReading.objects.create(unit=unit, value=499, read_at=timezone.now())
    assert proactive_run(today=dt.date(2026, 3, 1)).opened == 0
    MeterReading.objects.create(unit=unit, value=520, read_at=timezone.now())
    assert proactive_run(today=dt.date(2026, 3, 2)).opened == 1
    assert ServiceRequest.objects.get().meter_at_open == 520


def test_a_seasonal_campaign_runs_once_in_its_months(unit):
    plan(unit, season_months=[4, 5])
    assert proactive_run(today=dt.date(2026, 3, 30)).opened == 0
    assert proactive_run(today=dt.date(2026, 4, 1)).opened == 1
    request = ServiceRequest.objects.get()
    services.request_transition(request=request, to="cancelled", by=None)
    assert proactive_run(today=dt.date(2026, 5, 1)).opened == 0  # once a season
    assert proactive_run(today=dt.date(2027, 4, 1)).opened == 1


def test_a_unit_without_any_address_is_skipped(owner):
    unit = UnitFactory(owner=owner, sale_date=dt.date(2025, 1, 1))
    plan(unit, every_months=6)
    result = proactive_run(today=dt.date(2026, 1, 1))
    assert (result.opened, result.skipped) == (0, 1)


def test_the_command(unit):
    plan(unit, every_months=1)
    out = StringIO()
    call_command("service_proactive", "--date", "2026-03-01", stdout=out)
    assert "opened 1" in out.getvalue()
