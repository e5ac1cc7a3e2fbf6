"""Revenue against targets: the selector insights uses, and the page with its charts."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from aftersales.billing import services
from aftersales.billing.models import Invoice, RevenueTarget
from aftersales.billing.selectors import revenue


def test_revenue_counts_issued_invoices_less_credit_notes(
    iran, close_visit, owner, owned_unit, compressor, finance
):
    visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)], minutes=60)
    invoice = Invoice.objects.get(visit=visit)
    today = timezone.localdate()
    week = {"start": today - dt.timedelta(days=7), "end": today}

    assert revenue(**week) == invoice.net == Decimal("44000000")
    assert revenue(**week, region="tehran") == invoice.net
    assert revenue(**week, region="Fars") == 0
    assert revenue(**week, service_type=invoice.service_type_id) == invoice.net
    assert revenue(start=today + dt.timedelta(days=1), end=today + dt.timedelta(days=9)) == 0

    services.credit_note_create(invoice=invoice, by=finance, reason="Goodwill")
    assert revenue(**week) == 0


def test_the_targets_page_shows_actual_against_target(
    iran, close_visit, owner, owned_unit, manager, login
):
    close_visit(customer=owner, unit=owned_unit, minutes=60)
    today = timezone.localdate()
    RevenueTarget.objects.create(
        name="This month",
        start=today.replace(day=1),
        end=today,
        amount=Decimal("4000000"),
        currency="IRR",
    )
    client = login(manager)

    page = client.get("/billing/targets/").content.decode()

    assert "This month" in page
    assert "50.0%" in page  # 1,500,000 labour + 500,000 travel of 4,000,000
    assert 'id="data-targets"' in page and "chart.umd.min.js" in page


def test_targets_in_two_currencies_share_the_chart_as_shares_reached(iran, manager, login):
    today = timezone.localdate()
    for name, amount, currency in (("Iran", "150000000", "IRR"), ("Italia", "12000", "EUR")):
        RevenueTarget.objects.create(
            name=name,
            start=today.replace(day=1),
            end=today,
            amount=Decimal(amount),
            currency=currency,
        )
    chart = login(manager).get("/billing/targets/").context["chart_targets"]
    assert sorted(chart["labels"]) == ["Iran", "Italia"]
    assert [len(chart["datasets"]), chart["datasets"][0]["data"]] == [1, [0.0, 0.0]]


def test_a_target_that_ends_before_it_starts_is_refused(iran, manager, login):
    response = login(manager).post(
        "/billing/targets/new/",
        {
            "name": "Q1",
            "start": "2026-03-31",
            "end": "2026-01-01",
            "amount": "100",
            "currency": "IRR",
        },
    )
    assert response.status_code == 400
    assert "cannot end before it starts" in response.content.decode()
    assert not RevenueTarget.objects.exists()


def test_operators_do_not_see_targets(operator, login):
    assert login(operator).get("/billing/targets/").status_code == 404


def test_the_per_cent_reached_has_the_italian_decimal_comma(
    iran, close_visit, owner, owned_unit, manager, login
):
    close_visit(customer=owner, unit=owned_unit, minutes=60)
    today = timezone.localdate()
    RevenueTarget.objects.create(
        name="This month",
        start=today.replace(day=1),
        end=today,
        amount=Decimal("3000000"),
        currency="IRR",
    )
    manager.language = "it"
    manager.save()

    page = login(manager).get("/billing/targets/").content.decode()

    assert "66,7%" in page  # 2,000,000 of 3,000,000
