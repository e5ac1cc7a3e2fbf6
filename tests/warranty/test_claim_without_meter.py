"""A claim without a meter reading on a policy with a usage limit goes to review, saying why."""

import datetime as dt
from decimal import Decimal

from aftersales.warranty import services
from aftersales.warranty.adjudication import reason_text
from tests.factories import UnitFactory


def _claim(unit, part, meter):
    return services.claim_submit(
        unit=unit,
        by=None,
        failure_date=dt.date.today(),
        meter=meter,
        parts=[{"part": part, "amount": Decimal(500)}],
    )


def test_no_meter_reading_under_a_usage_limit_needs_review(
    ac_model, ac_policy, italian_owner, compatible_part
):
    unit = UnitFactory(
        product_model=ac_model, owner=italian_owner, sale_date=dt.date.today() - dt.timedelta(30)
    )
    claim = _claim(unit, compatible_part, None)
    assert claim.status == "review"
    texts = [reason_text(reason) for reason in claim.reasons]
    assert any("No meter reading" in text and "5000" in text for text in texts)


def test_a_meter_reading_within_the_limit_is_approved(
    ac_model, ac_policy, italian_owner, compatible_part
):
    unit = UnitFactory(
        product_model=ac_model, owner=italian_owner, sale_date=dt.date.today() - dt.timedelta(30)
    )
    assert _claim(unit, compatible_part, Decimal(100)).status == "approved"


def test_no_usage_limit_no_meter_needed(ac_model, italian_owner, compatible_part):
    services.policy_create(by=None, name="AC 12 months", category=ac_model.category, months=12)
    unit = UnitFactory(
        product_model=ac_model, owner=italian_owner, sale_date=dt.date.today() - dt.timedelta(30)
    )
    assert _claim(unit, compatible_part, None).status == "approved"
