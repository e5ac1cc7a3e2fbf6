"""Tools and vehicles: the register, hand-over against a drawn signature, return, odometer
readings, services, and the printable receipt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aftersales.core.access import can
from aftersales.core.documents import pdf_response, render_pdf
from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from .. import selectors, services
from ..filters import AssetFilter, HandoverFilter, ReadingFilter
from ..forms import AssetForm, HandoverForm, ReadingForm, ReturnForm, ServicedForm
from ..models import Asset, Handover, MileageReading
from .feedback import fail


def _holder(asset):
    if asset.held_by_id is None:
        return gettext_lazy("In store")
    return f"{asset.held_by_first} {asset.held_by_last}"


def _due(asset):
    if not asset.is_vehicle:
        return ""
    return asset.service_due(timezone.localdate(), asset.odometer_km).label


class AssetList(ObjectListView):
    model = Asset
    filterset_class = AssetFilter
    default_sort = "code"
    title = gettext_lazy("Tools and vehicles")
    columns = [
        Column("code", gettext_lazy("Inventory code"), sort="code", link=True, kind="serial"),
        Column("name", gettext_lazy("Name"), sort="name", link=True),
        Column("get_kind_display", gettext_lazy("Kind"), sort="kind"),
        Column("serial", gettext_lazy("Serial number"), kind="serial"),
        Column("plate", gettext_lazy("Number plate"), kind="serial"),
        Column(_holder, gettext_lazy("Held by")),
        Column("odometer_km", gettext_lazy("Odometer (km)"), kind="number"),
        Column(_due, gettext_lazy("Service")),
    ]

    @property
    def create_url(self):
        return reverse("workforce:asset_create")

    def base_queryset(self):
        return selectors.assets_with_state(super().base_queryset())


def _asset(request, pk: int, action: str = "view") -> Asset:
    queryset = selectors.assets_with_state(Asset.objects.restrict(request.user, action))
    return get_object_or_404(queryset, pk=pk)


@login_required
def asset_detail(request, pk: int):
    asset = _asset(request, pk)
    today = timezone.localdate()
    handovers = (
        Handover.objects.restrict(request.user, "view")
        .filter(asset=asset)
        .select_related("technician", "handed_by", "received_by")
    )
    current = next((h for h in handovers if h.returned_at is None), None)
    may_keep = can(request.user, Handover, "add")
    context = {
        "title": str(asset),
        "asset": asset,
        "today": today,
        "current": current,
        "handovers": handovers,
        "readings": asset.readings.select_related("recorded_by")[:20],
        "service_due": asset.service_due(today, asset.odometer_km) if asset.is_vehicle else None,
        "can_change": can(request.user, Asset, "change"),
        "may_keep": may_keep,
        "may_read": can(request.user, MileageReading, "add") and asset.is_vehicle,
        "handover_form": HandoverForm(user=request.user, vehicle=asset.is_vehicle),
        "return_form": ReturnForm(vehicle=asset.is_vehicle),
        "reading_form": ReadingForm(initial={"read_on": today}),
        "serviced_form": ServicedForm(initial={"on": today, "km": asset.odometer_km}),
    }
    return TemplateResponse(request, "workforce/asset_detail.html", context)


@login_required
def asset_create(request):
    require(request, Asset, "add")
    return form_page(
        request,
        AssetForm(request.POST or None),
        save=lambda data: services.asset_create(by=request.user, **data),
        title=_("New tool or vehicle"),
        done=_("Saved."),
        cancel_url=reverse("workforce:assets"),
    )


@login_required
def asset_edit(request, pk: int):
    asset = get_object_or_404(Asset.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        AssetForm(request.POST or None, instance=asset),
        save=lambda data: services.asset_update(asset=asset, by=request.user, **data),
        title=_("Edit %(name)s") % {"name": asset},
        done=_("Changes saved."),
        cancel_url=asset.get_absolute_url(),
    )


ASSET_STEPS = ("handover", "return", "reading", "serviced")


def _valid(form) -> dict:
    if form.is_valid():
        return form.cleaned_data
    errors = []
    for name, field_errors in form.errors.items():
        field = form.fields.get(name)
        label = field.label if field and field.label else ""
        for error in field_errors:
            errors.append(
                _("%(field)s: %(error)s") % {"field": label, "error": error} if label else error
            )
    raise ValidationError(errors)


@login_required
@require_POST
def asset_action(request, pk: int, step: str):
    """One step of the asset's page; errors come back as messages on the page."""
    if step not in ASSET_STEPS:
        raise Http404
    asset = _asset(request, pk)
    user = request.user
    try:
        if step == "handover":
            require(request, Handover, "add")
            data = _valid(HandoverForm(request.POST, user=user, vehicle=asset.is_vehicle))
            handover = services.handover_issue(asset=asset, by=user, **data)
            messages.success(
                request, _("Handed over; receipt %(number)s.") % {"number": handover.number}
            )
            return redirect(handover)
        if step == "return":
            require(request, Handover, "change")
            data = _valid(ReturnForm(request.POST, vehicle=asset.is_vehicle))
            handover = get_object_or_404(
                Handover.objects.restrict(user, "change"), asset=asset, returned_at__isnull=True
            )
            services.handover_return(handover=handover, by=user, **data)
        elif step == "reading":
            require(request, MileageReading, "add")
            data = _valid(ReadingForm(request.POST))
            services.mileage_record(vehicle=asset, by=user, **data)
        else:
            require(request, Asset, "change")
            data = _valid(ServicedForm(request.POST))
            services.vehicle_serviced(vehicle=asset, by=user, **data)
        messages.success(request, _("Saved."))
    except ValidationError as error:
        fail(request, error)
    except PermissionDenied as error:
        messages.error(request, str(error) or _("You may not do this."))
    return redirect(asset)


