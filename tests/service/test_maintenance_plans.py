"""Maintenance plans open proactive requests when a unit is due: by months, by meter, by season."""

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from aftersales.service import services
from aftersales.service.models import MaintenancePlan, ServiceRequest
from aftersales.service.proactive import proactive_run
from aftersales.units.models import MeterReading
from aftersales.warranty import services as warranty
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


def test_the_meter_counts_from_the_plans_last_request(unit):
    plan(unit, every_meter=500)
    MeterReading.objects.create(unit=unit, value=520, read_at=timezone.now())
    assert proactive_run(today=dt.date(2026, 3, 2)).opened == 1
    services.request_transition(request=ServiceRequest.objects.get(), to="cancelled", by=None)
    MeterReading.objects.create(unit=unit, value=1019, read_at=timezone.now())
    assert proactive_run(today=dt.date(2026, 4, 1)).opened == 0  # 499 since the last request
    MeterReading.objects.create(unit=unit, value=1020, read_at=timezone.now())
    assert proactive_run(today=dt.date(2026, 4, 2)).opened == 1
    assert ServiceRequest.objects.latest("pk").meter_at_open == 1020


def test_units_not_due_cost_no_query_of_their_own(unit, django_assert_num_queries):
    """The run reads a plan's units with what decides their due date in one query per chunk."""
    plan(unit, every_months=6)
    for _ in range(3):
        UnitFactory(owner=unit.owner, product_model=unit.product_model, sale_date=unit.sale_date)
    with django_assert_num_queries(2):  # the plans, then their units
        assert proactive_run(today=dt.date(2026, 7, 9)).opened == 0
    for _ in range(20):
        UnitFactory(owner=unit.owner, product_model=unit.product_model, sale_date=unit.sale_date)
    with django_assert_num_queries(2):
        assert proactive_run(today=dt.date(2026, 7, 9)).opened == 0
    assert proactive_run(today=dt.date(2026, 7, 10)).opened == 24


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


def test_a_contract_plan_serves_the_units_under_a_service_contract(unit):
    """Every 6 months from the contract's start, while the contract is in force; an extended
    warranty is not a service contract, and a cancelled contract ends the visits."""
    other = UnitFactory(owner=unit.owner, sale_date=unit.sale_date)  # another model
    plain = UnitFactory(owner=unit.owner, product_model=unit.product_model)
    contract = warranty.contract_create(
        unit=other, by=None, kind="service", starts=dt.date(2026, 3, 1), ends=dt.date(2027, 2, 28)
    )
    warranty.contract_create(
        unit=plain, by=None, kind="extended", starts=dt.date(2026, 3, 1), ends=dt.date(2027, 2, 28)
    )
    amc = MaintenancePlan.objects.create(
        name="AMC visit",
        service_type=service_type("maintenance"),
        service_contracts=True,
        every_months=6,
    )
    assert proactive_run(today=dt.date(2026, 8, 31)).opened == 0  # 6 months from the sale: no
    assert proactive_run(today=dt.date(2026, 9, 1)).opened == 1
    request = ServiceRequest.objects.get()
    assert (request.plan, request.unit) == (amc, other)
    services.request_transition(request=request, to="cancelled", by=None)
    warranty.contract_cancel(contract=contract, by=None)
    assert proactive_run(today=dt.date(2027, 3, 1)).opened == 0


def test_a_contract_plan_for_one_model(unit):
    warranty.contract_create(
        unit=unit, by=None, kind="service", starts=dt.date(2026, 2, 1), ends=dt.date(2027, 1, 31)
    )
    other = UnitFactory(owner=unit.owner, sale_date=unit.sale_date)
    warranty.contract_create(
        unit=other, by=None, kind="service", starts=dt.date(2026, 2, 1), ends=dt.date(2027, 1, 31)
    )
    plan(unit, service_contracts=True, every_months=3)
    assert proactive_run(today=dt.date(2026, 5, 1)).opened == 1
    assert ServiceRequest.objects.get().unit == unit


def test_a_plan_needs_a_model_a_category_or_contracts():
    bare = MaintenancePlan(name="Nothing", service_type=service_type("maintenance"), every_months=6)
    with pytest.raises(ValidationError):
        bare.full_clean()
