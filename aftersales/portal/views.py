"""The customer's own pages: their products, registering a new one, a product's history, their
details and addresses; choosing the time of a visit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersales.core.access import customer_page
from aftersales.core.calendars import show_date, show_time
from aftersales.core.views.edit import errors_to_form, form_page, render_form, submit
from aftersales.customers import services as customers
from aftersales.customers.forms import AddressForm, MyDetailsForm
from aftersales.dispatch.booking_views import book_chosen
from aftersales.service.models import ServiceRequest, Visit
from aftersales.service.selectors import coming, requests_for
from aftersales.units import services
from aftersales.units.forms import RegistrationForm
from aftersales.units.models import MeterReading, Registration, Unit


def _customer(request):
    customer = getattr(request.user, "customer", None)
    if customer is None:
        raise Http404
    return customer


@customer_page
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
        # the visits to come at the customer's, each with its request's page (to move it)
        "coming": coming(Visit.objects.restrict(request.user, "view")).select_related(
            "request__service_type"
        )[:10],
    }
    return TemplateResponse(request, "portal/home.html", context)


@customer_page
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


@customer_page
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
        "requests": ServiceRequest.objects.restrict(request.user, "view")
        .filter(unit=unit)
        .select_related("service_type")
        .order_by("-opened_at")[:20],
    }
    return TemplateResponse(request, "portal/unit.html", context)


@customer_page
@login_required
def details(request):
    """Their name, phones, e-mail, language and consents; their addresses."""
    customer = _customer(request)
    form = MyDetailsForm(request.POST or None, instance=customer)
    if request.method == "POST" and (
        response := submit(
            request,
            form,
            save=lambda _data: customers.customer_update(
                customer=customer, by=request.user, **form.service_data()
            ),
            done=_("Changes saved."),
            then=reverse("portal:details"),
        )
    ):
        return response
    context = {
        "form": form,
        "title": _("My details"),
        "addresses": customer.addresses.order_by("-is_default", "pk"),
    }
    return TemplateResponse(
        request, "portal/details.html", context, status=400 if form.is_bound else 200
    )


@customer_page
@login_required
def address_add(request):
    customer = _customer(request)
    form = AddressForm(request.POST or None, initial={"country": customer.country})
    return form_page(
        request,
        form,
        save=lambda data: customers.address_add(customer=customer, by=request.user, **data),
        title=_("New address"),
        done=_("Address added."),
        then=reverse("portal:details"),
        cancel_url=reverse("portal:details"),
    )


@customer_page
@login_required
@require_POST
def book(request, pk: int):
    """Book the window the customer chose on their request's page; a window taken meanwhile (or
    any other refusal) is said, and the page shows the times free now."""
    _customer(request)
    obj = get_object_or_404(requests_for(request.user), pk=pk)
    book_chosen(
        request,
        obj,
        done=lambda visit: (
            _("Your visit is booked on %(day)s between %(start)s and %(end)s.")
            % {
                "day": show_date(visit.window_start),
                "start": show_time(visit.window_start),
                "end": show_time(visit.window_end),
            }
        ),
    )
    return redirect("service:portal_request", pk=pk)
