"""Staff pages for units: list, detail with full history, create, edit, transfer, meter reading."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView
from aftersales.customers.models import Customer

from .. import services
from ..filters import UnitFilter
from ..forms import ReadingForm, TransferForm, UnitForm
from ..models import MeterReading, OwnershipChange, Unit


class UnitList(ObjectListView):
    model = Unit
    filterset_class = UnitFilter
    select_related = ("product_model", "owner", "service_agent")
    columns = [
        Column("serial", gettext_lazy("Serial number"), sort="serial", link=True, kind="serial"),
        Column("product_model.name", gettext_lazy("Model"), sort="product_model__code"),
        Column("owner.display_name", gettext_lazy("Owner"), sort="owner__search_name"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("sale_date", gettext_lazy("Sold"), sort="sale_date", kind="date"),
        Column("batch", gettext_lazy("Batch"), sort="batch"),
        Column("service_agent.name", gettext_lazy("Servicing agent")),
    ]

    @property
    def create_url(self):
        return reverse("units:create")


def _unit(request, pk: int, action: str = "view") -> Unit:
    queryset = Unit.objects.restrict(request.user, action).select_related(
        "product_model__category", "owner", "service_agent", "installer", "installation_address"
    )
    return get_object_or_404(queryset, pk=pk)


@login_required
def unit_detail(request, pk: int):
    unit = _unit(request, pk)
    user = request.user
    context = {
        "unit": unit,
        "title": str(unit),
        "ownership": OwnershipChange.objects.restrict(user, "view")
        .filter(unit=unit)
        .select_related("previous_owner", "new_owner", "recorded_by"),
        "readings": MeterReading.objects.restrict(user, "view").filter(unit=unit)[:20],
        "registrations": unit.registrations.all() if Unit.policy.allows(user, "change") else [],
        "can_change": Unit.objects.restrict(user, "change").filter(pk=pk).exists(),
        "can_read": MeterReading.policy.allows(user, "add")
        and unit.product_model.usage_meter != "none",
        "reading_form": ReadingForm(),
    }
    return TemplateResponse(request, "units/detail.html", context)


@login_required
def unit_create(request):
    require(request, Unit, "add")
    owner = None
    if (owner_id := request.GET.get("owner", "")).isdecimal():
        owner = Customer.objects.restrict(request.user, "view").filter(pk=owner_id).first()
    form = UnitForm(request.POST or None, user=request.user, owner=owner)
    return form_page(
        request,
        form,
        save=lambda _data: services.unit_create(by=request.user, **form.service_data()),
        title=_("New unit"),
        done=_("Unit created."),
        cancel_url=reverse("units:list"),
    )


@login_required
def unit_edit(request, pk: int):
    unit = _unit(request, pk, "change")
    form = UnitForm(request.POST or None, instance=unit, user=request.user)
    return form_page(
        request,
        form,
        save=lambda _data: services.unit_update(unit=unit, by=request.user, **form.service_data()),
        title=_("Edit unit %(serial)s") % {"serial": unit.serial},
        done=_("Changes saved."),
        cancel_url=unit.get_absolute_url(),
    )


@login_required
def unit_transfer(request, pk: int):
    unit = _unit(request, pk, "change")
    form = TransferForm(request.POST or None, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.unit_transfer(
            unit=unit, to=form.new_owner, by=request.user, on=data["date"], note=data["note"]
        ),
        title=_("Transfer unit %(serial)s") % {"serial": unit.serial},
        done=_("Ownership transferred."),
        cancel_url=unit.get_absolute_url(),
    )


@login_required
def reading_add(request, pk: int):
    unit = _unit(request, pk)
    if not MeterReading.policy.allows(request.user, "add") or request.method != "POST":
        raise Http404
    form = ReadingForm(request.POST)
    if form.is_valid():
        try:
            services.meter_reading_add(unit=unit, value=form.cleaned_data["value"], by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Reading recorded."))
    else:
        for message in form.errors.get("value", []):
            messages.error(request, message)
    return redirect(unit)
