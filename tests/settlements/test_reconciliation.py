"""Reconciliation: payments made to the agent or received from it against the balance, what is
still open, and the journal lines they post."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from aftersales.settlements import services
from aftersales.settlements.choices import Direction, SettlementStatus
from aftersales.settlements.models import JournalEntry

from .conftest import MEHR_1405


def test_partial_payments_leave_the_rest_open_until_paid(mehr_approved, finance):
    services.payment_record(
        settlement=mehr_approved, by=finance, amount=Decimal(600_000), paid_on=dt.date(2026, 11, 1)
    )
    mehr_approved.refresh_from_db()
    assert mehr_approved.open_amount == Decimal(1_000_000)
    assert mehr_approved.status == SettlementStatus.APPROVED
    paid = services.settlement_mark_paid(settlement=mehr_approved, by=finance, reference="TR-9")
    assert paid.status == SettlementStatus.PAID
    assert paid.open_amount == 0
    assert [p.amount for p in paid.payments.all()] == [Decimal(600_000), Decimal(1_000_000)]
    assert all(p.direction == Direction.TO_AGENT for p in paid.payments.all())


def test_a_payment_above_what_is_open_is_refused(mehr_approved, finance):
    with pytest.raises(ValidationError) as error:
        services.payment_record(settlement=mehr_approved, by=finance, amount=Decimal(1_600_001))
    assert "amount" in error.value.message_dict
    assert not mehr_approved.payments.exists()


def test_money_goes_the_way_the_balance_says(mehr_approved, finance):
    with pytest.raises(ValidationError) as error:
        services.payment_record(
            settlement=mehr_approved,
            by=finance,
            amount=Decimal(1000),
            direction=Direction.FROM_AGENT,
        )
    assert "direction" in error.value.message_dict


def test_a_draft_takes_no_payment(mehr_draft, finance):
    with pytest.raises(ValidationError):
        services.payment_record(settlement=mehr_draft, by=finance, amount=Decimal(1000))


def test_a_payment_in_the_future_is_refused(mehr_approved, finance):
    with pytest.raises(ValidationError) as error:
        services.payment_record(
            settlement=mehr_approved,
            by=finance,
            amount=Decimal(1000),
            paid_on=dt.date.today() + dt.timedelta(days=3),
        )
    assert "paid_on" in error.value.message_dict


def test_when_the_agent_owes_the_maker_receives(agent, finance, manager, capacitor, sell_to_agent):
    sell_to_agent(part=capacitor, quantity=2, day=dt.date(2026, 10, 3))
    draft = services.settlement_draft(agent=agent, by=finance, period_start=MEHR_1405[0])
    assert draft.total == Decimal(-240_000)
    approved = services.settlement_approve(settlement=draft, by=manager)
    payment = services.payment_record(settlement=approved, by=finance, amount=Decimal(240_000))
    assert payment.direction == Direction.FROM_AGENT
    approved.refresh_from_db()
    assert approved.status == SettlementStatus.PAID


def test_journal_lines_balance_the_agents_account(mehr_approved, finance, manager):
    services.settlement_mark_paid(settlement=mehr_approved, by=finance)
    entries = JournalEntry.objects.filter(settlement=mehr_approved)
    # labour, travel, parts on approval; one payment
    assert sorted((e.debit, e.credit, e.amount) for e in entries) == sorted(
        [
            ("warranty_labour", "agents", Decimal(500_000)),
            ("warranty_travel", "agents", Decimal(200_000)),
            ("warranty_parts", "agents", Decimal(900_000)),
            ("agents", "bank", Decimal(1_600_000)),
        ]
    )
    agents = sum(e.amount for e in entries if e.credit == "agents") - sum(
        e.amount for e in entries if e.debit == "agents"
    )
    assert agents == 0


def test_settled_purchases_are_marked_invoiced(agent, finance, manager, capacitor, sell_to_agent):
    sale = sell_to_agent(part=capacitor, quantity=1, day=dt.date(2026, 10, 3))
    draft = services.settlement_draft(agent=agent, by=finance, period_start=MEHR_1405[0])
    sale.refresh_from_db()
    assert sale.status == "to_invoice"  # a draft charges nothing yet
    services.settlement_approve(settlement=draft, by=manager)
    sale.refresh_from_db()
    assert sale.status == "invoiced"
