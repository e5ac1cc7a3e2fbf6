"""Quotes: created on a request, sent with a one-time link, accepted in the portal or by the
link, and then billed as agreed."""

import re
from decimal import Decimal

import pytest
from django.core import mail

from aftersales.billing import services
from aftersales.billing.models import Invoice, Quote
from tests.service.factories import open_request


@pytest.fixture
def job(iran, service_data, operator, owner, owned_unit):
    from tests.factories import AddressFactory

    owner.email = "sara@example.com"
    owner.save()
    AddressFactory(customer=owner, region="Tehran")
    return open_request(by=operator, customer=owner, unit=owned_unit)


def _lines(**extra):
    data = {"lines-TOTAL_FORMS": "2", "lines-INITIAL_FORMS": "0"}
    data.update(extra)
    return data


def test_a_quote_is_made_on_a_request_page_by_page(job, operator, login):
    client = login(operator)
    pick = client.get("/billing/quotes/new/", {"number": job.number})
    assert pick.url == f"/billing/quotes/new/?request={job.pk}"
    url = pick.url

    bad = client.post(
        url,
        _lines(
            **{
                "lines-0-description": "Gas refill",
                "lines-0-quantity": "",
                "lines-0-unit_price": "-5",
            }
        ),
    )
    assert bad.status_code == 400
    assert not Quote.objects.exists()

    rial_decimals = client.post(
        url,
        _lines(
            **{
                "lines-0-kind": "labour",
                "lines-0-description": "Gas refill",
                "lines-0-quantity": "1",
                "lines-0-unit_price": "2500000.4",
                "lines-1-kind": "labour",
            }
        ),
    )
    assert rial_decimals.status_code == 400  # refused, not rounded: rials have no decimals
    assert (
        "Line 1: give the price with at most 0 decimals in IRR." in rial_decimals.content.decode()
    )
    assert not Quote.objects.exists()

    done = client.post(
        url,
        _lines(
            **{
                "lines-0-kind": "labour",
                "lines-0-description": "Gas refill",
                "lines-0-quantity": "1",
                "lines-0-unit_price": "2500000",
                "lines-1-kind": "part",
                "lines-1-description": "Valve",
                "lines-1-quantity": "2",
                "lines-1-unit_price": "700000",
            }
        ),
    )
    quote = Quote.objects.get()
    assert done.url == f"/billing/quotes/{quote.pk}/"
    assert quote.number.startswith("QT-")
    assert quote.net == Decimal("3900000")  # 2,500,000 + 1,400,000
    assert quote.tax == Decimal("390000")
    assert quote.total == Decimal("4290000")
    assert quote.status == "draft"


def _quote(job, operator):
    return services.quote_create(
        by=operator,
        customer=job.customer,
        request=job,
        lines=[
            {"kind": "labour", "description": "Gas refill", "quantity": 1, "unit_price": 2_000_000}
        ],
    )


def test_the_customer_accepts_by_the_link_once(
    job, operator, client, django_capture_on_commit_callbacks
):
    quote = _quote(job, operator)
    with django_capture_on_commit_callbacks(execute=True):
        services.quote_send(quote=quote, by=operator)

    assert len(mail.outbox) == 1
    assert quote.number in mail.outbox[0].body
    link = re.search(r"/billing/q/[\w-]+/", mail.outbox[0].body).group(0)

    page = client.get(link)
    assert page.status_code == 200
    assert quote.number in page.content.decode()
    answer = client.post(link, {"answer": "accept"})
    assert answer.status_code == 200
    quote.refresh_from_db()
    assert quote.status == "accepted"
    assert quote.decided_via == "link"
    assert client.get(link).status_code == 404  # the link worked once


def test_the_customer_declines_in_the_portal_and_a_stranger_cannot_see_it(
    job, operator, owner, stranger, login
):
    draft = _quote(job, operator)
    assert login(owner.user).get(f"/billing/quotes/{draft.pk}/").status_code == 404  # not yet
    quote = services.quote_send(quote=draft, by=operator)

    assert login(stranger.user).get(f"/billing/quotes/{quote.pk}/").status_code == 404
    assert (
        login(stranger.user)
        .post(f"/billing/quotes/{quote.pk}/decide/", {"answer": "accept"})
        .status_code
        == 404
    )
    mine = login(owner.user)
    assert quote.number in mine.get("/billing/my/").content.decode()
    mine.post(f"/billing/quotes/{quote.pk}/decide/", {"answer": "decline"})
    quote.refresh_from_db()
    assert quote.status == "declined"
    assert quote.decided_via == "portal"


def test_an_accepted_quote_is_what_the_customer_is_invoiced(
    job, operator, close_visit, owner, warranty_policy
):
    quote = services.quote_send(quote=_quote(job, operator), by=operator)
    services.quote_decide(quote=quote, accept=True, via="desk", by=operator)

    visit = close_visit(customer=owner, request=job, minutes=240)

    invoice = Invoice.objects.get(visit=visit)
    assert invoice.quote == quote
    assert [(line.description, line.net, line.payer) for line in invoice.lines.all()] == [
        ("Gas refill", Decimal("2000000"), "customer")  # quoted work: not the warranty's
    ]
    assert invoice.total == quote.total


def test_answered_or_withdrawn_quotes_cannot_be_answered_again(job, operator):
    from django.core.exceptions import ValidationError

    quote = _quote(job, operator)
    with pytest.raises(ValidationError):
        services.quote_decide(quote=quote, accept=True, via="desk", by=operator)  # not sent
    services.quote_send(quote=quote, by=operator)
    services.quote_withdraw(quote=quote, by=operator)
    with pytest.raises(ValidationError):
        services.quote_decide(quote=quote, accept=True, via="desk", by=operator)


@pytest.mark.parametrize("query", ["request=abc", "customer=abc", "request=²"])
def test_a_quote_for_a_record_id_that_is_not_a_number_is_not_found(operator, login, query):
    assert login(operator).get(f"/billing/quotes/new/?{query}").status_code == 404


def test_a_refused_row_is_named_by_its_place_on_the_page(job, operator, login):
    url = f"/billing/quotes/new/?request={job.pk}"
    data = {"lines-TOTAL_FORMS": "3", "lines-INITIAL_FORMS": "0"}
    data.update(
        {
            "lines-0-kind": "labour",
            "lines-0-description": "Gas refill",
            "lines-0-quantity": "1",
            "lines-0-unit_price": "2500000",
            "lines-1-kind": "labour",  # row 2 left empty, as a browser sends it
            "lines-2-kind": "part",
            "lines-2-description": "Valve",
            "lines-2-quantity": "1",
            "lines-2-unit_price": "700000.5",
        }
    )
    refused = login(operator).post(url, data)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Line 3: give the price" in page and "Line 2:" not in page
    assert not Quote.objects.exists()
