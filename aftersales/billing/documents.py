"""Printable billing documents in the customer's language: invoice (or credit note), quote,
and the job sheet (the visit report with the customer's signature)."""

from __future__ import annotations

import base64

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.core.calendars import country_time_zone
from aftersales.core.documents import render_pdf

from .choices import Payer
from .selectors import invoice_balance

# what each payer's share is called on paper (the invoice's page says the same)
PAYER_SHARES = {
    Payer.CUSTOMER: _("Customer pays"),
    Payer.MANUFACTURER: _("Manufacturer pays (warranty)"),
    Payer.AGENT: _("Agent pays"),
}


def _language(customer, language: str | None) -> str:
    return language or customer.preferred_language or "fa"


def _render(template: str, context: dict, *, customer, language: str | None) -> bytes:
    """The document in the customer's language, its times in the customer's country's time
    (a visit at 12:00 in Milan is not printed as 14:30, Tehran's time)."""
    with timezone.override(country_time_zone(customer.country)):
        return render_pdf(template, context, language=_language(customer, language))


def invoice_pdf(invoice, *, language: str | None = None) -> bytes:
    lines = list(invoice.lines.select_related("part"))
    payers = [
        (label, sum((line.total for line in lines if line.payer == code), start=0))
        for code, label in PAYER_SHARES.items()
    ]
    context = {
        "invoice": invoice,
        "lines": lines,
        "payers": [(label, total) for label, total in payers if total],
        "balance": invoice_balance(invoice) if invoice.number else None,
        "company": invoice.company,
        "customer": invoice.customer,
        "address": invoice.customer.addresses.first(),
    }
    return _render(
        "billing/pdf/invoice.html", context, customer=invoice.customer, language=language
    )


def quote_pdf(quote, *, language: str | None = None) -> bytes:
    context = {
        "quote": quote,
        "lines": list(quote.lines.all()),
        "company": quote.company,
        "customer": quote.customer,
        "address": quote.customer.addresses.first(),
    }
    return _render("billing/pdf/quote.html", context, customer=quote.customer, language=language)


def _signature_data_url(visit) -> str:
    if not visit.signature:
        return ""
    with visit.signature.open("rb") as image:
        return "data:image/png;base64," + base64.b64encode(image.read()).decode()


def job_sheet_pdf(visit, *, language: str | None = None) -> bytes:
    """The visit report: the job, what was found and done, parts, time, and the signature."""
    request = visit.request
    context = {
        "visit": visit,
        "request": request,
        "customer": request.customer,
        "unit": request.unit,
        "codes": list(visit.failure_codes.all()),
        "parts": list(visit.parts.select_related("part")),
        "signature": _signature_data_url(visit),
    }
    return _render(
        "billing/pdf/job_sheet.html", context, customer=request.customer, language=language
    )
