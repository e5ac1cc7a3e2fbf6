"""Units over the API: list, look-up by serial, detail, create, transfer, meter readings."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from aftersales.agents.models import Agent
from aftersales.catalog.models import ProductModel
from aftersales.core.access import demand
from aftersales.core.idempotency import idempotent
from aftersales.core.text import normalize_serial
from aftersales.customers.models import Address, Customer
from aftersales.customers.schemas import ERRORS, ErrorOut

from . import services
from .choices import UnitSource
from .models import MeterReading, OwnershipChange, Unit
from .schemas import (
    ReadingIn,
    ReadingOut,
    TransferIn,
    UnitDetail,
    UnitFilters,
    UnitIn,
    UnitLookup,
    UnitOut,
)
from .selectors import unit_by_serial, units_find

router = Router(tags=["units"])
READINGS_SHOWN = 100
CREATE_ERRORS = ERRORS | {409}


def _units(user, action: str = "view"):
    return Unit.objects.restrict(user, action).select_related(
        "product_model", "product_model__category", "owner", "service_agent"
    )


def _detail(user, unit_id: int) -> Unit:
    """The unit with its history and readings as far as the caller may see them; else 404."""
    unit = get_object_or_404(_units(user).select_related("installation_address"), pk=unit_id)
    changes = list(
        OwnershipChange.objects.restrict(user, "view")
        .filter(unit=unit)
        .select_related("previous_owner", "new_owner")
    )
    involved = {c.previous_owner_id for c in changes} | {c.new_owner_id for c in changes}
    visible = set(
        Customer.objects.restrict(user, "view")
        .filter(pk__in=involved - {None})
        .values_list("pk", flat=True)
    )
    unit.shown_history = [
        {
            "date": change.date,
            "previous_owner": change.previous_owner
            if change.previous_owner_id in visible
            else None,
            "new_owner": change.new_owner if change.new_owner_id in visible else None,
            "note": change.note,
        }
        for change in changes
    ]
    unit.shown_readings = list(
        MeterReading.objects.restrict(user, "view").filter(unit=unit)[:READINGS_SHOWN]
    )
    if unit.installation_address_id and not (
        Address.objects.restrict(user, "view").filter(pk=unit.installation_address_id).exists()
    ):
        unit.installation_address = None
    return unit


def _visible(queryset, pk: int | None, field: str, message: str):
    """The record `pk` of a restricted queryset, or a ValidationError naming the field."""
    if pk is None:
        return None
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: [message]})
    return found


@router.get("/", response={200: list[UnitOut], ERRORS: ErrorOut}, summary="List units")
@paginate(PageNumberPagination, page_size=50)
def unit_list(request, filters: Query[UnitFilters]):
    """The units the caller may see (a customer: their own; an agent's staff: those the agent
    services), newest first, or by serial when `serial` is given."""
    if filters.serial:
        units = units_find(user=request.user, query=filters.serial)
    else:
        units = _units(request.user).order_by("-pk")
    if filters.model:
        units = units.filter(product_model__code=filters.model)
    if filters.owner is not None:
        units = units.filter(owner_id=filters.owner)
    if filters.status:
        units = units.filter(status=filters.status)
    if filters.service_agent is not None:
        units = units.filter(service_agent_id=filters.service_agent)
    return units


@router.get("/lookup", response={200: UnitDetail, ERRORS: ErrorOut}, summary="Find by serial")
def unit_lookup(request, params: Query[UnitLookup]):
    """The unit with this serial number (and model code, when serials repeat across models).
    404 when there is none the caller may see."""
    units = list(
        unit_by_serial(user=request.user, serial=params.serial, model_code=params.model)[:2]
    )
    if not units:
        raise Http404
    if len(units) > 1:
        message = _("Units of several models have this serial number: give the model code.")
        raise ValidationError({"model": [message]})
    return _detail(request.user, units[0].pk)


@router.get("/{int:unit_id}", response={200: UnitDetail, ERRORS: ErrorOut}, summary="A unit")
def unit_detail(request, unit_id: int):
    return _detail(request.user, unit_id)


@router.post("/", response={201: UnitDetail, CREATE_ERRORS: ErrorOut}, summary="Create a unit")
@idempotent
def unit_create(request, payload: UnitIn):
    """A unit of the model with this code. A serial already used for that model is a 409."""
    user = request.user
    demand(user, Unit, "add")
    model = ProductModel.objects.restrict(user, "view").filter(code=payload.model).first()
    if model is None:
        raise ValidationError({"model": [_("There is no product model with this code.")]})
    data = payload.dict(exclude={"model", "owner", "installation_address", "service_agent"})
    data["product_model"] = model
    data["owner"] = _visible(
        Customer.objects.restrict(user, "view"),
        payload.owner,
        "owner",
        _("There is no such customer."),
    )
    data["installation_address"] = _visible(
        Address.objects.restrict(user, "view"),
        payload.installation_address,
        "installation_address",
        _("There is no such address."),
    )
    data["service_agent"] = _visible(
        Agent.objects.restrict(user, "view"),
        payload.service_agent,
        "service_agent",
        _("There is no such agent."),
    )
    try:
        unit = services.unit_create(by=user, source=UnitSource.API, **data)
    except (ValidationError, IntegrityError):
        serial = normalize_serial(payload.serial)
        if not Unit.objects.filter(product_model=model, serial=serial).exists():
            raise
        message = _("A unit of model %(model)s with serial number %(serial)s already exists.") % {
            "model": model.code,
            "serial": serial,
        }
        return Status(409, {"detail": message, "errors": {"serial": [message]}})
    return Status(201, _detail(user, unit.pk))


@router.post(
    "/{int:unit_id}/transfer",
    response={200: UnitDetail, ERRORS: ErrorOut},
    summary="Transfer to a new owner",
)
def unit_transfer(request, unit_id: int, payload: TransferIn):
    """The unit passes to another customer; the ownership history keeps the change."""
    user = request.user
    demand(user, Unit, "change")
    unit = get_object_or_404(Unit.objects.restrict(user, "change"), pk=unit_id)
    new_owner = _visible(
        Customer.objects.restrict(user, "view"),
        payload.new_owner,
        "new_owner",
        _("There is no such customer."),
    )
    unit = services.unit_transfer(
        unit=unit,
        to=new_owner,
        by=user,
        on=payload.date or timezone.localdate(),
        note=payload.note,
    )
    return _detail(user, unit.pk)


@router.post(
    "/{int:unit_id}/readings",
    response={201: ReadingOut, ERRORS: ErrorOut},
    summary="Record a meter reading",
)
@idempotent
def unit_reading_add(request, unit_id: int, payload: ReadingIn):
    """A reading of the unit's usage meter; it may not be lower than an earlier one."""
    user = request.user
    demand(user, MeterReading, "add")
    unit = get_object_or_404(Unit.objects.restrict(user, "view"), pk=unit_id)
    reading = services.meter_reading_add(
        unit=unit, value=payload.value, by=user, at=payload.read_at
    )
    return Status(201, reading)
