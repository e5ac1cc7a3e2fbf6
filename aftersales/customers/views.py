"""Staff pages for customers: list, detail, create, edit, add an address."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from . import selectors, services
from .filters import CustomerFilter
from .forms import AddressForm, CustomerForm
from .models import Customer
from .selectors import customer_units


def _primary_phone(customer):
    phone = customer.primary_phone
    return phone.number if phone else None


class CustomerList(ObjectListView):
    model = Customer
    title = gettext_lazy("Customers")
    filterset_class = CustomerFilter
    default_sort = "search_name"
    columns = [
        Column("display_name", gettext_lazy("Name"), sort="search_name", link=True),
        Column(_primary_phone, gettext_lazy("Phone"), kind="phone"),
        Column("national_id", gettext_lazy("National ID"), sort="national_id", kind="serial"),
        Column("get_country_display", gettext_lazy("Country"), sort="country"),
        Column("get_tier_display", gettext_lazy("Tier"), sort="tier"),
        Column("created_at", gettext_lazy("Created"), sort="created_at", kind="date"),
    ]

    @property
    def create_url(self):
        return reverse("customers:create")

    def base_queryset(self):
        return super().base_queryset().prefetch_related("phones")


@login_required
def customer_detail(request, pk: int):
    customer = get_object_or_404(
        Customer.objects.restrict(request.user, "view").prefetch_related("phones", "addresses"),
        pk=pk,
    )
    context = {
        "customer": customer,
        "title": customer.display_name,
        "units": customer_units(user=request.user, customer=customer),
        "can_change": Customer.objects.restrict(request.user, "change").filter(pk=pk).exists(),
    }
    return TemplateResponse(request, "customers/detail.html", context)


@login_required
def customer_create(request):
    require(request, Customer, "add")
    form = CustomerForm(request.POST or None, initial=selectors.new_customer_defaults(request.user))
    return form_page(
        request,
        form,
        save=lambda _data: services.customer_create(by=request.user, **form.service_data()),
        title=_("New customer"),
        done=_("Customer created."),
        cancel_url=reverse("customers:list"),
    )


@login_required
def customer_edit(request, pk: int):
    customer = get_object_or_404(Customer.objects.restrict(request.user, "change"), pk=pk)
    form = CustomerForm(request.POST or None, instance=customer)
    return form_page(
        request,
        form,
        save=lambda _data: services.customer_update(
            customer=customer, by=request.user, **form.service_data()
        ),
        title=_("Edit %(name)s") % {"name": customer.display_name},
        done=_("Changes saved."),
        cancel_url=customer.get_absolute_url(),
    )


@login_required
def address_add(request, pk: int):
    customer = get_object_or_404(Customer.objects.restrict(request.user, "change"), pk=pk)
    form = AddressForm(request.POST or None, initial={"country": customer.country})

    def save(data):
        services.address_add(customer=customer, by=request.user, **data)
        return customer

    return form_page(
        request,
        form,
        save=save,
        title=_("New address for %(name)s") % {"name": customer.display_name},
        done=_("Address added."),
        cancel_url=customer.get_absolute_url(),
    )
