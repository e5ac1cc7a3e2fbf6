"""Network planning (R3.1): demand per region against the agents' capacity there."""

import datetime as dt
from decimal import Decimal

import pytest

from aftersales.agents import planning
from aftersales.core.choices import Role
from tests.factories import AddressFactory, AgentFactory, TechnicianFactory, UnitFactory

from .conftest import at, make_request

START, END = dt.date(2026, 1, 1), dt.date(2026, 1, 31)  # 31 days, 4 Fridays, 5 Thursdays


@pytest.fixture
def network(db, service_type):
    """Gilan: much demand, one technician. Fars: two technicians, little demand. Kerman: demand,
    nobody."""
    gilan = AgentFactory(region="Gilan", city="Rasht")
    fars = AgentFactory(region="Fars", city="Shiraz")
    AgentFactory(region="Fars", city="Shiraz", status="suspended", is_active=False)
    # 8:00-17:00 less 30 minutes = 8.5 hours a day
    TechnicianFactory(agent=gilan)
    TechnicianFactory(agent=fars)
    TechnicianFactory(agent=fars)
    TechnicianFactory(agent=fars, is_active=False)
    for region, agent, count in (("Gilan", gilan, 60), ("Fars", fars, 5), ("Kerman", None, 3)):
        for n in range(count):
            address = AddressFactory(region=region)
            unit = UnitFactory(
                owner=address.customer, installation_address=address, service_agent=agent
            )
            make_request(
                agent=agent,
                unit=unit,
                service_type=service_type,
                opened=at(2026, 1, 1 + n % 28),
                address=address,
            )
    return gilan, fars


def test_working_days_follow_the_business_calendar(db):
    # January 2026 in Iran: 31 days - 5 Fridays = 26 days, of which 5 Thursdays count half
    assert planning.working_days("IR", START, END) == Decimal("23.5")
    # Italy: Monday-Friday, 22 days, less the holidays of 1 and 6 January
    assert planning.working_days("IT", START, END) == Decimal(20)


def test_each_region_gets_its_demand_capacity_and_verdict(network):
    gilan, fars = network
    regions = {r.name: r for r in planning.network_plan(start=START, end=END)}
    hours = Decimal("8.5") * Decimal("23.5")  # one technician's month: 199.75
    months = Decimal(31) / Decimal("30.4375")
    g = regions["Gilan"]
    assert (g.units, g.requests, g.technicians) == (60, 60, 1)
    assert g.demand_hours == Decimal(120)  # 60 jobs × 2 hours (no visit done: the default)
    assert g.capacity_hours == hours.quantize(Decimal("0.1"))
    assert g.requests_per_month == (60 / months).quantize(Decimal("0.1"))
    assert g.load == (Decimal(120) / Decimal("199.8")).quantize(Decimal("0.01"))  # 0.60
    assert g.verdict == "balanced"
    f = regions["Fars"]
    assert (f.requests, f.technicians, f.agents) == (5, 2, [fars])  # not the suspended one
    assert f.verdict == "over"  # 10 hours of work for 399.5
    k = regions["Kerman"]
    assert (k.requests, k.technicians, k.load, k.verdict) == (3, 0, None, "under")
    order = [r.name for r in planning.network_plan(start=START, end=END)]
    assert order == ["Kerman", "Gilan", "Fars"]


def test_the_page_shows_the_regions_and_a_chart(network, manager, login):
    page = login(manager).get("/agents/plan/", {"start": "2026-01-01", "end": "2026-01-31"})
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-region="Kerman" data-verdict="under"' in html
    assert 'data-region="Fars" data-verdict="over"' in html
    assert 'id="plan-data"' in html and "Capacity (hours)" in html


def test_only_the_network_managers_see_the_plan(network, make_user, login):
    for role in (Role.OPERATOR, Role.AGENT, Role.TECHNICIAN):
        assert login(make_user(role)).get("/agents/plan/").status_code == 404
