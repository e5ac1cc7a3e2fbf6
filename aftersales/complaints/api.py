"""The complaints API: list, get, receive (idempotent) and every ISO 10002 step; and the public
tracking by code (no login, no personal data). Every query goes through `restrict()`."""

import ninja
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.core.choices import Role
from aftersales.core.idempotency import idempotent
from aftersales.core.models import User
from aftersales.customers.models import Customer
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.service.models import ServiceRequest, Visit
from aftersales.units.models import Unit

from . import selectors, services
from .models import HANDLERS, Complaint
from .schemas import (
    AssessIn,
    AssignIn,
    CloseIn,
    ComplaintIn,
    ComplaintOut,
    FollowUpIn,
    InvestigateIn,
    RespondIn,
    TrackOut,
)

router = Router(tags=["complaints"])
MAX_PAGE = 200


def _complaints(request, action="view"):
    return Complaint.objects.restrict(request.user, action)


def _one(model, request, pk):
    if pk is None:
        return None
    return get_object_or_404(model.objects.restrict(request.user, "view"), pk=pk)


def _handler(pk: int) -> User:
    return get_object_or_404(
        User.objects.filter(is_active=True, role__in=HANDLERS | {Role.ADMIN}), pk=pk
    )


@router.post("/", response={201: ComplaintOut, ERRORS: ErrorOut}, summary="Receive a complaint")
@idempotent
def complaint_create(request, payload: ComplaintIn):
    if not Complaint.policy.allows(request.user, "add"):
        raise PermissionDenied
    complaint = services.complaint_receive(
        by=request.user,
        channel=payload.channel,
        subject=payload.subject,
        description=payload.description,
        remedy_sought=payload.remedy_sought,
        remedy_details=payload.remedy_details,
        customer=_one(Customer, request, payload.customer_id),
        unit=_one(Unit, request, payload.unit_id),
        request=_one(ServiceRequest, request, payload.request_id),
        visit=_one(Visit, request, payload.visit_id),
        contact_name=payload.contact_name,
        contact_email=payload.contact_email,
        contact_phone=payload.contact_phone,
        language=payload.language,
        severity=payload.severity,
        is_safety=payload.is_safety,
    )
    return ninja.Status(201, complaint)


@router.get("/", response=list[ComplaintOut], summary="List complaints")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def complaint_list(request, stage: str = "", overdue: bool = False, root_cause: str = ""):
    queryset = _complaints(request).order_by("-received_at", "-pk")
    if stage:
        queryset = queryset.filter(stage=stage)
    if root_cause:
        queryset = queryset.filter(root_cause=root_cause)
    if overdue:
        queryset = selectors.overdue(queryset, at=timezone.now())
    return queryset


@router.get(
    "/track/{code}",
    response={200: TrackOut, 404: ErrorOut},
    auth=None,
    summary="Public: a complaint's stage by its tracking code (no personal data)",
)
def complaint_track(request, code: str):
    complaint = selectors.by_code(code)
    if complaint is None:
        raise Http404
    return {
        "code": complaint.code,
        "stage": complaint.stage,
        "stage_label": complaint.get_stage_display(),
        "received_on": timezone.localdate(complaint.received_at),
        "decision": complaint.decision,
        "closed_on": timezone.localdate(complaint.closed_at) if complaint.closed_at else None,
    }


@router.get("/{complaint_id}", response={200: ComplaintOut, ERRORS: ErrorOut})
def complaint_get(request, complaint_id: int):
    return get_object_or_404(_complaints(request), pk=complaint_id)


def _changeable(request, complaint_id):
    return get_object_or_404(_complaints(request, "change"), pk=complaint_id)


@router.post("/{complaint_id}/assess", response={200: ComplaintOut, ERRORS: ErrorOut})
def complaint_assess(request, complaint_id: int, payload: AssessIn):
    return services.complaint_assess(
        complaint=_changeable(request, complaint_id),
        by=request.user,
        severity=payload.severity,
        is_safety=payload.is_safety,
        note=payload.note,
        assignee=_handler(payload.assignee_id) if payload.assignee_id else None,
    )


@router.post("/{complaint_id}/assign", response={200: ComplaintOut, ERRORS: ErrorOut})
def complaint_assign(request, complaint_id: int, payload: AssignIn):
    return services.complaint_assign(
        complaint=_changeable(request, complaint_id),
        by=request.user,
        assignee=_handler(payload.assignee_id),
    )


@router.post("/{complaint_id}/investigate", response={200: ComplaintOut, ERRORS: ErrorOut})
def complaint_investigate(request, complaint_id: int, payload: InvestigateIn):
    return services.complaint_investigate(
        complaint=_changeable(request, complaint_id), by=request.user, **payload.dict()
    )


@router.post("/{complaint_id}/respond", response={200: ComplaintOut, ERRORS: ErrorOut})
def complaint_respond(request, complaint_id: int, payload: RespondIn):
    return services.complaint_respond(
        complaint=_changeable(request, complaint_id), by=request.user, **payload.dict()
    )


@router.post("/{complaint_id}/follow-up", response={200: ComplaintOut, ERRORS: ErrorOut})
def complaint_follow_up(request, complaint_id: int, payload: FollowUpIn):
    return services.complaint_follow_up(
        complaint=_changeable(request, complaint_id), by=request.user, **payload.dict()
    )


@router.post("/{complaint_id}/close", response={200: ComplaintOut, ERRORS: ErrorOut})
def complaint_close(request, complaint_id: int, payload: CloseIn):
    return services.complaint_close(
        complaint=_changeable(request, complaint_id), by=request.user, note=payload.note
    )
