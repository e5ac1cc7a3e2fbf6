"""Self-scheduling in the API: the windows free for a request, and booking one (idempotent).

The caller is the request's customer (their own requests only) or the desk (a role that plans
visits, within its scope); any other request is "not found". A window taken since it was listed
answers 409 with the reason; any other refusal 422."""

import datetime as dt

import ninja
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from aftersales.core.choices import Role
from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.service.models import ServiceRequest, Visit
from aftersales.service.schemas import VisitOut

from . import slots
from .booking import TAKEN, visit_book

router = Router(tags=["booking"])


class SlotOut(Schema):
    start: dt.datetime
    end: dt.datetime


class OfferOut(Schema):
    slots: list[SlotOut]
    reason: str = ""


class BookIn(Schema):
    start: dt.datetime


def _customer(request) -> bool:
    return request.user.role == Role.CUSTOMER and not request.user.is_superuser


def _request(request, request_id: int) -> ServiceRequest:
    if _customer(request):
        scope = ServiceRequest.objects.restrict(request.user, "view")
    else:
        if not Visit.policy.allows(request.user, "add"):
            raise PermissionDenied
        scope = ServiceRequest.objects.restrict(request.user, "change")
    return get_object_or_404(
        scope.select_related("service_type", "customer", "unit__product_model"), pk=request_id
    )


@router.get(
    "/requests/{request_id}/slots",
    response={200: OfferOut, ERRORS: ErrorOut},
    summary="The times free for a request's visit",
)
def slot_list(request, request_id: int):
    """The windows of the coming business days in which a qualified technician has room; when
    none may be chosen, an empty list and the reason."""
    obj = _request(request, request_id)
    offer = slots.slots_for(obj, desk=not _customer(request))
    return {"slots": offer.slots, "reason": offer.reason}


@router.post(
    "/requests/{request_id}/book",
    response={201: VisitOut, 409: ErrorOut, ERRORS: ErrorOut},
    summary="Book a visit in one of the free windows",
)
@idempotent
def book(request, request_id: int, payload: BookIn):
    """Book the window starting at `start` (as listed by the slots endpoint). Booking the window
    the visit already has answers it again; another window moves the visit (a customer only until
    the cut-off)."""
    obj = _request(request, request_id)
    if payload.start.tzinfo is None:
        raise ValidationError({"start": _("Choose one of the times offered.")})
    try:
        visit = visit_book(request=obj, start=payload.start, by=request.user)
    except ValidationError as error:
        if getattr(error, "code", None) == TAKEN:
            raise HttpError(409, error.messages[0]) from None
        raise
    return ninja.Status(201, visit)
