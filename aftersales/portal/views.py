"""The customer's own pages: their products, registering a new one, a product's history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from aftersales.core.views.edit import errors_to_form, render_form
from aftersales.units import services
from aftersales.units.forms import RegistrationForm
from aftersales.units.models import MeterReading, Registration, Unit


def _customer(request):
    customer = getattr(request.user, "customer", None)
    if customer is None:
        raise Http404
    return customer


@login_required
def home(request):
    customer = _customer(request)
    context = {
        "title": _("My products"),
        "customer": customer,
        "units": Unit.objects.restrict(request.user, "view").select_related(
            "product_model__category", "service_agent"
        ),
        "registrations": Registration.objects.restrict(request.user, "view").select_related(
            "product_model"
        ),
    }
    return TemplateResponse(request, "portal/home.html", context)


@login_required
def register(request):
    customer = _customer(request)
    form = RegistrationForm(request.POST or None, request.FILES or None, customer=customer)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_submit(customer=customer, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request,
                _("Thank you. Registration %(number)s was received; we will confirm it soon.")
                % {"number": registration.number},
            )
            return redirect("portal:home")
    return render_form(
        request,
        form,
        title=_("Register a product"),
        intro=_(
            "Register the products you bought so that we know their warranty and can help you fast."
        ),
        submit_label=_("Send"),
    )


@login_required
def unit_detail(request, pk: int):
    _customer(request)
    unit = get_object_or_404(
        Unit.objects.restrict(request.user, "view").select_related(
            "product_model__category", "service_agent"
        ),
        pk=pk,
    )
    context = {
        "title": str(unit),
        "unit": unit,
        "readings": MeterReading.objects.restrict(request.user, "view").filter(unit=unit)[:10],
    }
    return TemplateResponse(request, "portal/unit.html", context)
