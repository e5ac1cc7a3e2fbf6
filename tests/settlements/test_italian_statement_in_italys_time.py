"""An Italian agent's statement dates its approval in Italy's time: approved at 23:00 in Milan is
the 5th, not the 6th (01:30 in Tehran, the server's default zone)."""

import datetime as dt
from decimal import Decimal

from aftersales.settlements import documents, services
from tests.factories import AgentFactory
from tests.pdf import pdf_text


def test_the_approval_day_is_milans(finance, claim_for, tmp_path):
    milan = AgentFactory(code="AG-MI", name="Milano Assistenza", city="Milano", country="IT")
    claim_for(
        decided=dt.date(2026, 10, 14),
        failure=dt.date(2026, 10, 12),
        labour=Decimal("85.55"),
        travel=Decimal("30.00"),
        of=milan,
        currency="EUR",
    )
    settlement = services.settlement_draft(agent=milan, by=finance, today=dt.date(2026, 11, 23))
    settlement.approved_at = dt.datetime(2026, 11, 5, 22, 0, tzinfo=dt.UTC)  # 23:00 in Milan

    text = pdf_text(documents.statement_pdf(settlement, language="it"), tmp_path)

    assert "05/11/2026" in text
    assert "06/11/2026" not in text
