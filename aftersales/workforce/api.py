"""The workforce API: technicians with their skills and certifications, the candidates for a
piece of work (and why the others are excluded), qualifications, certifications, tools and
vehicles, and odometer readings. Every query goes through `restrict()`; out of scope is a 404."""

import datetime as dt

import ninja
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.core.choices import Role
from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.service.models import ServiceRequest, Visit

from . import selectors, services
from .choices import AssetKind
from .models import Absence, Asset, Certification, MileageReading, Qualification, Technician
from .schemas import (
    AbsenceDecidedOut,
    AbsenceDecisionIn,
    AbsenceFilters,
    AbsenceIn,
    AbsenceOut,
    AbsenceReasonIn,
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


# --- time off ---------------------------------------------------------------------------------


def _absences(request):
    return Absence.objects.restrict(request.user, "view").select_related("technician")


@router.get("/absences", response=list[AbsenceOut], summary="List time off")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def absence_list(request, filters: Query[AbsenceFilters]):
    """A technician's own; agents' staff their technicians'; dispatchers and managers all."""
    queryset = _absences(request).order_by("-starts_at", "pk")
    if filters.technician_id:
        queryset = queryset.filter(technician_id=filters.technician_id)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.away_on:
        queryset = queryset.overlapping(*services.whole_days(filters.away_on, filters.away_on))
    return queryset


@router.get("/absences/{absence_id}", response={200: AbsenceOut, ERRORS: ErrorOut})
def absence_get(request, absence_id: int):
    return get_object_or_404(_absences(request), pk=absence_id)


def _period(payload: AbsenceIn) -> dict:
    if payload.first_day is not None:
        if payload.starts_at is not None or payload.ends_at is not None:
            raise ValidationError(_("Give either whole days or a start and an end, not both."))
        last = payload.last_day or payload.first_day
        if last < payload.first_day:
            raise ValidationError({"last_day": _("The last day cannot be before the first day.")})
        starts_at, ends_at = services.whole_days(payload.first_day, last)
        return {"starts_at": starts_at, "ends_at": ends_at, "all_day": True}
    if payload.starts_at is None or payload.ends_at is None:
        raise ValidationError(_("Say when the absence starts and ends."))
    aware = [
        moment if timezone.is_aware(moment) else timezone.make_aware(moment)
        for moment in (payload.starts_at, payload.ends_at)
    ]
    return {"starts_at": aware[0], "ends_at": aware[1], "all_day": False}


@router.post("/absences", response={201: AbsenceOut, ERRORS: ErrorOut}, summary="Ask for time off")
@idempotent
def absence_create(request, payload: AbsenceIn):
    """A technician asks for their own (`technician_id` left out); staff for a technician in
    their scope, and with `approved` those who decide enter it approved at once. An overlap with
    another requested or approved absence is refused (422)."""
    if not Absence.policy.allows(request.user, "add"):
        raise PermissionDenied
    technicians = Technician.objects.restrict(request.user, "view")
    if request.user.role == Role.TECHNICIAN and not request.user.is_superuser:
        technicians = technicians.filter(user=request.user)
        own = technicians.first()
        if own is None or payload.technician_id not in (None, own.pk):
            raise Http404
        technician = own
    else:
        if payload.technician_id is None:
            raise ValidationError({"technician_id": _("Choose the technician.")})
        technician = get_object_or_404(technicians, pk=payload.technician_id)
    data = {
        "technician": technician,
        "kind": payload.kind,
        "note": payload.note,
        **_period(payload),
    }
    if payload.approved:
        absence = services.absence_record(by=request.user, **data).absence
    else:
        absence = services.absence_request(by=request.user, **data)
    return ninja.Status(201, absence)


@router.post(
    "/absences/{absence_id}/decision",
    response={200: AbsenceDecidedOut, ERRORS: ErrorOut},
    summary="Approve or refuse time off",
)
def absence_decision(request, absence_id: int, payload: AbsenceDecisionIn):
    """Approve, or refuse with a reason. An approval answers the technician's planned visits in
    the period: they need another technician (they are not moved)."""
    absence = get_object_or_404(Absence.objects.restrict(request.user, "change"), pk=absence_id)
    decided = services.absence_decide(
        absence=absence, approve=payload.approve, reason=payload.reason, by=request.user
    )
    return {"absence": decided.absence, "visits": decided.visits}


@router.post(
    "/absences/{absence_id}/cancel",
    response={200: AbsenceOut, ERRORS: ErrorOut},
    summary="Cancel time off",
)
def absence_cancellation(request, absence_id: int, payload: AbsenceReasonIn):
    absence = get_object_or_404(Absence.objects.restrict(request.user, "change"), pk=absence_id)
    return services.absence_cancel(absence=absence, reason=payload.reason, by=request.user).absence
