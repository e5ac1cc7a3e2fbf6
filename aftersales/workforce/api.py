"""The workforce API: technicians with their skills and certifications, the candidates for a
piece of work (and why the others are excluded), qualifications, certifications, tools and
vehicles, and odometer readings. Every query goes through `restrict()`; out of scope is a 404."""

import datetime as dt

import ninja
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.service.models import ServiceRequest, Visit

from . import selectors, services
from .choices import AssetKind
from .models import Asset, Certification, MileageReading, Qualification, Technician
from .schemas import (
    AssetOut,
    CandidatesOut,
    CertificationOut,
    QualificationOut,
    ReadingIn,
    ReadingOut,
    TechnicianFilters,
    TechnicianOut,
)

router = Router(tags=["workforce"])
MAX_PAGE = 200


def _technicians(request):
    return (
        Technician.objects.restrict(request.user, "view")
        .select_related("agent")
        .prefetch_related(
            "categories", "service_types", "product_models", "certifications__qualification"
        )
    )


@router.get("/technicians", response=list[TechnicianOut], summary="List technicians")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def technician_list(request, filters: Query[TechnicianFilters]):
    queryset = _technicians(request).order_by("last_name", "first_name", "pk")
    for word in filters.q.split():
        queryset = queryset.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    if filters.agent_id == 0:
        queryset = queryset.filter(agent__isnull=True)
    elif filters.agent_id:
        queryset = queryset.filter(agent_id=filters.agent_id)
    if filters.category_id:
        queryset = queryset.filter(
            pk__in=Technician.objects.filter(categories=filters.category_id).values("pk")
        )
    if filters.is_active is not None:
        queryset = queryset.filter(is_active=filters.is_active)
    return queryset


@router.get("/technicians/{technician_id}", response={200: TechnicianOut, ERRORS: ErrorOut})
def technician_get(request, technician_id: int):
    return get_object_or_404(_technicians(request), pk=technician_id)


@router.get(
    "/candidates",
    response={200: CandidatesOut, ERRORS: ErrorOut},
    summary="Who may do a visit or a request's work",
)
def candidate_list(
    request, request_id: int | None = None, visit_id: int | None = None, on: dt.date | None = None
):
    """The technicians (among those the caller may see) qualified for the work of a visit or a
    service request on a day, and the reasons each of the others is excluded (skills, service
    type, a certification the work needs that is missing or expired on that day). The day is
    `on`, else the visit's promised day, else the request's preferred day, else today."""
    if visit_id is not None:
        visit = get_object_or_404(
            Visit.objects.restrict(request.user, "view").select_related("request"), pk=visit_id
        )
        work_request, day = visit.request, timezone.localdate(visit.window_start)
    elif request_id is not None:
        work_request = get_object_or_404(
            ServiceRequest.objects.restrict(request.user, "view"), pk=request_id
        )
        day = work_request.preferred_date or timezone.localdate()
    else:
        raise ValidationError({"request_id": _("Give a request or a visit.")})
    day = on or day
    work = selectors.Work.of_request(work_request)
    pool = Technician.objects.restrict(request.user, "view").order_by("last_name", "first_name")
    chosen, excluded = selectors.candidates(pool, work=work, on=day)
    return {
        "on": day,
        "work": {
            "category_id": work.category.pk if work.category else None,
            "product_model_id": work.product_model.pk if work.product_model else None,
            "service_type": work.service_type.code if work.service_type else None,
        },
        "candidates": chosen,
        "excluded": [{"technician": t, "reasons": reasons} for t, reasons in excluded],
    }


@router.get("/qualifications", response=list[QualificationOut], summary="List qualifications")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def qualification_list(request):
    return (
        Qualification.objects.restrict(request.user, "view")
        .prefetch_related("categories", "service_types")
        .order_by("name")
    )


@router.get("/certifications", response=list[CertificationOut], summary="List certifications")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def certification_list(
    request, technician_id: int | None = None, expiring_within: int | None = None
):
    """Certifications; with `expiring_within` (days), those expiring from today to then that no
    later certificate replaces."""
    queryset = Certification.objects.restrict(request.user, "view").select_related("qualification")
    if technician_id:
        queryset = queryset.filter(technician_id=technician_id)
    if expiring_within is not None:
        if not 0 <= expiring_within <= 3660:
            raise ValidationError({"expiring_within": _("Give a number of days up to 3660.")})
        queryset = selectors.expiring_certifications(
            queryset, today=timezone.localdate(), within=expiring_within
        )
    return queryset.order_by("expires_on", "pk")


def _asset_out(asset: Asset, today: dt.date) -> dict:
    return {
        "id": asset.pk,
        "kind": asset.kind,
        "code": asset.code,
        "name": asset.name,
        "serial": asset.serial,
        "plate": asset.plate,
        "is_active": asset.is_active,
        "held_by_id": asset.held_by_id,
        "odometer_km": asset.odometer_km,
        "service_due": str(asset.service_due(today, asset.odometer_km)),
        "due_on": asset.due_on(),
        "due_km": asset.due_km(),
    }


@router.get("/assets", response=list[AssetOut], summary="List tools and vehicles")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def asset_list(request, kind: str = "", held_by_id: int | None = None):
    queryset = selectors.assets_with_state(Asset.objects.restrict(request.user, "view"))
    if kind:
        if kind not in AssetKind.values:
            raise ValidationError({"kind": _("Unknown kind.")})
        queryset = queryset.filter(kind=kind)
    if held_by_id:
        queryset = queryset.filter(held_by_id=held_by_id)
    today = timezone.localdate()
    return [_asset_out(asset, today) for asset in queryset.order_by("kind", "code")]


@router.post(
    "/assets/{asset_id}/readings",
    response={201: ReadingOut, ERRORS: ErrorOut},
    summary="Record a vehicle's odometer",
)
@idempotent
def reading_create(request, asset_id: int, payload: ReadingIn):
    """Keepers record any vehicle; a technician only the vehicle handed to them. A reading
    lower than an earlier one (or higher than a later one) is refused."""
    if not MileageReading.policy.allows(request.user, "add"):
        raise PermissionDenied
    vehicle = get_object_or_404(Asset.objects.restrict(request.user, "view"), pk=asset_id)
    reading = services.mileage_record(
        vehicle=vehicle, km=payload.km, read_on=payload.read_on, note=payload.note, by=request.user
    )
    return ninja.Status(201, reading)
