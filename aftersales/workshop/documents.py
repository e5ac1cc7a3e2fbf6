"""The intake receipt: what the workshop received from the customer, printed for them in their
language (set as a PDF like the job sheet and the invoice)."""

from __future__ import annotations

import base64

from aftersales.core.documents import render_pdf


def _data_url(image) -> str:
    if not image:
        return ""
    with image.open("rb") as data:
        return "data:image/png;base64," + base64.b64encode(data.read()).decode()


def receipt_pdf(job, *, language: str | None = None) -> bytes:
    """The intake receipt of `job`: the unit, its condition and accessories, the signature."""
    request = job.request
    customer = request.customer
    context = {
        "job": job,
        "request": request,
        "customer": customer,
        "unit": job.unit,
        "workshop": job.workshop,
        "signature": _data_url(job.intake_signature),
    }
    language = language or customer.preferred_language or "fa"
    return render_pdf("workshop/pdf/receipt.html", context, language=language)
