"""Passing an approved claim (or a line) on to the part's supplier: claimed → accepted /
rejected → recovered; a list for quality and finance."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from aftersales.core.choices import Role
from aftersales.warranty import services
from aftersales.warranty.models import Claim, SupplierRecovery
from tests.factories import UnitFactory


@pytest.fixture
def claim(ac_model, ac_policy, italian_owner, agent, compatible_part):
    services.part_coverage_set(
        policy=ac_policy, part=compatible_part, months=24, by=None, supplier="Motori Srl"
    )
    unit = UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        sale_date=dt.date.today() - dt.timedelta(days=50),
    )
    return services.claim_submit(
        unit=unit,
        by=None,
        agent=agent,
        failure_date=dt.date.today(),
        meter=Decimal(10),
        labour_amount=Decimal(200),
        parts=[{"part": compatible_part, "amount": Decimal(1000)}],
    )


@pytest.fixture
def quality(make_user):
    return make_user(Role.QUALITY, username="qa")


def test_a_line_goes_to_the_supplier_named_on_the_part_rule(login, quality, claim):
    assert claim.status == "approved"
    line = claim.parts.get()
    client = login(quality)
    response = client.post(f"/warranty/claims/{claim.pk}/recovery/", {"line": line.pk})
    assert response.status_code == 302
    recovery = SupplierRecovery.objects.get()
    assert (recovery.supplier, recovery.amount, recovery.status) == (
        "Motori Srl",
        Decimal(1000),
        "claimed",
    )
    assert recovery.number.startswith("SR-")
    assert recovery.number in client.get(f"/warranty/claims/{claim.pk}/").content.decode()
    assert recovery.number in client.get("/warranty/recoveries/").content.decode()


def test_the_status_moves_claimed_accepted_recovered(login, make_user, quality, claim):
    recovery = services.recovery_create(claim=claim, line=claim.parts.get(), by=quality)
    finance = login(make_user(Role.FINANCE, username="fin"))
    move = f"/warranty/recoveries/{recovery.pk}/move/"
    assert finance.post(move, {"to": "recovered"}).status_code == 400  # not accepted yet
    assert finance.post(move, {"to": "accepted"}).status_code == 302
    assert finance.post(move, {"to": "recovered", "recovered_amount": "900"}).status_code == 302
    recovery.refresh_from_db()
    assert (recovery.status, recovery.recovered_amount) == ("recovered", Decimal(900))
    assert recovery.closed_at is not None
    page = finance.get(f"/warranty/recoveries/{recovery.pk}/").content.decode()
    assert "move-form" not in page  # nothing more to do


def test_a_rejected_recovery_may_be_claimed_again(quality, claim):
    first = services.recovery_create(claim=claim, by=quality, supplier="Motori Srl")
    with pytest.raises(ValidationError):
        services.recovery_create(claim=claim, by=quality, supplier="Motori Srl")
    services.recovery_move(recovery=first, to="rejected", by=quality)
    again = services.recovery_create(claim=claim, by=quality, supplier="Other Spa")
    assert again.amount == claim.approved_total


def test_only_approved_claims_and_amounts_within_the_approval(quality, claim):
    with pytest.raises(ValidationError):
        services.recovery_create(
            claim=claim, by=quality, supplier="X", amount=claim.approved_total + 1
        )
    Claim.objects.filter(pk=claim.pk).update(status="rejected")
    with pytest.raises(ValidationError):
        services.recovery_create(claim=claim, by=quality, supplier="X")


def test_agents_and_operators_see_no_recoveries(login, agent_user, operator, quality, claim):
    recovery = services.recovery_create(claim=claim, by=quality, supplier="Motori Srl")
    for user in (agent_user, operator):
        client = login(user)
        assert client.get(f"/warranty/recoveries/{recovery.pk}/").status_code == 404
        assert recovery.number not in client.get("/warranty/recoveries/").content.decode()
    response = login(agent_user).post(f"/warranty/claims/{claim.pk}/recovery/", {})
    assert response.status_code == 404
