"""The customer's own quotes and invoices, in the portal."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from aftersales.core.access import customer_page
from aftersales.core.choices import Role

from ..choices import InvoiceStatus, QuoteStatus
from ..models import Invoice, Quote
from ..selectors import invoice_balance


@customer_page
@login_required
def my_billing(request):
    if request.user.role != Role.CUSTOMER:
        raise Http404
    quotes = (
        Quote.objects.restrict(request.user, "view")
        .exclude(status=QuoteStatus.DRAFT)
        .order_by("-pk")
    )
    invoices = (
        Invoice.objects.restrict(request.user, "view")
        .filter(status=InvoiceStatus.ISSUED)
        .select_related("request")
        .order_by("-issue_date", "-pk")
    )
    rows = [(invoice, invoice_balance(invoice)) for invoice in invoices]
    context = {"title": _("My quotes and invoices"), "quotes": quotes, "invoices": rows}
    return TemplateResponse(request, "billing/portal.html", context)
