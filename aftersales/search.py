"""The operator's one search box: a customer by phone, name or national ID, a unit by serial."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from aftersales.core.access import customer_page
from aftersales.core.choices import Role
from aftersales.customers.selectors import customers_find
from aftersales.units.selectors import units_find

LIMIT = 20


@customer_page
@login_required
def home(request):
    if request.user.role == Role.CUSTOMER and not request.user.is_superuser:
        return redirect("portal:home")
    query = request.GET.get("q", "").strip()
    customers = units = None
    if query:
        customers = list(customers_find(user=request.user, query=query)[:LIMIT])
        units = list(units_find(user=request.user, query=query)[:LIMIT])
        if len(units) == 1 and not customers and request.GET.get("go") == "1":
            return redirect(units[0])
    context = {"title": _("Search"), "query": query, "customers": customers, "units": units}
    template = "search/home.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return TemplateResponse(request, template, context)
