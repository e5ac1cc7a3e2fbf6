"""Staff review of the units customers register in the portal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from aftersales.core.views.lists import Column, ObjectListView

from .. import services
from ..choices import RegistrationStatus
from ..filters import RegistrationFilter
from ..forms import RejectForm
from ..models import Registration


class RegistrationList(ObjectListView):
    model = Registration
    filterset_class = RegistrationFilter
    select_related = ("customer", "product_model")
    default_sort = "-created_at"
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("customer.display_name", gettext_lazy("Customer"), sort="customer__search_name"),
        Column("product_model.name", gettext_lazy("Model")),
        Column("serial", gettext_lazy("Serial number"), sort="serial", kind="serial"),
        Column("purchase_date", gettext_lazy("Purchase date"), sort="purchase_date", kind="date"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("created_at", gettext_lazy("Submitted"), sort="created_at", kind="date"),
    ]

    def can_create(self) -> bool:
        return False


@login_required
@require_http_methods(["GET", "POST"])
def registration_detail(request, pk: int):
    registration = get_object_or_404(
        Registration.objects.restrict(request.user, "view").select_related(
            "customer", "product_model", "unit", "installation_address"
        ),
        pk=pk,
    )
    can_review = (
        registration.status == RegistrationStatus.PENDING
        and Registration.objects.restrict(request.user, "change").filter(pk=pk).exists()
    )
    reject_form = RejectForm()
    if request.method == "POST":
        if not can_review:
            raise Http404
        try:
            if request.POST.get("action") == "confirm":
                unit = services.registration_confirm(registration=registration, by=request.user)
                messages.success(
                    request, _("Registration confirmed: the unit is now the customer's.")
                )
                return redirect(unit)
            reject_form = RejectForm(request.POST)
            if reject_form.is_valid():
                services.registration_reject(
                    registration=registration,
                    by=request.user,
                    reason=reject_form.cleaned_data["rejection_reason"],
                )
                messages.success(request, _("Registration rejected."))
                return redirect("units:registrations")
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(registration)
    context = {
        "registration": registration,
        "title": registration.number,
        "can_review": can_review,
        "reject_form": reject_form,
    }
    return TemplateResponse(request, "units/registration_detail.html", context)


@login_required
def registration_proof(request, pk: int):
    """The uploaded proof of purchase, only to those who may see the registration."""
    registration = get_object_or_404(Registration.objects.restrict(request.user, "view"), pk=pk)
    if not registration.proof:
        raise Http404
    return FileResponse(registration.proof.open("rb"), as_attachment=False)
