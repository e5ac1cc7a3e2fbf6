"""Billing pages in Persian: right to left, Persian digits, numbers kept left to right."""

from django.core import mail

from aftersales.billing.models import Invoice


def test_a_persian_customer_reads_their_invoice_and_is_told_of_it(
    iran, close_visit, owner, owned_unit, compressor, login, django_capture_on_commit_callbacks
):
    owner.preferred_language = "fa"
    owner.email = "sara@example.com"
    owner.save()
    owner.user.language = "fa"
    owner.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        visit = close_visit(customer=owner, unit=owned_unit, parts=[(compressor, 1)])
    invoice = Invoice.objects.get(visit=visit)

    assert any(invoice.number in message.body for message in mail.outbox)

    client = login(owner.user)
    page = client.get(f"/billing/invoices/{invoice.pk}/").content.decode()
    assert 'dir="rtl"' in page
    assert f'<bdi dir="ltr">{invoice.number}</bdi>' in page
    assert "۴۲,۰۰۰,۰۰۰" in page  # the compressor's price in Persian digits
    portal = client.get("/billing/my/").content.decode()
    assert invoice.number in portal


def test_staff_lists_render_in_persian_and_italian(
    iran, finance, login, close_visit, owner, owned_unit
):
    close_visit(customer=owner, unit=owned_unit)
    for language in ("fa", "it"):
        finance.language = language
        finance.save()
        client = login(finance)
        for url in (
            "/billing/",
            "/billing/quotes/",
            "/billing/payments/",
            "/billing/journal/",
            "/billing/tariffs/labour/",
            "/billing/tariffs/taxes/new/",
            "/billing/targets/",
            "/billing/quotes/new/",
        ):
            assert client.get(url).status_code == 200, (language, url)
