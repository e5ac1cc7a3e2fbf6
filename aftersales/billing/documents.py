"""Printable billing documents in the customer's language: invoice (or credit note), quote,
and the job sheet (the visit report with the customer's signature)."""

from __future__ import annotations

import base64

from aftersales.core.documents import render_pdf

from .choices import Payer
from .selectors import invoice_balance


def _language(customer, language: str | None) -> str:
    return language or customer.preferred_language or "fa"


def invoice_pdf(invoice, *, language: str | None = None) -> bytes:
    lines = list(invoice.lines.select_related("part"))
    payers = [
        (label, sum((line.total for line in lines if line.payer == code), start=0))
        for code, label in Payer.choices
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
    return render_pdf(
        "billing/pdf/invoice.html", context, language=_language(invoice.customer, language)
    )


def quote_pdf(quote, *, language: str | None = None) -> bytes:
    context = {
        "quote": quote,
        "lines": list(quote.lines.all()),
        "company": quote.company,
        "customer": quote.customer,
        "address": quote.customer.addresses.first(),
    }
    return render_pdf(
        "billing/pdf/quote.html", context, language=_language(quote.customer, language)
    )


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
    return render_pdf(
        "billing/pdf/job_sheet.html", context, language=_language(request.customer, language)
    )
