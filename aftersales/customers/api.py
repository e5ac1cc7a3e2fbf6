"""Customers over the API: list and search, detail, create, change. Thin: parse, call, render."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from aftersales.core.access import demand
from aftersales.core.idempotency import idempotent

from . import services
from .models import Address, Customer, Phone
from .schemas import (
    ERRORS,
    CustomerDetail,
    CustomerFilters,
    CustomerIn,
    CustomerOut,
    CustomerPatch,
    ErrorOut,
)
from .selectors import customer_units, customers_find

router = Router(tags=["customers"])


def _customers(user, action: str = "view"):
    return Customer.objects.restrict(user, action).prefetch_related(
        Prefetch("phones", queryset=Phone.objects.restrict(user, "view"))
    )


def _detail(user, customer: Customer, *, written: bool = False) -> Customer:
    """The customer with the phones, addresses and unit count the caller may see."""
    addresses = Prefetch("addresses", queryset=Address.objects.restrict(user, "view"))
    shown = _customers(user).prefetch_related(addresses).filter(pk=customer.pk).first()
    if shown is None and written:
        # Just written by a caller who may not see it (an agent's new customer who owns none of
        # the agent's units yet): the answer shows what they sent, once.
        shown = Customer.objects.prefetch_related("phones", "addresses").get(pk=customer.pk)
    if shown is None:
        raise Http404
    shown.unit_count = customer_units(user=user, customer=shown).count()
    return shown


@router.get(
    "/", response={200: list[CustomerOut], ERRORS: ErrorOut}, summary="List or search customers"
)
@paginate(PageNumberPagination, page_size=50)
def customer_list(request, filters: Query[CustomerFilters]):
    """The customers the caller may see; `q` finds by phone, national ID / tax code or name."""
    if filters.q:
        customers = customers_find(user=request.user, query=filters.q).prefetch_related(None)
        customers = customers.prefetch_related(
            Prefetch("phones", queryset=Phone.objects.restrict(request.user, "view"))
        )
    else:
        customers = _customers(request.user).order_by("search_name", "pk")
    if filters.country:
        customers = customers.filter(country=filters.country)
    if filters.tier:
        customers = customers.filter(tier=filters.tier)
    return customers


@router.get(
    "/{int:customer_id}", response={200: CustomerDetail, ERRORS: ErrorOut}, summary="A customer"
)
def customer_detail(request, customer_id: int):
    customer = get_object_or_404(Customer.objects.restrict(request.user, "view"), pk=customer_id)
    return _detail(request.user, customer)


@router.post("/", response={201: CustomerDetail, ERRORS: ErrorOut}, summary="Create a customer")
@idempotent
def customer_create(request, payload: CustomerIn):
    """Phones in any format or digits (stored E.164); identity numbers checked by country."""
    demand(request.user, Customer, "add")
    customer = services.customer_create(by=request.user, **payload.service_data())
    return Status(201, _detail(request.user, customer, written=True))


@router.patch(
    "/{int:customer_id}",
    response={200: CustomerDetail, ERRORS: ErrorOut},
    summary="Change a customer",
)
def customer_update(request, customer_id: int, payload: CustomerPatch):
    """Only the fields sent are changed; `phones`, when sent, becomes the full list."""
    demand(request.user, Customer, "change")
    customer = get_object_or_404(Customer.objects.restrict(request.user, "change"), pk=customer_id)
    customer = services.customer_update(
        customer=customer, by=request.user, **payload.service_data(customer)
    )
    return _detail(request.user, customer, written=True)
