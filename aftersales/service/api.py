"""The service API: requests (idempotent create, list, get, transition) and visits (plan, list,
get, check-in, close). Every query goes through `restrict()`; out of scope is a 404."""

import ninja
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.core.choices import Role
from aftersales.core.idempotency import idempotent
from aftersales.customers.models import Address, Customer
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.units.models import Unit
from aftersales.workforce.models import Technician

from . import caches, services
from .choices import Channel, Status
from .models import ServiceRequest, ServiceType, Visit
from .schemas import (
    CheckInIn,
    CloseIn,
    DepartIn,
    RequestIn,
    RequestOut,
    ScheduleIn,
    TransitionIn,
    VisitOut,
)

router = Router(tags=["service"])
MAX_PAGE = 200


def _requests(request, action="view"):
    return ServiceRequest.objects.restrict(request.user, action).select_related("service_type")


def _visits(request, action="view"):
    return Visit.objects.restrict(request.user, action)


@router.post(
    "/requests", response={201: RequestOut, ERRORS: ErrorOut}, summary="Open a service request"
)
@idempotent
def request_create(request, payload: RequestIn):
    if not ServiceRequest.policy.allows(request.user, "add"):
        raise PermissionDenied
    customers = Customer.objects.restrict(request.user, "view")
    if payload.address_id is not None:  # the address and its customer in one query
        address = get_object_or_404(
            Address.objects.select_related("customer").filter(
                customer__in=customers, customer_id=payload.customer_id
            ),
            pk=payload.address_id,
        )
        customer = address.customer
    else:
        address = None
        customer = get_object_or_404(customers, pk=payload.customer_id)
    service_type = caches.service_type(payload.service_type)  # a cached set-up row
    if service_type is None or ServiceType.policy.scope(request.user, "view") is None:
        raise Http404
    unit = None
    if payload.unit_id is not None:
        unit = get_object_or_404(
            Unit.objects.restrict(request.user, "view").select_related(
                "product_model__category", "service_agent"
            ),
            pk=payload.unit_id,
        )
    if payload.channel not in Channel.values:
        raise ValidationError({"channel": _("Unknown channel.")})
    if request.user.role == Role.CUSTOMER and getattr(request.user, "customer", None) != customer:
        raise PermissionDenied
    obj = services.request_open(
        by=request.user,
        customer=customer,
        service_type=service_type,
        unit=unit,
        address=address,
        channel=payload.channel,
        description=payload.description,
        contact_phone=payload.contact_phone,
        preferred_date=payload.preferred_date,
    )
    return ninja.Status(201, obj)


@router.get("/requests", response=list[RequestOut], summary="List service requests")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def request_list(
    request, status: str = "", unit_id: int | None = None, customer_id: int | None = None
):
    queryset = _requests(request).order_by("-pk")
    if status:
        queryset = queryset.filter(status=status)
    if unit_id:
        queryset = queryset.filter(unit_id=unit_id)
    if customer_id:
        queryset = queryset.filter(customer_id=customer_id)
    return queryset


@router.get("/requests/{request_id}", response={200: RequestOut, ERRORS: ErrorOut})
def request_get(request, request_id: int):
    return get_object_or_404(_requests(request), pk=request_id)


@router.post(
    "/requests/{request_id}/transition",
    response={200: RequestOut, ERRORS: ErrorOut},
    summary="Move a request to another state",
)
def request_transition(request, request_id: int, payload: TransitionIn):
    obj = get_object_or_404(_requests(request), pk=request_id)
    if payload.to not in Status.values:
        raise ValidationError({"to": _("Unknown state.")})
    if payload.to == Status.TRIAGED and obj.status == Status.NEW:
        return services.request_triage(request=obj, by=request.user, note=payload.note)
    return services.request_transition(
        request=obj, to=payload.to, by=request.user, note=payload.note
    )


@router.post(
    "/requests/{request_id}/visits",
    response={201: VisitOut, ERRORS: ErrorOut},
    summary="Plan a visit (assign a technician)",
)
@idempotent
def visit_schedule(request, request_id: int, payload: ScheduleIn):
    """Assign a technician with a promised window. A technician who is not qualified for the
    work on that day (skills, or a certification the work needs expired) is refused with 422
    and the reasons under `errors.technician`; `GET /workforce/candidates` lists who qualifies."""
    if not Visit.policy.allows(request.user, "add"):
        raise PermissionDenied
    obj = get_object_or_404(_requests(request, "change"), pk=request_id)
    technician = get_object_or_404(
        Technician.objects.restrict(request.user, "view"), pk=payload.technician_id
    )
    start, end = (
        moment if timezone.is_aware(moment) else timezone.make_aware(moment)  # the caller's zone
        for moment in (payload.window_start, payload.window_end)
    )
    visit = services.visit_schedule(
        request=obj,
        technician=technician,
        window_start=start,
        window_end=end,
        by=request.user,
        purpose=payload.purpose,
    )
    return ninja.Status(201, visit)


@router.get("/visits", response=list[VisitOut], summary="List visits")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def visit_list(request, status: str = "", mine: bool = False):
    queryset = _visits(request).order_by("window_start", "pk")
    if status:
        queryset = queryset.filter(status=status)
    if mine:
        queryset = queryset.filter(technician__user=request.user)
    return queryset


@router.get("/visits/{visit_id}", response={200: VisitOut, ERRORS: ErrorOut})
def visit_get(request, visit_id: int):
    return get_object_or_404(_visits(request), pk=visit_id)


@router.post("/visits/{visit_id}/depart", response={200: VisitOut, ERRORS: ErrorOut})
def visit_depart(request, visit_id: int, payload: DepartIn):
    """The technician is on the way: the customer is told when to expect them."""
    visit = get_object_or_404(_visits(request, "change"), pk=visit_id)
    return services.visit_depart(visit=visit, by=request.user, minutes=payload.minutes)


@router.post("/visits/{visit_id}/check-in", response={200: VisitOut, ERRORS: ErrorOut})
def visit_check_in(request, visit_id: int, payload: CheckInIn):
    visit = get_object_or_404(_visits(request, "change"), pk=visit_id)
    return services.visit_check_in(
        visit=visit, by=request.user, latitude=payload.latitude, longitude=payload.longitude
    )


@router.post("/visits/{visit_id}/close", response={200: VisitOut, ERRORS: ErrorOut})
def visit_close(request, visit_id: int, payload: CloseIn):
    visit = get_object_or_404(_visits(request, "change"), pk=visit_id)
    return services.visit_close(
        visit=visit, by=request.user, result=payload.result, labour_minutes=payload.labour_minutes
    )
