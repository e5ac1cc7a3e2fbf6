"""Automatic adjudication: each check of a claim leads to its status, with its reasons."""

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from aftersales.warranty import services
from aftersales.warranty.adjudication import adjudicate_many, reason_text
from aftersales.warranty.models import Claim
from tests.factories import FailureCodeFactory, PartFactory, UnitFactory


def _today() -> dt.date:
    """Today where the claims are dated; read per test, as a run may pass midnight."""
    return timezone.localdate()


@pytest.fixture
def unit(ac_model, ac_policy, italian_owner, agent):
    return UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        sale_date=_today() - dt.timedelta(days=100),
    )


@pytest.fixture
def code(db):
    failure = FailureCodeFactory(code="R10", level="repair")
    services.standard_time_set(failure_code=failure, minutes=60, by=None)
    return failure


def _claim(unit, part, code, **extra):
    data = {
        "unit": unit,
        "by": None,
        "agent": unit.service_agent,
        "failure_date": _today() - dt.timedelta(days=5),
        "failure_codes": [code],
        "parts": [{"part": part, "amount": Decimal("1000000"), "faulty_serial": "FX-1"}],
        "labour_minutes": 60,
        "labour_amount": Decimal("500000"),
        "travel_amount": Decimal("200000"),
        "meter": Decimal(100),
    }
    data.update(extra)
    return services.claim_submit(**data)


def _codes(claim):
    return [reason["code"] for reason in claim.reasons]


def test_a_covered_claim_is_approved_in_full(unit, compatible_part, code):
    claim = _claim(unit, compatible_part, code)
    assert claim.status == "approved"
    assert claim.approved_total == claim.claimed_total == Decimal("1700000")
    assert claim.parts.get().approved_amount == Decimal("1000000")
    assert all(reason_text(reason) for reason in claim.reasons)


def test_a_claim_after_expiry_is_rejected(unit, compatible_part, code):
    unit.sale_date = _today() - dt.timedelta(days=800)
    unit.save()
    claim = _claim(unit, compatible_part, code)
    assert claim.status == "rejected"
    assert claim.approved_total == 0
    assert _codes(claim) == ["not_covered"]
    assert "ended" in reason_text(claim.reasons[0])


def test_an_excluded_cause_is_rejected(unit, compatible_part, code):
    claim = _claim(unit, compatible_part, code, causes=["misuse"])
    assert claim.status == "rejected"


def test_the_same_claim_twice_is_a_duplicate(unit, compatible_part, code):
    first = _claim(unit, compatible_part, code)
    second = _claim(unit, compatible_part, code)
    assert first.status == "approved"
    assert second.status == "rejected"
    assert second.reasons[0] == {"code": "duplicate", "params": {"number": first.number}}


def test_labour_over_the_standard_time_is_paid_at_the_standard(unit, compatible_part, code):
    claim = _claim(unit, compatible_part, code, labour_minutes=120)
    assert claim.status == "partly"
    assert "labour_over_standard" in _codes(claim)
    assert claim.approved_total == Decimal("1000000") + Decimal("250000") + Decimal("200000")


def test_a_part_that_does_not_fit_the_model_is_refused(unit, code):
    foreign = PartFactory(sku="WM-PUMP")
    claim = _claim(unit, foreign, code)
    assert claim.status == "partly"
    assert "incompatible" in _codes(claim)
    assert claim.parts.get().approved_amount == 0
    assert claim.approved_total == Decimal("700000")


def test_the_same_defect_again_within_30_days_goes_to_review(unit, compatible_part, code):
    _claim(unit, compatible_part, code, failure_date=_today() - dt.timedelta(days=25))
    again = _claim(unit, compatible_part, code)
    assert again.status == "review"
    assert "repeat" in _codes(again)


def test_the_same_defect_after_30_days_is_a_new_repair(unit, compatible_part, code):
    _claim(unit, compatible_part, code, failure_date=_today() - dt.timedelta(days=60))
    later = _claim(unit, compatible_part, code)
    assert later.status == "approved"


def test_a_defective_part_not_returned_in_time_is_not_paid(unit, compatible_part, code):
    claim = _claim(
        unit,
        compatible_part,
        code,
        parts=[{"part": compatible_part, "amount": Decimal(1000000), "return_required": True}],
    )
    assert claim.status == "approved"  # not due yet
    adjudicate_many(Claim.objects.filter(pk=claim.pk), today=_today() + dt.timedelta(days=31))
    claim.refresh_from_db()
    assert claim.status == "partly"
    assert "not_returned" in _codes(claim)


def test_a_part_returned_in_time_is_paid(unit, compatible_part, code):
    claim = _claim(
        unit,
        compatible_part,
        code,
        parts=[{"part": compatible_part, "amount": Decimal(1000000), "return_required": True}],
    )
    services.claim_part_returned(line=claim.parts.get(), on=_today(), by=None)
    adjudicate_many(Claim.objects.filter(pk=claim.pk), today=_today() + dt.timedelta(days=31))
    claim.refresh_from_db()
    assert claim.status == "approved"


def test_adjudication_leaves_an_audit_entry(unit, compatible_part, code):
    claim = _claim(unit, compatible_part, code)
    entries = LogEntry.objects.get_for_object(claim)
    assert any(entry.changes.get("status") == ["submitted", "approved"] for entry in entries)


def test_claim_numbers_are_gap_free(unit, compatible_part, code):
    numbers = [
        _claim(unit, compatible_part, code, failure_date=_today() - dt.timedelta(days=d)).number
        for d in (1, 40, 80)
    ]
    tails = [int(number.rsplit("-", 1)[1]) for number in numbers]
    assert tails == [tails[0], tails[0] + 1, tails[0] + 2]


def test_a_batch_is_decided_like_one_by_one(unit, compatible_part, code):
    claims = [
        _claim(
            unit,
            compatible_part,
            code,
            failure_date=_today() - dt.timedelta(days=d),
            adjudicate=False,
        )
        for d in (90, 70, 10)
    ]
    counts = adjudicate_many(Claim.objects.filter(pk__in=[c.pk for c in claims]))
    assert counts == {"approved": 2, "review": 1}
