"""Submitting a claim in the UI: agent staff and the maker's technicians, through the same
service as the API; errors shown on the form, nothing saved."""

import datetime as dt

import jdatetime
import pytest

from aftersales.core.choices import Role
from aftersales.warranty.models import Claim
from tests.factories import FailureCodeFactory, UnitFactory


@pytest.fixture
def unit(ac_model, ac_policy, italian_owner, agent):
    return UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        serial="AC-0001",
        sale_date=dt.date.today() - dt.timedelta(days=60),
    )


@pytest.fixture
def code(db):
    return FailureCodeFactory(code="E1")


def _data(unit, code, part, **extra):
    data = {
        "serial": unit.serial.lower(),
        "failure_date": (dt.date.today() - dt.timedelta(days=2)).isoformat(),
        "meter": "120",
        "failure_codes": [code.pk],
        "labour_minutes": "45",
        "labour_amount": "300",
        "travel_amount": "50",
        "currency": "IRR",
        "parts-TOTAL_FORMS": "3",
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": "20",
        "parts-0-part": part.pk,
        "parts-0-quantity": "1",
        "parts-0-amount": "1000",
        "parts-0-faulty_serial": "FM-778",
        "parts-0-return_required": "on",
    }
    data.update(extra)
    return data


def test_agent_staff_submit_a_claim_for_their_unit(
    login, agent_user, agent, unit, code, compatible_part
):
    client = login(agent_user)
    page = client.get("/warranty/claims/new/")
    assert page.status_code == 200
    assert 'name="parts-0-faulty_serial"' in page.content.decode()
    response = client.post("/warranty/claims/new/", _data(unit, code, compatible_part))
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert response.url == f"/warranty/claims/{claim.pk}/"
    assert (claim.unit, claim.agent, claim.submitter) == (unit, agent, "agent")
    assert claim.meter == 120 and claim.labour_minutes == 45
    line = claim.parts.get()
    assert (line.faulty_serial, line.return_required) == ("FM-778", True)
    assert list(claim.failure_codes.all()) == [code]
    assert claim.status == "approved"  # decided at once, as through the API


def test_the_makers_technician_submits_as_the_maker(login, make_user, unit, code, compatible_part):
    technician = make_user(Role.TECHNICIAN, username="maker-tech")
    response = login(technician).post("/warranty/claims/new/", _data(unit, code, compatible_part))
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.submitter, claim.agent, claim.submitted_by) == ("maker", None, technician)


def test_errors_land_on_the_form_and_nothing_is_saved(
    login, agent_user, unit, code, compatible_part
):
    client = login(agent_user)
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = client.post(
        "/warranty/claims/new/", _data(unit, code, compatible_part, failure_date=future)
    )
    assert response.status_code == 400
    assert "The failure date cannot be in the future." in response.content.decode()
    response = client.post(
        "/warranty/claims/new/", _data(unit, code, compatible_part, serial="NOPE-1")
    )
    assert response.status_code == 400
    assert "There is no unit with this serial number." in response.content.decode()
    assert not Claim.objects.exists()


def test_another_agents_unit_cannot_be_claimed(
    login, make_user, other_agent, unit, code, compatible_part
):
    outsider = make_user(Role.AGENT, username="south", agent=other_agent)
    response = login(outsider).post("/warranty/claims/new/", _data(unit, code, compatible_part))
    assert response.status_code == 400
    assert not Claim.objects.exists()


def test_customers_and_operators_may_not_claim(login, owner, operator):
    assert login(owner.user).get("/warranty/claims/new/").status_code == 404
    assert login(operator).get("/warranty/claims/new/").status_code == 404


def test_a_jalali_failure_date_is_accepted_in_persian(
    make_user, login, agent, unit, code, compatible_part
):
    farsi = make_user(Role.AGENT, username="farsi-agent", agent=agent, language="fa")
    day = dt.date.today() - dt.timedelta(days=5)
    jalali = jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d")
    response = login(farsi).post(
        "/warranty/claims/new/", _data(unit, code, compatible_part, failure_date=jalali)
    )
    assert response.status_code == 302
    assert Claim.objects.get().failure_date == day
    assert login(farsi).get(response.url).status_code == 200
    assert login(farsi).get("/warranty/claims/new/").status_code == 200
