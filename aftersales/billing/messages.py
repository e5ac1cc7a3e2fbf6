"""Messages to customers about their quotes and invoices (composers for `core.notify`)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from aftersales.core.calendars import show_date
from aftersales.core.money import show_money
from aftersales.core.notify import in_language_of
from aftersales.core.public import public_url

from .models import Quote


def quote_sent(*, quote_id: int, token: str):
    """The quote with its one-time link; nothing when it was answered or withdrawn meanwhile."""
    quote = Quote.objects.select_related("customer").filter(pk=quote_id).first()
    if quote is None or quote.status != "sent":
        return None
    customer = quote.customer
    with in_language_of(customer):
        link = public_url(reverse("billing:quote_link", args=[token]))
        subject = _("Quote %(number)s") % {"number": quote.number}
        body = _(
            "Hello %(name)s, here is our quote %(number)s for %(total)s, valid until "
            "%(date)s. To accept or decline it, open %(link)s"
        ) % {
            "name": customer.display_name,
            "number": quote.number,
            "total": show_money(quote.total, quote.currency),
            "date": show_date(quote.valid_until),
            "link": link,
        }
    return customer, subject, body


def invoice_issued(*, invoice_id: int):
    """The customer's invoice: its number, what they owe, where to see it."""
    from .models import Invoice

    invoice = Invoice.objects.select_related("customer").filter(pk=invoice_id).first()
    if invoice is None or not invoice.number or invoice.customer_total <= 0:
        return None
    customer = invoice.customer
    with in_language_of(customer):
        subject = _("Invoice %(number)s") % {"number": invoice.number}
        body = _(
            "Hello %(name)s, invoice %(number)s for the work on request %(request)s is %(total)s. "
            "You can see it and download it under My quotes and invoices: %(link)s"
        ) % {
            "name": customer.display_name,
            "number": invoice.number,
            "request": invoice.request.number if invoice.request_id else "—",
            "total": show_money(invoice.customer_total, invoice.currency),
            "link": public_url(reverse("billing:portal")),
        }
    return customer, subject, body
