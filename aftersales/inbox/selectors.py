"""Reads of the incoming e-mail."""

from django.db.models import F, OuterRef, QuerySet, Subquery

from aftersales.core.text import latin_digits
from aftersales.service.choices import Status
from aftersales.service.models import ServiceRequest, StatusChange

from .choices import MessageStatus
from .models import InboundMessage


def messages_for(user, action: str = "view") -> QuerySet[InboundMessage]:
    return InboundMessage.objects.restrict(user, action).select_related(
        "customer", "request", "suggested_request", "handled_by"
    )


def with_hold_since(queryset: QuerySet[InboundMessage]) -> QuerySet[InboundMessage]:
    """Each message with `hold_since`: when its request was last put on hold for the customer."""
    held = StatusChange.objects.filter(
        request=OuterRef("request"), to_status=Status.WAITING_CUSTOMER
    ).order_by("-at")
    return queryset.annotate(hold_since=Subquery(held.values("at")[:1]))


def replied(queryset: QuerySet[InboundMessage]) -> QuerySet[InboundMessage]:
    """Messages in which the customer answered a request on hold for them (still on hold)."""
    return with_hold_since(queryset).filter(
        status=MessageStatus.ATTACHED,
        request__status=Status.WAITING_CUSTOMER,
        received_at__gte=F("hold_since"),
    )


def messages_of_request(*, user, request: ServiceRequest) -> QuerySet[InboundMessage]:
    """The e-mail that went to `request`, oldest first, for those who may read the mail."""
    return (
        with_hold_since(InboundMessage.objects.restrict(user, "view"))
        .filter(request=request)
        .select_related("request")
        .prefetch_related("attachments")
        .order_by("received_at", "pk")
    )


def request_by_number(*, user, number: str) -> ServiceRequest | None:
    """The request numbered `number` (any case, Persian digits allowed) the user may see."""
    number = latin_digits(number or "").strip().upper()
    if not number:
        return None
    return ServiceRequest.objects.restrict(user, "view").filter(number=number).first()
