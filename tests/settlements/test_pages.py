"""The settlement pages: finance drafts, adjusts and records payments, a manager approves; an
agent's staff see their own settlements only; bad input is refused with a message."""

from decimal import Decimal

from django.urls import reverse

from aftersales.settlements import services
from aftersales.settlements.choices import SettlementStatus
from aftersales.settlements.models import Settlement

from .conftest import MEHR_1405


def test_finance_drafts_a_settlement_from_the_form(login, finance, agent, mehr_claim):
    client = login(finance)
    page = client.get(reverse("settlements:create"))
    assert page.status_code == 200
    response = client.post(
        reverse("settlements:create"),
        {"agent": agent.pk, "period_start": "2026-09-23", "period_end": "2026-10-22"},
    )
    settlement = Settlement.objects.get(agent=agent)
    assert response.status_code == 302
    assert response["Location"] == settlement.get_absolute_url()
    detail = client.get(settlement.get_absolute_url()).content.decode()
    assert mehr_claim.number in detail
    assert "1,600,000" in detail
    statement = reverse("settlements:statement", args=[settlement.pk])
    assert f'href="{statement}?lang=fa" id="statement-fa"' in detail


def test_a_reversed_period_is_refused_on_the_form(login, finance, agent):
    response = login(finance).post(
        reverse("settlements:create"),
        {"agent": agent.pk, "period_start": "2026-10-22", "period_end": "2026-09-23"},
    )
    assert response.status_code == 400
    assert "cannot end before it starts" in response.content.decode()
    assert not Settlement.objects.exists()


def test_adjustment_form_refuses_bad_input_and_keeps_the_total(login, finance, mehr_draft):
    client = login(finance)
    url = reverse("settlements:adjustment_add", args=[mehr_draft.pk])
    response = client.post(url, {"amount": "12.5", "reason": "Fuel"})
    assert response.status_code == 400
    assert "at most 0 decimals" in response.content.decode()
    response = client.post(url, {"amount": "abc", "reason": "Fuel"})
    assert response.status_code == 400
    response = client.post(url, {"amount": "-۵۰٬۰۰۰", "reason": "Missing photos"})
    assert response.status_code == 302
    mehr_draft.refresh_from_db()
    assert mehr_draft.total == Decimal(1_550_000)


def test_manager_approves_and_finance_marks_paid(login, manager, finance, mehr_draft):
    response = login(manager).post(reverse("settlements:approve", args=[mehr_draft.pk]))
    assert response.status_code == 302
    mehr_draft.refresh_from_db()
    assert mehr_draft.status == SettlementStatus.APPROVED
    client = login(finance)
    page = client.get(mehr_draft.get_absolute_url()).content.decode()
    assert 'id="payment-form"' in page and 'id="approve"' not in page
    too_much = client.post(
        reverse("settlements:payment_add", args=[mehr_draft.pk]),
        {"amount": "2000000", "paid_on": "2026-11-01", "method": "transfer"},
    )
    assert too_much.status_code == 400
    assert "more than the" in too_much.content.decode()
    response = client.post(
        reverse("settlements:mark_paid", args=[mehr_draft.pk]),
        {"paid_on": "2026-11-02", "method": "transfer", "reference": "TR-77"},
    )
    assert response.status_code == 302
    mehr_draft.refresh_from_db()
    assert mehr_draft.status == SettlementStatus.PAID


def test_finance_cannot_approve(login, finance, mehr_draft):
    client = login(finance)
    assert 'id="approve"' not in client.get(mehr_draft.get_absolute_url()).content.decode()
    assert client.post(reverse("settlements:approve", args=[mehr_draft.pk])).status_code == 404
    mehr_draft.refresh_from_db()
    assert mehr_draft.status == SettlementStatus.DRAFT


def test_agent_staff_see_their_own_settlements_only(
    login, agent_user, other_agent, finance, mehr_approved
):
    other = services.settlement_draft(
        agent=other_agent, by=finance, period_start=MEHR_1405[0], period_end=MEHR_1405[1]
    )
    client = login(agent_user)
    listing = client.get(reverse("settlements:list")).content.decode()
    assert mehr_approved.number in listing
    assert other_agent.name not in listing
    assert client.get(mehr_approved.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(reverse("settlements:statement", args=[other.pk])).status_code == 404
    page = client.get(mehr_approved.get_absolute_url()).content.decode()
    assert 'id="payment-form"' not in page
    assert (
        client.post(
            reverse("settlements:mark_paid", args=[mehr_approved.pk]),
            {"paid_on": "2026-11-02", "method": "transfer"},
        ).status_code
        == 404
    )
    assert client.get(reverse("settlements:journal")).status_code == 200
    assert mehr_approved.number not in client.get(reverse("settlements:journal")).content.decode()


def test_other_roles_see_nothing(login, make_user, mehr_approved):
    operator = make_user("operator", username="op")
    client = login(operator)
    assert client.get(mehr_approved.get_absolute_url()).status_code == 404
    assert client.get(reverse("settlements:create")).status_code == 404
    assert client.get(reverse("settlements:overview")).status_code == 404


def test_list_searches_filters_and_exports(login, finance, mehr_approved, agent):
    client = login(finance)
    found = client.get(reverse("settlements:list"), {"q": agent.code, "status": "approved"})
    assert mehr_approved.number in found.content.decode()
    none = client.get(reverse("settlements:list"), {"status": "paid"})
    assert mehr_approved.number not in none.content.decode()
    csv = client.get(reverse("settlements:list"), {"export": "csv"})
    text = b"".join(csv.streaming_content).decode()
    assert mehr_approved.number in text and "1600000" in text


def test_the_overview_shows_charts_data(login, manager, mehr_approved):
    page = login(manager).get(reverse("settlements:overview")).content.decode()
    assert 'id="settlement-chart-data"' in page
    assert "1600000" in page
    assert mehr_approved.number in page


def test_pages_in_persian(login, make_user, mehr_approved):
    user = make_user("finance", username="farsi", language="fa")
    page = login(user).get(mehr_approved.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fa")
    assert page.status_code == 200
    text = page.content.decode()
    assert "۱,۶۰۰,۰۰۰" in text
    assert "۱۴۰۵/۰۷/۰۱" in text  # 23 September 2026, Jalali


def test_discarding_a_draft(login, finance, mehr_draft):
    response = login(finance).post(reverse("settlements:discard", args=[mehr_draft.pk]))
    assert response.status_code == 302
    assert not Settlement.objects.exists()


def test_agent_staff_do_not_see_drafts(login, agent_user, mehr_draft):
    client = login(agent_user)
    assert client.get(mehr_draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("settlements:statement", args=[mehr_draft.pk])).status_code == 404
    assert "0 records" in client.get(reverse("settlements:list")).content.decode()
    assert client.get(f"/api/v1/settlements/{mehr_draft.pk}").status_code == 404


def test_drafting_every_agent_at_once(login, finance, agent, other_agent, mehr_draft):
    response = login(finance).post(reverse("settlements:draft_all"), follow=True)
    text = response.content.decode()
    assert "1 draft computed." in text
    assert "already has a draft" in text
    drafted = Settlement.objects.get(agent=other_agent)
    assert drafted.status == SettlementStatus.DRAFT
    assert Settlement.objects.filter(agent=agent).count() == 1
