"""Counter sales of parts to customers that wait to be invoiced (sold by the parts desk)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersales.core.views.edit import act, require
from aftersales.parts.choices import CounterSaleStatus
from aftersales.parts.models import CounterSale

from .. import services
from ..models import Invoice


def _to_invoice(user):
    return (
        CounterSale.objects.restrict(user, "view")
        .filter(status=CounterSaleStatus.TO_INVOICE, customer__isnull=False)
        .select_related("customer", "warehouse")
        .order_by("sold_at", "pk")
    )


@login_required
def sales_to_invoice(request):
    require(request, Invoice, "add")
    context = {"title": _("Counter sales to invoice"), "sales": _to_invoice(request.user)[:200]}
    return TemplateResponse(request, "billing/sales_to_invoice.html", context)


@login_required
@require_POST
def sale_invoice(request, pk: int):
    require(request, Invoice, "add")
    sale = get_object_or_404(_to_invoice(request.user), pk=pk)
    return act(
        request,
        "billing:sales",
        lambda: services.invoice_for_counter_sale(sale=sale, by=request.user),
        done=_("Invoice issued."),
    )
