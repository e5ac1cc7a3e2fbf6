"""Draft -> approved -> paid: who may do what, an approved settlement is never edited, a claim is
settled once only, periods do not overlap, a stale draft is not approved."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from aftersales.settlements import services
from aftersales.settlements.choices import LineKind, SettlementStatus
from aftersales.settlements.models import SettlementLine

from .conftest import MEHR_1405


def test_a_draft_has_no_number_until_approved(mehr_draft, manager):
    assert mehr_draft.status == SettlementStatus.DRAFT
    assert mehr_draft.number == ""
    assert mehr_draft.total == Decimal(1_600_000)
    approved = services.settlement_approve(settlement=mehr_draft, by=manager)
    assert approved.status == SettlementStatus.APPROVED
    assert approved.number.startswith("ST-")
    assert approved.approved_by == manager


def test_only_a_manager_approves(mehr_draft, finance, agent_user):
    for user in (finance, agent_user):
        with pytest.raises(PermissionDenied):
            services.settlement_approve(settlement=mehr_draft, by=user)
    mehr_draft.refresh_from_db()
    assert mehr_draft.status == SettlementStatus.DRAFT


def test_agent_staff_cannot_draft(agent, agent_user):
    with pytest.raises(PermissionDenied):
        services.settlement_draft(agent=agent, by=agent_user, period_start=MEHR_1405[0])


def test_an_approved_settlement_is_never_edited(mehr_approved, finance):
    with pytest.raises(ValidationError):
        services.adjustment_add(
            settlement=mehr_approved, by=finance, amount=Decimal(1000), reason="Late"
        )
    with pytest.raises(ValidationError):
        services.settlement_refresh(settlement=mehr_approved, by=finance)
    with pytest.raises(ValidationError):
        services.settlement_discard(settlement=mehr_approved, by=finance)
    mehr_approved.refresh_from_db()
    assert mehr_approved.total == Decimal(1_600_000)
    assert mehr_approved.lines.count() == 1


def test_a_claim_is_settled_once_only(mehr_approved, mehr_claim, agent, finance, claim_for):
    later = claim_for(
        decided=dt.date(2026, 10, 25), failure=dt.date(2026, 10, 24), labour=100_000, travel=0
    )
    aban = services.settlement_draft(agent=agent, by=finance)
    assert aban.period_start == MEHR_1405[1] + dt.timedelta(days=1)
    claims = set(aban.lines.filter(kind=LineKind.CLAIM).values_list("claim_id", flat=True))
    assert claims == {later.pk}
    with pytest.raises(IntegrityError), transaction.atomic():
        SettlementLine.objects.create(
            settlement=aban, kind=LineKind.CLAIM, day=dt.date(2026, 10, 1), claim=mehr_claim
        )


def test_a_period_cannot_overlap_a_settled_one(mehr_approved, agent, finance):
    with pytest.raises(ValidationError) as error:
        services.settlement_draft(
            agent=agent, by=finance, period_start=dt.date(2026, 10, 1), period_end=MEHR_1405[1]
        )
    assert "settled until" in str(error.value)


def test_a_second_draft_is_refused_while_one_is_open(mehr_draft, agent, finance):
    with pytest.raises(ValidationError) as error:
        services.settlement_draft(agent=agent, by=finance)
    assert "already has a draft" in str(error.value)


def test_a_period_that_has_not_ended_is_refused(agent, finance):
    with pytest.raises(ValidationError) as error:
        services.settlement_draft(
            agent=agent,
            by=finance,
            period_start=dt.date(2026, 11, 1),
            period_end=dt.date(2026, 11, 30),
            today=dt.date(2026, 11, 23),
        )
    assert "period_end" in error.value.message_dict


def test_a_stale_draft_is_not_approved_until_refreshed(mehr_draft, manager, finance, claim_for):
    claim_for(decided=dt.date(2026, 10, 1), failure=dt.date(2026, 9, 30), labour=50_000, travel=0)
    with pytest.raises(ValidationError) as error:
        services.settlement_approve(settlement=mehr_draft, by=manager)
    assert "refresh" in str(error.value)
    refreshed = services.settlement_refresh(settlement=mehr_draft, by=finance)
    assert refreshed.total == Decimal(1_650_000)
    assert services.settlement_approve(settlement=refreshed, by=manager).number


def test_refreshing_keeps_the_manual_adjustments(mehr_draft, finance):
    services.adjustment_add(
        settlement=mehr_draft, by=finance, amount=Decimal(-10_000), reason="Missing photos"
    )
    refreshed = services.settlement_refresh(settlement=mehr_draft, by=finance)
    assert refreshed.total == Decimal(1_590_000)
    assert refreshed.lines.get(kind=LineKind.ADJUSTMENT).reason == "Missing photos"


def test_an_adjustment_needs_a_reason_and_whole_rials(mehr_draft, finance):
    with pytest.raises(ValidationError) as error:
        services.adjustment_add(settlement=mehr_draft, by=finance, amount=Decimal(5), reason=" ")
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.adjustment_add(
            settlement=mehr_draft, by=finance, amount=Decimal("10.5"), reason="Fuel"
        )
    assert "amount" in error.value.message_dict
    mehr_draft.refresh_from_db()
    assert mehr_draft.total == Decimal(1_600_000)


def test_discarding_a_draft_frees_its_claims(mehr_draft, mehr_claim, agent, finance):
    services.settlement_discard(settlement=mehr_draft, by=finance)
    again = services.settlement_draft(agent=agent, by=finance, period_start=MEHR_1405[0])
    assert again.lines.get(kind=LineKind.CLAIM).claim == mehr_claim


def test_a_settlement_with_nothing_to_pay_is_closed_on_approval(agent, finance, manager):
    empty = services.settlement_draft(agent=agent, by=finance, period_start=MEHR_1405[0])
    assert empty.total == 0
    closed = services.settlement_approve(settlement=empty, by=manager)
    assert closed.status == SettlementStatus.PAID
