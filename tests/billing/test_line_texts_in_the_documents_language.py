"""The texts of an invoice's lines write their numbers as the document's language does: Persian
digits on a Persian invoice (and its PDF), not Latin ones inside Persian words."""

import re

from aftersales.billing.models import Invoice


def test_a_persian_invoice_counts_minutes_and_km_in_persian_digits(
    iran, close_visit, owner, owned_unit
):
    owner.preferred_language = "fa"
    owner.save()
    visit = close_visit(customer=owner, unit=owned_unit, minutes=45)
    invoice = Invoice.objects.get(visit=visit)
    labour = invoice.lines.get(kind="labour")
    assert "۴۵" in labour.description
    assert not re.search(r"[0-9]", labour.description)
