"""Settlement pages in Italian: the list's column of what is still owed is named as an amount,
not as a button (it read "Apri", "open it!", in Italian and "مشاهده", "view", in Persian); the
statement's buttons name their languages, not "IT", "FA"."""

import datetime as dt
from decimal import Decimal

from aftersales.settlements import services
from tests.factories import AgentFactory


def test_the_list_names_the_open_amount_in_italian(finance, claim_for, login):
    milan = AgentFactory(code="AG-MI", name="Milano Assistenza", city="Milano", country="IT")
    claim_for(
        decided=dt.date(2026, 10, 14),
        failure=dt.date(2026, 10, 12),
        labour=Decimal("85.55"),
        travel=Decimal("30.00"),
        of=milan,
        currency="EUR",
    )
    services.settlement_draft(agent=milan, by=finance, today=dt.date(2026, 11, 23))
    finance.language = "it"
    finance.save()

    page = login(finance).get("/settlements/").content.decode()

    assert "Ancora aperto" in page
    assert ">Apri<" not in page


def test_the_statement_buttons_name_their_languages(finance, claim_for, login):
    milan = AgentFactory(code="AG-MI", name="Milano Assistenza", city="Milano", country="IT")
    claim_for(
        decided=dt.date(2026, 10, 14),
        failure=dt.date(2026, 10, 12),
        labour=Decimal("85.55"),
        travel=Decimal("30.00"),
        of=milan,
        currency="EUR",
    )
    draft = services.settlement_draft(agent=milan, by=finance, today=dt.date(2026, 11, 23))
    finance.language = "it"
    finance.save()

    page = login(finance).get(f"/settlements/{draft.pk}/").content.decode()

    assert '<span lang="it">italiano</span>' in page  # not "Estratto conto IT"
    assert '<span lang="fa">فارسی</span>' in page
