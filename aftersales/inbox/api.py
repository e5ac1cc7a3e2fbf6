"""The inbox API: list and read the incoming e-mail; attach a message to a request, open a new
request from it, ignore it. Every query goes through `restrict()`; out of scope is a 404."""

import ninja
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.core.search import contains_any
from aftersales.customers.models import Address, Customer
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.service.models import ServiceRequest, ServiceType
from aftersales.service.schemas import RequestOut
from aftersales.units.models import Unit

from . import selectors, services
from .models import InboundMessage
from .schemas import AttachIn, MessageOut, OpenRequestIn

router = Router(tags=["inbox"])
MAX_PAGE = 200


def _messages(request, action="view"):
    return selectors.messages_for(request.user, action).prefetch_related("attachments")


def _changeable(request, message_id: int) -> InboundMessage:
    if not InboundMessage.policy.allows(request.user, "change"):
        raise PermissionDenied
    return get_object_or_404(_messages(request, "change"), pk=message_id)


@router.get("/messages", response=list[MessageOut], summary="List incoming e-mail")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def message_list(request, status: str = "", q: str = ""):
    queryset = _messages(request).order_by("-received_at", "-pk")
    if status:
        queryset = queryset.filter(status=status)
    if q:
        queryset = contains_any(queryset, q, ("from_address", "from_name", "subject"))
    return queryset


@router.get("/messages/{message_id}", response={200: MessageOut, ERRORS: ErrorOut})
def message_get(request, message_id: int):
    return get_object_or_404(_messages(request), pk=message_id)


@router.post("/messages/{message_id}/attach", response={200: MessageOut, ERRORS: ErrorOut})
def message_attach(request, message_id: int, payload: AttachIn):
    message = _changeable(request, message_id)
    found = selectors.request_by_number(user=request.user, number=payload.request_number)
    if found is None:
        raise ValidationError({"request_number": _("No request has this number.")})
    services.message_attach(message=message, request=found, by=request.user)
    return _messages(request).get(pk=message.pk)


@router.post("/messages/{message_id}/ignore", response={200: MessageOut, ERRORS: ErrorOut})
def message_ignore(request, message_id: int):
    message = _changeable(request, message_id)
    services.message_ignore(message=message, by=request.user)
    return _messages(request).get(pk=message.pk)


@router.post(
    "/messages/{message_id}/request",
    response={201: RequestOut, ERRORS: ErrorOut},
    summary="Open a service request from a message",
)
def message_open_request(request, message_id: int, payload: OpenRequestIn):
    message = _changeable(request, message_id)
    if not ServiceRequest.policy.allows(request.user, "add"):
        raise PermissionDenied
    customers = Customer.objects.restrict(request.user, "view")
    customer_id = payload.customer_id or message.customer_id
    if customer_id is None:
        raise ValidationError({"customer_id": _("Choose the customer: no one has this address.")})
    customer = get_object_or_404(customers, pk=customer_id)
    service_type = (
        ServiceType.objects.restrict(request.user, "view")
        .filter(code=payload.service_type, is_active=True)
        .first()
    )
    if service_type is None:
        raise Http404
    unit = address = None
    if payload.unit_id is not None:
        unit = get_object_or_404(Unit.objects.restrict(request.user, "view"), pk=payload.unit_id)
    if payload.address_id is not None:
        address = get_object_or_404(
            Address.objects.filter(customer=customer), pk=payload.address_id
        )
    description = payload.description or "\n\n".join(
        part for part in (message.subject, message.body) if part
    )
    obj = services.message_open_request(
        message=message,
        by=request.user,
        customer=customer,
        service_type=service_type,
        description=description,
        unit=unit,
        address=address,
        contact_phone=payload.contact_phone,
        preferred_date=payload.preferred_date,
    )
    return ninja.Status(201, obj)
