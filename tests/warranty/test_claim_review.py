"""The review queue: who may move a claim from which status to which is a permission."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aftersales.core.choices import Role
from aftersales.warranty import selectors, services
from aftersales.warranty.models import Claim
from tests.factories import UnitFactory


@pytest.fixture
def review_claim(ac_model, ac_policy, italian_owner, agent, compatible_part):
    unit = UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        sale_date=dt.date.today() - dt.timedelta(days=50),
    )
    claim = services.claim_submit(
        unit=unit,
        by=None,
        agent=agent,
        failure_date=dt.date.today(),
        parts=[{"part": compatible_part, "amount": Decimal(1000)}],
        labour_amount=Decimal(500),
        adjudicate=False,
    )
    Claim.objects.filter(pk=claim.pk).update(status="review")
    claim.refresh_from_db()
    return claim


@pytest.mark.parametrize("role", [Role.QUALITY, Role.MANAGER])
def test_quality_and_managers_decide_a_claim_in_review(make_user, review_claim, role):
    claim = services.claim_decide(claim=review_claim, to="approved", by=make_user(role))
    assert claim.status == "approved"
    assert claim.approved_total == Decimal(1500)
    assert claim.reasons[-1]["code"] == "decided"


@pytest.mark.parametrize("role", [Role.FINANCE, Role.OPERATOR, Role.AGENT, Role.TECHNICIAN])
def test_other_roles_may_not_decide(make_user, review_claim, role):
    with pytest.raises(PermissionDenied):
        services.claim_decide(claim=review_claim, to="approved", by=make_user(role))


def test_only_a_manager_reopens_a_decided_claim(make_user, review_claim):
    quality = make_user(Role.QUALITY)
    rejected = services.claim_decide(claim=review_claim, to="rejected", by=quality)
    with pytest.raises(PermissionDenied):
        services.claim_decide(claim=rejected, to="review", by=quality)
    reopened = services.claim_decide(claim=rejected, to="review", by=make_user(Role.MANAGER))
    assert reopened.status == "review"


def test_a_partial_approval_needs_an_amount_below_the_claim(make_user, review_claim):
    with pytest.raises(ValidationError):
        services.claim_decide(
            claim=review_claim, to="partly", by=make_user(Role.QUALITY), approved_total=Decimal(0)
        )
    claim = services.claim_decide(
        claim=review_claim, to="partly", by=make_user(Role.QUALITY), approved_total=Decimal(700)
    )
    assert claim.approved_total == Decimal(700)


def test_the_queue_holds_claims_in_review_only(manager, review_claim):
    assert list(selectors.review_queue(user=manager)) == [review_claim]
    services.claim_decide(claim=review_claim, to="approved", by=manager)
    assert list(selectors.review_queue(user=manager)) == []
