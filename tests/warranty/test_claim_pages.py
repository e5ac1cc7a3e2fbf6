"""Claim pages: list and detail scoped per agent, the review queue, deciding in the UI."""

import datetime as dt
from decimal import Decimal

import pytest

from aftersales.core.choices import Role
from aftersales.warranty import services
from aftersales.warranty.models import Claim
from tests.factories import UnitFactory


@pytest.fixture
def claim(ac_model, ac_policy, italian_owner, agent, compatible_part):
    unit = UnitFactory(
        product_model=ac_model,
        owner=italian_owner,
        service_agent=agent,
        sale_date=dt.date.today() - dt.timedelta(days=50),
    )
    made = services.claim_submit(
        unit=unit,
        by=None,
        agent=agent,
        failure_date=dt.date.today(),
        parts=[{"part": compatible_part, "amount": Decimal(1000)}],
    )
    Claim.objects.filter(pk=made.pk).update(status="review")
    return made


def test_the_agent_sees_its_claim_another_agent_does_not(
    login, make_user, agent_user, other_agent, claim
):
    assert login(agent_user).get(f"/warranty/claims/{claim.pk}/").status_code == 200
    assert claim.number in login(agent_user).get("/warranty/claims/").content.decode()
    outsider = login(make_user(Role.AGENT, username="south", agent=other_agent))
    assert outsider.get(f"/warranty/claims/{claim.pk}/").status_code == 404
    assert claim.number not in outsider.get("/warranty/claims/").content.decode()


def test_customers_see_no_claims(login, owner, claim):
    assert login(owner.user).get(f"/warranty/claims/{claim.pk}/").status_code == 404


def test_quality_decides_from_the_review_queue(login, make_user, claim):
    client = login(make_user(Role.QUALITY, username="qa"))
    assert claim.number in client.get("/warranty/claims/review/").content.decode()
    response = client.post(f"/warranty/claims/{claim.pk}/decide/", {"to": "approved"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == "approved"
    assert "Decided by qa" in client.get(f"/warranty/claims/{claim.pk}/").content.decode()


def test_finance_may_not_approve(login, make_user, claim):
    client = login(make_user(Role.FINANCE, username="fin"))
    response = client.post(f"/warranty/claims/{claim.pk}/decide/", {"to": "approved"})
    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.status == "review"


def test_the_repeat_repairs_page_opens(login, manager, claim):
    assert login(manager).get("/warranty/claims/repeat-repairs/").status_code == 200
