"""An Italian agent: euros rounded to the cent, Gregorian months, an Italian statement."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from aftersales.agents.models import Grade
from aftersales.agents.services import grade_assign
from aftersales.settlements import documents, services
from tests.factories import AgentFactory


@pytest.fixture
def milan(db):
    return AgentFactory(code="AG-MI", name="Milano Assistenza", city="Milano", country="IT")


def test_euros_are_rounded_to_the_cent_by_hand(milan, finance, claim_for):
    penalty = Grade.objects.create(
        code="T3",
        name="Watch",
        rank=93,
        min_score=Decimal(40),
        settlement_adjustment_percent=Decimal("-3.33"),
    )
    grade_assign(agent=milan, grade=penalty, valid_from=dt.date(2026, 1, 1), by=None)
    claim_for(
        decided=dt.date(2026, 10, 14),
        failure=dt.date(2026, 10, 12),
        labour=Decimal("85.55"),
        travel=Decimal("30.00"),
        of=milan,
        currency="EUR",
    )
    settlement = services.settlement_draft(agent=milan, by=finance, today=dt.date(2026, 11, 23))
    # the last full Gregorian month before 23 November
    assert (settlement.period_start, settlement.period_end) == (
        dt.date(2026, 10, 1),
        dt.date(2026, 10, 31),
    )
    assert settlement.currency == "EUR"
    # by hand: 85.55 + 30.00 = 115.55; penalty -3.33 % of 115.55 = -3.847815 -> -3.85
    assert settlement.total == Decimal("115.55") + Decimal("-3.85") == Decimal("111.70")
    with pytest.raises(ValidationError):
        services.adjustment_add(
            settlement=settlement, by=finance, amount=Decimal("1.005"), reason="Cents"
        )
    assert documents.statement_language(settlement) == "it"
