"""The spare-parts API: stock levels and availability, the ledger's moves, transfers,
reservations and defective-part returns. Thin: parse, call one service or selector, render.

Lists answer only what the caller may see (`restrict`); a warehouse out of scope is a 404. Creates
honour `Idempotency-Key`. A shortage answers 422 with the service's "Not enough stock" message.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from aftersales.agents.models import Agent
from aftersales.catalog.models import Part
from aftersales.core.access import demand
from aftersales.core.idempotency import idempotent
from aftersales.customers.models import Customer
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.units.models import Unit

from . import selectors, services
from .choices import MoveKind
from .models import (
    CounterSale,
    DefectiveReturn,
    Reservation,
    StockLevel,
    StockMove,
    Transfer,
    Warehouse,
)
from .schemas import (
    AvailabilityOut,
    FillRateOut,
    LevelOut,
    MoveIn,
    MoveOut,
    PartAvailabilityOut,
    PickLineOut,
    ReservationIn,
    ReservationOut,
    ReturnIn,
    ReturnInspectIn,
    ReturnOut,
    ReturnShipIn,
    SaleIn,
    SaleOut,
    TransferIn,
    TransferOut,
    UnitPartOut,
)
from .selectors import INSPECTORS, postable_warehouses

router = Router(tags=["parts"])
MAX_PAGE = 200


def _part(user, sku: str) -> Part:
    part = Part.objects.restrict(user, "view").filter(sku__iexact=sku.strip()).first()
    if part is None:
        raise ValidationError({"sku": [_("No part with this SKU.")]})
    return part


def _postable(user, warehouse_id: int) -> Warehouse:
    demand(user, StockMove, "add")
    return get_object_or_404(postable_warehouses(user), pk=warehouse_id)


# --- levels and availability -------------------------------------------------------------------


@router.get("/levels", response={200: list[LevelOut], ERRORS: ErrorOut}, summary="Stock levels")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def level_list(
    request, warehouse_id: int | None = None, q: str = "", below_reorder_point: bool = False
):
    """Levels the caller may see; `q` matches SKU or name."""
    levels = selectors.level_search(
        StockLevel.objects.restrict(request.user, "view").select_related("warehouse", "part"), q
    )
    if warehouse_id is not None:
        levels = levels.filter(warehouse_id=warehouse_id)
    if below_reorder_point:
        levels = selectors.below_reorder_point(levels)
    return levels.order_by("warehouse__code", "part__sku")


@router.get(
    "/availability",
    response={200: AvailabilityOut, ERRORS: ErrorOut},
    summary="Availability of one part in one warehouse",
)
def availability(request, warehouse_id: int, part_id: int):
    get_object_or_404(Warehouse.objects.restrict(request.user, "view"), pk=warehouse_id)
    found = selectors.availability(warehouse_id=warehouse_id, part_id=part_id)
    return {
        "warehouse_id": warehouse_id,
        "part_id": part_id,
        "on_hand": found.on_hand,
        "reserved": found.reserved,
        "available": found.available,
        "in_transit": found.in_transit,
        "defective": found.defective,
    }


@router.get(
    "/parts/{sku}/availability",
    response={200: PartAvailabilityOut, ERRORS: ErrorOut},
    summary="Where a part can be had (following supersession)",
)
def part_availability(request, sku: str):
    demand(request.user, StockLevel, "view")
    part = Part.objects.restrict(request.user, "view").filter(sku__iexact=sku).first()
    if part is None:
        raise Http404
    answer = selectors.part_availability(user=request.user, part=part)
    return {
        "sku": part.sku,
        "current_sku": answer["current"].sku,
        "total_available": answer["total_available"],
        "total_in_transit": answer["total_in_transit"],
        "levels": answer["levels"],
    }


@router.get("/fill-rates", response={200: list[FillRateOut], ERRORS: ErrorOut}, summary="Fill rate")
def fill_rates(request):
    """Per warehouse: lines served from stock / lines requested."""
    return [
        {
            "warehouse_id": warehouse.pk,
            "warehouse_code": warehouse.code,
            "requested": rate.requested,
            "served": rate.served,
            "rate": float(rate.rate) if rate.rate is not None else None,
        }
        for warehouse, rate in selectors.fill_rates(user=request.user)
    ]


# --- moves -------------------------------------------------------------------------------------


@router.get("/moves", response={200: list[MoveOut], ERRORS: ErrorOut}, summary="Stock moves")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def move_list(
    request,
    warehouse_id: int | None = None,
    sku: str = "",
    kind: MoveKind | None = None,
    document_number: str = "",
):
    """The ledger, newest first, limited to the warehouses the caller may see."""
    moves = StockMove.objects.restrict(request.user, "view").select_related("part")
    if warehouse_id is not None:
        moves = moves.filter(warehouse_id=warehouse_id)
    if sku:
        moves = moves.filter(part__sku__iexact=sku)
    if kind:
        moves = moves.filter(kind=kind)
    if document_number:
        moves = moves.filter(document_number=document_number)
    return moves.order_by("-at", "-pk")


@router.post("/moves", response={201: MoveOut, ERRORS: ErrorOut}, summary="Post a stock move")
@idempotent
def move_create(request, payload: MoveIn):
    """A receipt, a return from a job (`return_unused`, `defective_in`), a direct issue or
    scrap. Transfers, reservations and counts have their own endpoints or screens."""
    warehouse = _postable(request.user, payload.warehouse_id)
    part = _part(request.user, payload.sku)
    common = {
        "warehouse": warehouse,
        "part": part,
        "quantity": payload.quantity,
        "document_number": payload.document_number,
        "by": request.user,
    }
    if payload.document_type:
        common["document_type"] = payload.document_type
    if payload.kind == "receipt":
        move = services.stock_receive(note=payload.note, **common)
    elif payload.kind in ("return_unused", "defective_in"):
        move = services.stock_return(
            defective=payload.kind == "defective_in", note=payload.note, **common
        )
    elif payload.kind == "issue":
        move = services.stock_issue(**common)
    else:
        common.pop("document_type", None)
        move = services.stock_scrap(defective=payload.defective, note=payload.note, **common)
    return Status(201, StockMove.objects.select_related("part").get(pk=move.pk))


# --- transfers ---------------------------------------------------------------------------------


@router.get("/transfers", response={200: list[TransferOut], ERRORS: ErrorOut}, summary="Transfers")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def transfer_list(request, status: str = ""):
    transfers = Transfer.objects.restrict(request.user, "view").select_related("part")
    if status:
        transfers = transfers.filter(status=status)
    return transfers.order_by("-shipped_at", "-pk")


@router.post("/transfers", response={201: TransferOut, ERRORS: ErrorOut}, summary="Send a transfer")
@idempotent
def transfer_create(request, payload: TransferIn):
    source = _postable(request.user, payload.source_id)
    destination = get_object_or_404(
        Warehouse.objects.filter(is_active=True), pk=payload.destination_id
    )
    transfer = services.stock_transfer(
        source=source,
        destination=destination,
        part=_part(request.user, payload.sku),
        quantity=payload.quantity,
        note=payload.note,
        by=request.user,
    )
    return Status(201, transfer)


@router.post(
    "/transfers/{int:transfer_id}/receive",
    response={200: TransferOut, ERRORS: ErrorOut},
    summary="Receive a transfer",
)
def transfer_receive(request, transfer_id: int):
    transfer = get_object_or_404(Transfer.objects.restrict(request.user, "change"), pk=transfer_id)
    _postable(request.user, transfer.destination_id)
    return services.transfer_receive(transfer=transfer, by=request.user)


# --- reservations ------------------------------------------------------------------------------


def _reservations(user, action="view"):
    return Reservation.objects.restrict(user, action).select_related("part", "requested_part")


@router.get(
    "/reservations", response={200: list[ReservationOut], ERRORS: ErrorOut}, summary="Reservations"
)
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def reservation_list(
    request, warehouse_id: int | None = None, status: str = "", document_number: str = ""
):
    reservations = _reservations(request.user)
    if warehouse_id is not None:
        reservations = reservations.filter(warehouse_id=warehouse_id)
    if status:
        reservations = reservations.filter(status=status)
    if document_number:
        reservations = reservations.filter(document_number=document_number)
    return reservations.order_by("-created_at", "-pk")


@router.post(
    "/reservations", response={201: ReservationOut, ERRORS: ErrorOut}, summary="Reserve parts"
)
@idempotent
def reservation_create(request, payload: ReservationIn):
    """Not enough available stock answers 422 ("Not enough stock of …")."""
    demand(request.user, Reservation, "add")
    warehouse = _postable(request.user, payload.warehouse_id)
    reservation = services.stock_reserve(
        warehouse=warehouse,
        part=_part(request.user, payload.sku),
        quantity=payload.quantity,
        document_type=payload.document_type,
        document_number=payload.document_number,
        by=request.user,
    )
    return Status(201, _reservations(request.user).get(pk=reservation.pk))


def _reservation_action(request, reservation_id: int, service):
    reservation = get_object_or_404(_reservations(request.user, "change"), pk=reservation_id)
    _postable(request.user, reservation.warehouse_id)
    service(reservation=reservation, by=request.user)
    return _reservations(request.user).get(pk=reservation.pk)


@router.post(
    "/reservations/{int:reservation_id}/release",
    response={200: ReservationOut, ERRORS: ErrorOut},
    summary="Release a reservation",
)
def reservation_release(request, reservation_id: int):
    return _reservation_action(request, reservation_id, services.reservation_release)


@router.post(
    "/reservations/{int:reservation_id}/issue",
    response={200: ReservationOut, ERRORS: ErrorOut},
    summary="Issue a reservation to its job",
)
def reservation_issue(request, reservation_id: int):
    return _reservation_action(
        request, reservation_id, lambda **kwargs: services.stock_issue(**kwargs)
    )


# --- defective-part returns --------------------------------------------------------------------


def _returns(user, action="view"):
    return DefectiveReturn.objects.restrict(user, action).select_related("part")


@router.get("/returns", response={200: list[ReturnOut], ERRORS: ErrorOut}, summary="Returns")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def return_list(request, status: str = "", claim_number: str = ""):
    returns = _returns(request.user)
    if status:
        returns = returns.filter(status=status)
    if claim_number:
        returns = returns.filter(claim_number=claim_number)
    return returns.order_by("-authorized_at", "-pk")


@router.post("/returns", response={201: ReturnOut, ERRORS: ErrorOut}, summary="Authorize a return")
@idempotent
def return_create(request, payload: ReturnIn):
    """A return authorization number for defective parts held in `source_id`; the destination
    is the central warehouse unless given."""
    demand(request.user, DefectiveReturn, "add")
    source = _postable(request.user, payload.source_id)
    destination = None
    if payload.destination_id is not None:
        destination = get_object_or_404(
            Warehouse.objects.filter(is_active=True), pk=payload.destination_id
        )
    item = services.return_authorize(
        source=source,
        destination=destination,
        part=_part(request.user, payload.sku),
        quantity=payload.quantity,
        claim_number=payload.claim_number,
        by=request.user,
    )
    return Status(201, _returns(request.user).get(pk=item.pk))


@router.post(
    "/returns/{int:return_id}/ship",
    response={200: ReturnOut, ERRORS: ErrorOut},
    summary="Ship a return",
)
def return_ship(request, return_id: int, payload: ReturnShipIn):
    item = get_object_or_404(_returns(request.user, "change"), pk=return_id)
    _postable(request.user, item.source_id)
    return services.return_ship(item=item, by=request.user, **payload.dict())


@router.post(
    "/returns/{int:return_id}/receive",
    response={200: ReturnOut, ERRORS: ErrorOut},
    summary="Receive a return",
)
def return_receive(request, return_id: int):
    item = get_object_or_404(_returns(request.user, "change"), pk=return_id)
    _postable(request.user, item.destination_id)
    return services.return_receive(item=item, by=request.user)


@router.post(
    "/returns/{int:return_id}/inspect",
    response={200: ReturnOut, ERRORS: ErrorOut},
    summary="Record the inspection result",
)
def return_inspect(request, return_id: int, payload: ReturnInspectIn):
    item = get_object_or_404(_returns(request.user, "change"), pk=return_id)
    if not (request.user.is_superuser or request.user.role in INSPECTORS):
        raise PermissionDenied
    return services.return_inspect(
        item=item, result=payload.result, note=payload.note, by=request.user
    )


# --- counter sales -----------------------------------------------------------------------------


def _sales(user):
    return CounterSale.objects.restrict(user, "view")


@router.get("/sales", response={200: list[SaleOut], ERRORS: ErrorOut}, summary="Counter sales")
@paginate(LimitOffsetPagination, max_limit=MAX_PAGE)
def sale_list(request, warehouse_id: int | None = None, status: str = ""):
    sales = _sales(request.user)
    if warehouse_id is not None:
        sales = sales.filter(warehouse_id=warehouse_id)
    if status:
        sales = sales.filter(status=status)
    return sales.order_by("-sold_at", "-pk")


@router.post("/sales", response={201: SaleOut, ERRORS: ErrorOut}, summary="Sell parts")
@idempotent
def sale_create(request, payload: SaleIn):
    """Sell parts over the counter to a customer (customer price list) or an agent (agent price
    list). A line without a price or short of stock answers 422 and nothing is posted. The sale
    waits "to_invoice" for billing."""
    demand(request.user, CounterSale, "add")
    warehouse = _postable(request.user, payload.warehouse_id)
    customer = agent = None
    if payload.customer_id is not None:
        customer = get_object_or_404(
            Customer.objects.restrict(request.user, "view"), pk=payload.customer_id
        )
    if payload.agent_id is not None:
        agent = get_object_or_404(Agent.objects.restrict(request.user, "view"), pk=payload.agent_id)
    sale = services.counter_sale_create(
        warehouse=warehouse,
        customer=customer,
        agent=agent,
        currency=payload.currency,
        lines=[(_part(request.user, line.sku), line.quantity) for line in payload.lines],
        note=payload.note,
        by=request.user,
    )
    return Status(201, _sales(request.user).get(pk=sale.pk))


# --- pick lists and parts for a unit -----------------------------------------------------------


@router.get("/pick-list", response={200: list[PickLineOut], ERRORS: ErrorOut}, summary="Pick list")
def pick_list(request, warehouse_id: int, day: dt.date | None = None, outstanding: bool = False):
    """The active reservations to pick in a warehouse on a day (today unless given), ordered by
    document; `outstanding` adds the earlier ones still active."""
    demand(request.user, Reservation, "view")
    warehouse = get_object_or_404(Warehouse.objects.restrict(request.user, "view"), pk=warehouse_id)
    return list(
        selectors.pick_list(
            user=request.user,
            warehouse=warehouse,
            day=day or timezone.localdate(),
            outstanding=outstanding,
        )
    )


@router.get(
    "/units/{int:unit_id}/parts",
    response={200: list[UnitPartOut], ERRORS: ErrorOut},
    summary="Parts for a unit",
)
def unit_parts(request, unit_id: int):
    """The parts compatible with the unit's model and their availability (following
    supersession) in the warehouses the caller may see."""
    demand(request.user, StockLevel, "view")
    unit = get_object_or_404(Unit.objects.restrict(request.user, "view"), pk=unit_id)
    return [
        {
            "sku": row["part"].sku,
            "current_sku": row["current"].sku,
            "total_available": row["total_available"],
            "total_in_transit": row["total_in_transit"],
        }
        for row in selectors.unit_parts(user=request.user, unit=unit)
    ]