class HandoverList(ObjectListView):
    model = Handover
    filterset_class = HandoverFilter
    default_sort = "-handed_at"
    select_related = ("asset", "technician")
    title = gettext_lazy("Hand-overs")
    columns = [
        Column("number", gettext_lazy("Receipt"), sort="number", link=True, kind="serial"),
        Column("asset.code", gettext_lazy("Inventory code"), sort="asset__code", kind="serial"),
        Column("asset.name", gettext_lazy("Tool or vehicle")),
        Column("technician.full_name", gettext_lazy("Technician"), sort="technician__last_name"),
        Column("handed_at", gettext_lazy("Handed over at"), sort="handed_at", kind="datetime"),
        Column("signed_by", gettext_lazy("Signed by")),
        Column("returned_at", gettext_lazy("Returned at"), sort="returned_at", kind="datetime"),
    ]

    def can_create(self) -> bool:
        return False  # a hand-over starts on the tool's page


def _handover(request, pk: int) -> Handover:
    return get_object_or_404(
        Handover.objects.restrict(request.user, "view").select_related(
            "asset", "technician", "technician__agent", "handed_by", "received_by"
        ),
        pk=pk,
    )


@login_required
def handover_detail(request, pk: int):
    handover = _handover(request, pk)
    context = {"title": handover.number, "handover": handover}
    return TemplateResponse(request, "workforce/handover_detail.html", context)


@login_required
def handover_signature(request, pk: int):
    handover = _handover(request, pk)
    return FileResponse(handover.signature.open("rb"), content_type="image/png")


@login_required
def handover_receipt(request, pk: int):
    """The signed receipt, as a PDF in the reader's language."""
    import base64

    handover = _handover(request, pk)
    with handover.signature.open("rb") as image:
        signature = base64.b64encode(image.read()).decode()
    pdf = render_pdf(
        "workforce/receipt.html",
        {"handover": handover, "signature": f"data:image/png;base64,{signature}"},
        language=(get_language() or "en")[:2],
    )
    return pdf_response(pdf, handover.number)


class ReadingList(ObjectListView):
    model = MileageReading
    filterset_class = ReadingFilter
    default_sort = "-read_on"
    select_related = ("vehicle", "recorded_by")
    title = gettext_lazy("Mileage readings")
    columns = [
        Column("vehicle.code", gettext_lazy("Vehicle"), sort="vehicle__code", link=True),
        Column("vehicle.plate", gettext_lazy("Number plate"), kind="serial"),
        Column("read_on", gettext_lazy("Read on"), sort="read_on", kind="date"),
        Column("km", gettext_lazy("Odometer (km)"), sort="km", kind="number"),
        Column("recorded_by", gettext_lazy("Recorded by")),
        Column("note", gettext_lazy("Note")),
    ]

    def can_create(self) -> bool:
        return False
