"""The club API: a customer's points with their latest movements, and the desk's adjustment
(idempotent). Through `restrict()`: another customer's points are a 404."""

import ninja
from django.shortcuts import get_object_or_404
from ninja import Router

from aftersales.core.access import demand
from aftersales.core.idempotency import idempotent
from aftersales.customers.models import Customer
from aftersales.customers.schemas import ERRORS, ErrorOut

from . import services
from .models import PointsEntry
from .schemas import AdjustIn, BalanceOut, EntryOut

router = Router(tags=["club"])
LATEST = 50


def _customer(request, customer_id: int) -> Customer:
    demand(request.user, PointsEntry, "view")
    return get_object_or_404(Customer.objects.restrict(request.user, "view"), pk=customer_id)


@router.get(
    "/customers/{customer_id}",
    response={200: BalanceOut, ERRORS: ErrorOut},
    summary="A customer's club points",
)
def balance_get(request, customer_id: int):
    customer = _customer(request, customer_id)
    entries = PointsEntry.objects.restrict(request.user, "view").filter(customer=customer)
    return {
        "customer_id": customer.pk,
        "balance": services.balance(customer),
        "entries": list(entries[:LATEST]),
    }


@router.post(
    "/customers/{customer_id}/adjust",
    response={201: EntryOut, ERRORS: ErrorOut},
    summary="Add points to a customer or redeem them",
)
@idempotent
def adjust(request, customer_id: int, payload: AdjustIn):
    demand(request.user, PointsEntry, "add")
    customer = _customer(request, customer_id)
    entry = services.adjust(
        customer=customer, points=payload.points, reason=payload.reason, by=request.user
    )
    return ninja.Status(201, entry)
