"""Guarantees as actions: money back and replacements proposed on the unit's warranty page,
recorded when a manager accepts; a replacement marks the unit replaced (and by which unit)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aftersales.core.choices import Role
from aftersales.warranty import selectors, services
from aftersales.warranty.models import Claim, GuaranteeAction
from tests.factories import FailureCodeFactory, UnitFactory


@pytest.fixture
def unit(ac_model, ac_policy, italian_owner):
    return UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        serial="OLD-1",
        sale_date=dt.date.today() - dt.timedelta(days=5),
    )


def test_money_back_is_proposed_and_recorded(login, manager, ac_policy, unit):
    services.guarantee_set(policy=ac_policy, kind="money_back", days=14, by=None)
    client = login(manager)
    page = client.get(f"/warranty/units/{unit.pk}/").content.decode()
    assert "guarantee-proposals" in page and "Money back is guaranteed until" in page
    response = client.post(f"/warranty/units/{unit.pk}/guarantees/", {"rule": "money_back"})
    assert response.status_code == 302
    action = GuaranteeAction.objects.get()
    assert (action.kind, action.rule, action.decided_by) == ("money_back", "money_back", manager)
    unit.refresh_from_db()
    assert unit.status == "active"
    page = client.get(f"/warranty/units/{unit.pk}/").content.decode()
    assert "guarantee-actions" in page and "guarantee-proposals" not in page


def test_money_back_is_not_proposed_after_its_days(ac_policy, unit):
    services.guarantee_set(policy=ac_policy, kind="money_back", days=3, by=None)
    assert selectors.guarantee_proposals(unit=unit) == []


def test_an_inherent_defect_within_n_days_replaces_the_unit(
    manager, ac_policy, unit, ac_model, compatible_part
):
    services.guarantee_set(policy=ac_policy, kind="replace_defect", days=30, by=None)
    services.claim_submit(
        unit=unit,
        by=None,
        failure_date=dt.date.today(),
        meter=Decimal(5),
        parts=[{"part": compatible_part, "amount": Decimal(100)}],
    )
    [proposal] = selectors.guarantee_proposals(unit=unit)
    assert proposal["rule"] == "replace_defect"
    new = UnitFactory(product_model=ac_model, owner=unit.owner, serial="NEW-1")
    action = services.guarantee_accept(unit=unit, rule="replace_defect", by=manager, new_unit=new)
    unit.refresh_from_db()
    assert (unit.status, unit.replaced_by) == ("replaced", new)
    assert action.new_unit == new and "claim" in action.basis
    assert selectors.guarantee_proposals(unit=unit) == []  # a replaced unit proposes nothing


def test_the_nth_repair_of_the_same_defect_is_proposed(
    login, manager, ac_policy, unit, ac_model, compatible_part
):
    services.guarantee_set(policy=ac_policy, kind="replace_repeat", repairs=2, by=None)
    code = FailureCodeFactory(code="E7")
    for days_ago in (40, 3):
        claim = services.claim_submit(
            unit=unit,
            by=None,
            failure_date=dt.date.today() - dt.timedelta(days=days_ago),
            meter=Decimal(5),
            failure_codes=[code],
            parts=[{"part": compatible_part, "amount": Decimal(100)}],
        )
        Claim.objects.filter(pk=claim.pk).update(status="approved")
    rules = [p["rule"] for p in selectors.guarantee_proposals(unit=unit)]
    assert rules == ["replace_repeat"]
    new = UnitFactory(product_model=ac_model, owner=unit.owner, serial="NEW-2")
    response = login(manager).post(
        f"/warranty/units/{unit.pk}/guarantees/", {"rule": "replace_repeat", "new_serial": "new-2"}
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert (unit.status, unit.replaced_by) == ("replaced", new)


def test_only_a_manager_accepts_and_only_what_is_due(login, make_user, ac_policy, unit):
    services.guarantee_set(policy=ac_policy, kind="money_back", days=14, by=None)
    quality = make_user(Role.QUALITY, username="qa")
    with pytest.raises(PermissionDenied):
        services.guarantee_accept(unit=unit, rule="money_back", by=quality)
    assert (
        login(quality)
        .post(f"/warranty/units/{unit.pk}/guarantees/", {"rule": "money_back"})
        .status_code
        == 404
    )
    page = login(quality).get(f"/warranty/units/{unit.pk}/").content.decode()
    assert "Money back is guaranteed until" in page and "Accept and record" not in page
    manager = make_user(Role.MANAGER, username="boss")
    with pytest.raises(ValidationError):
        services.guarantee_accept(unit=unit, rule="replace_repeat", by=manager)
    assert not GuaranteeAction.objects.exists()
