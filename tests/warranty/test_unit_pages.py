"""The unit page shows its warranty; the unit's warranty page is scoped like the unit."""

import datetime as dt

import pytest

from aftersales.core.choices import Role
from aftersales.warranty import services


@pytest.fixture
def covered_unit(owned_unit, ac_policy, ac_model):
    owned_unit.product_model = ac_model
    owned_unit.sale_date = dt.date.today() - dt.timedelta(days=30)
    owned_unit.save()
    return owned_unit


def test_the_unit_page_has_a_warranty_section(login, operator, covered_unit):
    page = login(operator).get(f"/units/{covered_unit.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="warranty-coverage"' in html
    assert "AC 12 months" in html


def test_the_warranty_page_explains_each_line(login, operator, covered_unit):
    page = login(operator).get(f"/warranty/units/{covered_unit.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Covered 100% by the warranty" in html
    assert "Travel" in html


def test_the_owner_sees_the_warranty_of_their_unit(login, owner, covered_unit):
    assert login(owner.user).get(f"/warranty/units/{covered_unit.pk}/").status_code == 200


def test_another_customer_gets_404(login, stranger, covered_unit):
    assert login(stranger.user).get(f"/warranty/units/{covered_unit.pk}/").status_code == 404


def test_the_units_agent_sees_it_another_agent_does_not(
    login, make_user, agent_user, other_agent, covered_unit
):
    assert login(agent_user).get(f"/warranty/units/{covered_unit.pk}/").status_code == 200
    outsider = make_user(Role.AGENT, username="other-agent-staff", agent=other_agent)
    assert login(outsider).get(f"/warranty/units/{covered_unit.pk}/").status_code == 404


def test_an_operator_sells_a_contract(login, operator, covered_unit):
    today = dt.date.today()
    response = login(operator).post(
        f"/warranty/units/{covered_unit.pk}/contracts/new/",
        {
            "kind": "extended",
            "starts": (today + dt.timedelta(days=400)).isoformat(),
            "ends": (today + dt.timedelta(days=800)).isoformat(),
            "parts_pct": "100",
            "labour_pct": "100",
            "travel_pct": "0",
            "payer": "maker",
            "price": "1500000",
            "currency": "IRR",
        },
    )
    assert response.status_code == 302
    contract = covered_unit.contracts.get()
    assert contract.number.startswith("EW-")
    assert contract.travel_pct == 0


def test_a_customer_may_not_sell_a_contract(login, owner, covered_unit):
    response = login(owner.user).get(f"/warranty/units/{covered_unit.pk}/contracts/new/")
    assert response.status_code == 404
    assert services  # the service is the only writer


def test_the_customer_reads_whole_meter_figures(login, owner, covered_unit):
    from decimal import Decimal

    from django.utils import timezone

    from aftersales.units.models import MeterReading

    MeterReading.objects.create(unit=covered_unit, value=Decimal("1450.0"), read_at=timezone.now())
    client = login(owner.user)
    assert (
        "3550 left on the meter"
        in client.get(f"/warranty/units/{covered_unit.pk}/").content.decode()
    )
    page = client.get(f"/my/units/{covered_unit.pk}/").content.decode()
    assert "1450 ·" in page and "1450.0" not in page
