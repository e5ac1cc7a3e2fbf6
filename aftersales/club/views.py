"""The customer's points in the portal, and the desk's adjustment of a customer's points."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from aftersales.core.access import customer_page
from aftersales.core.views.edit import form_page, require
from aftersales.customers.models import Customer

from . import services
from .forms import AdjustForm
from .models import EarningRule, PointsEntry


@customer_page
@login_required
def portal(request):
    customer = getattr(request.user, "customer", None)
    if customer is None:
        raise Http404
    context = {
        "title": _("My club points"),
        "balance": services.balance(customer),
        "entries": PointsEntry.objects.restrict(request.user, "view")[:200],
        "rules": EarningRule.objects.restrict(request.user, "view").filter(
            is_active=True, points__gt=0
        ),
    }
    return TemplateResponse(request, "club/portal.html", context)


@login_required
def adjust(request, pk: int):
    require(request, PointsEntry, "add")
    customer = get_object_or_404(Customer.objects.restrict(request.user, "view"), pk=pk)
    form = AdjustForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda data: services.adjust(customer=customer, by=request.user, **data),
        title=_("Club points of %(customer)s") % {"customer": customer.display_name},
        intro=_("Balance: %(points)s points.") % {"points": services.balance(customer)},
        done=_("Points recorded."),
        then=customer.get_absolute_url(),
        cancel_url=customer.get_absolute_url(),
    )
