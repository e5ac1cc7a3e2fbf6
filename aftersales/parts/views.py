"""Pages of the spare-parts warehouse: the keeper's stock list, a part's availability, receive /
transfer / count forms, the technician's van, movement history, returns and reorder."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from aftersales.catalog.models import Part
from aftersales.core.money import quantize
from aftersales.core.templatetags.aftersales import digits
from aftersales.core.views.edit import errors_to_form, form_page, require, submit
from aftersales.core.views.lists import Column, ObjectListView
from aftersales.units.models import Unit

from . import selectors, services
from .choices import DocumentType, ReservationStatus, ReturnStatus, SuggestionStatus, TransferStatus
from .filters import (
    CounterSaleFilter,
    PickListFilter,
    ReturnFilter,
    StockLevelFilter,
    StockMoveFilter,
    SuggestionFilter,
    TransferFilter,
    WarehouseFilter,
)
from .forms import (
    CounterSaleForm,
    CountForm,
    PlanForm,
    ReceiveForm,
    ReserveForm,
    ReturnAuthorizeForm,
    ReturnInspectForm,
    ReturnShipForm,
    ScrapForm,
    TransferForm,
    VanReturnForm,
    WarehouseForm,
)
from .models import (
    CounterSale,
    DefectiveReturn,
    ReorderSuggestion,
    Reservation,
    StockCount,
    StockLevel,
    StockMove,
    Transfer,
    Warehouse,
)
from .selectors import INSPECTORS, postable_warehouses


def _next_or(request, default):
    """Where a POST action returns: its `next` when it is a page of this site, else `default`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _postable_or_404(user, warehouse_id) -> Warehouse:
    return get_object_or_404(postable_warehouses(user), pk=warehouse_id)


# --- lists -------------------------------------------------------------------------------------


class PartsList(ObjectListView):
    """A stock list: the shared list page with the warehouse's tabs above it."""

    list_template = "parts/list.html"

    @property
    def template_name(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return "core/object_list.html"  # the view asks for its #results partial
        return self.list_template


class StockList(PartsList):
    """The warehouse keeper's stock list."""

    model = StockLevel
    filterset_class = StockLevelFilter
    default_sort = "part__sku"
    select_related = ("warehouse", "part")
    title = gettext_lazy("Stock")
    columns = [
        Column("part.sku", gettext_lazy("SKU"), sort="part__sku", link=True, kind="serial"),
        Column("part.name", gettext_lazy("Name"), sort="part__name"),
        Column("warehouse.code", gettext_lazy("Warehouse"), sort="warehouse__code", kind="serial"),
        Column("on_hand", gettext_lazy("On hand"), sort="on_hand", kind="number"),
        Column("reserved", gettext_lazy("Reserved"), sort="reserved", kind="number"),
        Column("available", gettext_lazy("Available"), kind="number"),
        Column("in_transit", gettext_lazy("In transit"), sort="in_transit", kind="number"),
        Column("defective", gettext_lazy("Defective"), sort="defective", kind="number"),
        Column("reorder_point", gettext_lazy("Reorder point"), sort="reorder_point", kind="number"),
    ]

    def can_create(self):
        return False


class WarehouseList(PartsList):
    model = Warehouse
    filterset_class = WarehouseFilter
    default_sort = "code"
    select_related = ("agent", "technician")
    columns = [
        Column("code", gettext_lazy("Code"), sort="code", link=True, kind="serial"),
        Column("name", gettext_lazy("Name"), sort="name"),
        Column("get_kind_display", gettext_lazy("Kind"), sort="kind"),
        Column("agent.name", gettext_lazy("Agent"), sort="agent__name"),
        Column("technician.full_name", gettext_lazy("Technician")),
        Column("region", gettext_lazy("Region"), sort="region"),
    ]

    @property
    def create_url(self):
        return reverse("parts:warehouse_create")


class MoveList(PartsList):
    """Movement history: every line of the ledger the user may see."""

    model = StockMove
    filterset_class = StockMoveFilter
    default_sort = "-at"
    select_related = ("warehouse", "part", "by", "other_warehouse")
    title = gettext_lazy("Stock moves")
    columns = [
        Column("at", gettext_lazy("When"), sort="at", kind="datetime"),
        Column("warehouse.code", gettext_lazy("Warehouse"), sort="warehouse__code", kind="serial"),
        Column("part.sku", gettext_lazy("SKU"), sort="part__sku", kind="serial"),
        Column("get_kind_display", gettext_lazy("Kind"), sort="kind"),
        Column("quantity", gettext_lazy("Quantity"), sort="quantity", kind="number"),
        Column("on_hand", gettext_lazy("On hand change"), kind="number"),
        Column("reserved", gettext_lazy("Reserved change"), kind="number"),
        Column("get_document_type_display", gettext_lazy("Document")),
        Column("document_number", gettext_lazy("Number"), sort="document_number", kind="serial"),
        Column("other_warehouse.code", gettext_lazy("Other warehouse"), kind="serial"),
        Column("by.username", gettext_lazy("By")),
    ]

    def can_create(self):
        return False


class TransferList(PartsList):
    """Transfers between warehouses: those in transit first to be found by status."""

    model = Transfer
    filterset_class = TransferFilter
    default_sort = "-shipped_at"
    select_related = ("source", "destination", "part")
    title = gettext_lazy("Transfers")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("shipped_at", gettext_lazy("Shipped"), sort="shipped_at", kind="datetime"),
        Column("source.code", pgettext_lazy("movement", "From"), kind="serial"),
        Column("destination.code", pgettext_lazy("movement", "To"), kind="serial"),
        Column("part.sku", gettext_lazy("SKU"), sort="part__sku", kind="serial"),
        Column("quantity", gettext_lazy("Quantity"), sort="quantity", kind="number"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("received_at", gettext_lazy("Received"), sort="received_at", kind="datetime"),
    ]

    @property
    def create_url(self):
        return reverse("parts:transfer_create")

    def can_create(self):
        return StockMove.policy.allows(self.request.user, "add")


class ReturnList(PartsList):
    model = DefectiveReturn
    filterset_class = ReturnFilter
    default_sort = "-authorized_at"
    select_related = ("source", "destination", "part")
    columns = [
        Column(
            "number", gettext_lazy("Return authorization"), sort="number", link=True, kind="serial"
        ),
        Column("authorized_at", gettext_lazy("Authorized"), sort="authorized_at", kind="date"),
        Column("part.sku", gettext_lazy("SKU"), sort="part__sku", kind="serial"),
        Column("quantity", gettext_lazy("Quantity"), kind="number"),
        Column("source.code", gettext_lazy("From"), kind="serial"),
        Column("destination.code", gettext_lazy("To"), kind="serial"),
        Column("claim_number", gettext_lazy("Claim"), kind="serial"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("get_result_display", gettext_lazy("Inspection result"), sort="result"),
    ]

    @property
    def create_url(self):
        return reverse("parts:return_create")

    def can_create(self):
        return DefectiveReturn.policy.allows(self.request.user, "add")


# --- warehouses and levels ---------------------------------------------------------------------


@login_required
def warehouse_detail(request, pk: int):
    warehouse = get_object_or_404(
        Warehouse.objects.restrict(request.user, "view").select_related("agent", "technician"),
        pk=pk,
    )
    levels = warehouse.levels.select_related("part").order_by("part__sku")
    context = {
        "obj": warehouse,
        "title": str(warehouse),
        "levels": levels,
        "moves": selectors.moves_of(user=request.user, warehouse=warehouse)[:50],
        "fill_rate": selectors.fill_rate(warehouse=warehouse),
        "transfers_in": Transfer.objects.filter(
            destination=warehouse, status=TransferStatus.IN_TRANSIT
        ).select_related("source", "part"),
        "can_post": postable_warehouses(request.user).filter(pk=warehouse.pk).exists(),
        "can_change": Warehouse.policy.allows(request.user, "change"),
        "can_suggest": ReorderSuggestion.policy.allows(request.user, "add"),
    }
    return TemplateResponse(request, "parts/warehouse_detail.html", context)


@login_required
def warehouse_create(request):
    require(request, Warehouse, "add")
    form = WarehouseForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda data: services.warehouse_create(by=request.user, **data),
        title=_("New warehouse"),
        cancel_url=reverse("parts:warehouses"),
        done=_("Warehouse created."),
    )


@login_required
def warehouse_edit(request, pk: int):
    warehouse = get_object_or_404(Warehouse.objects.restrict(request.user, "change"), pk=pk)
    form = WarehouseForm(request.POST or None, instance=warehouse)
    return form_page(
        request,
        form,
        save=lambda data: services.warehouse_update(warehouse=warehouse, by=request.user, **data),
        title=_("Edit %(name)s") % {"name": warehouse},
        cancel_url=warehouse.get_absolute_url(),
        done=_("Changes saved."),
    )


def _level_page(request, level, *, plan_form=None, status=200):
    can_plan = StockLevel.policy.allows(request.user, "change")
    if can_plan and plan_form is None:
        plan_form = PlanForm(
            initial={
                "min_stock": level.min_stock,
                "reorder_point": level.reorder_point,
                "max_stock": level.max_stock,
            }
        )
    context = {
        "obj": level,
        "title": f"{level.part.sku} · {level.warehouse.code}",
        "moves": selectors.moves_of(user=request.user, warehouse=level.warehouse, part=level.part)[
            :100
        ],
        "reservations": Reservation.objects.filter(
            warehouse=level.warehouse, part=level.part, status=ReservationStatus.ACTIVE
        ),
        "forecast": selectors.part_forecast(warehouse=level.warehouse, part=level.part),
        "consumption": selectors.monthly_consumption(
            warehouse=level.warehouse, part=level.part, months=12
        ),
        "plan_form": plan_form if can_plan else None,
        "can_post": postable_warehouses(request.user).filter(pk=level.warehouse_id).exists(),
    }
    return TemplateResponse(request, "parts/level_detail.html", context, status=status)


@login_required
def level_detail(request, pk: int):
    level = get_object_or_404(
        StockLevel.objects.restrict(request.user, "view").select_related("warehouse", "part"),
        pk=pk,
    )
    return _level_page(request, level)


@login_required
@require_POST
def level_plan(request, pk: int):
    level = get_object_or_404(
        StockLevel.objects.restrict(request.user, "change").select_related("warehouse", "part"),
        pk=pk,
    )
    form = PlanForm(request.POST)
    if response := submit(
        request,
        form,
        save=lambda data: services.stock_level_plan(
            warehouse=level.warehouse, part=level.part, by=request.user, **data
        ),
        done=_("Reorder plan saved."),
        then=level,
    ):
        return response
    return _level_page(request, level, plan_form=form, status=400)


# --- availability ------------------------------------------------------------------------------


@login_required
def availability(request):
    """Where a part can be had, by SKU (an old number shows the stock of its successors)."""
    require(request, StockLevel, "view")
    sku = (request.GET.get("sku") or "").strip()
    context = {"title": _("Part availability"), "sku": sku, "answer": None}
    if sku:
        part = Part.objects.restrict(request.user, "view").filter(sku__iexact=sku).first()
        if part is None:
            context["not_found"] = True
        else:
            context["answer"] = selectors.part_availability(user=request.user, part=part)
    template = "parts/availability.html"
    if request.htmx and not request.htmx.boosted:
        template += "#answer"
    return TemplateResponse(request, template, context)


# --- stock forms -------------------------------------------------------------------------------


def _initial(request):
    return {key: request.GET[key] for key in ("warehouse", "source", "part") if key in request.GET}


def _level_of(warehouse, part) -> StockLevel:
    return StockLevel.objects.get(warehouse=warehouse, part=part)


def _posting_page(request, model, form_class, post, *, title, done, intro=None):
    """A stock posting on a warehouse the user posts to; done, the part's level there."""
    require(request, model, "add")
    form = form_class(
        request.POST or None,
        initial=_initial(request),
        user=request.user,
        warehouses=postable_warehouses(request.user),
    )

    def save(data):
        post(data)
        return _level_of(data["warehouse"], data["part"])

    return form_page(
        request,
        form,
        save=save,
        title=title,
        intro=intro,
        cancel_url=reverse("parts:stock"),
        done=done,
    )


@login_required
def receive(request):
    return _posting_page(
        request,
        StockMove,
        ReceiveForm,
        lambda data: services.stock_receive(by=request.user, **data),
        title=_("Receive parts"),
        done=_("Receipt posted."),
    )


@login_required
def scrap(request):
    return _posting_page(
        request,
        StockMove,
        ScrapForm,
        lambda data: services.stock_scrap(by=request.user, **data),
        title=_("Scrap parts"),
        done=_("Scrap posted."),
    )


@login_required
def transfer_create(request):
    require(request, StockMove, "add")
    warehouses = postable_warehouses(request.user)
    form = TransferForm(
        request.POST or None, initial=_initial(request), user=request.user, warehouses=warehouses
    )
    # Any active warehouse may receive; only the source must be the sender's own.
    form.fields["destination"].queryset = Warehouse.objects.filter(is_active=True)
    return form_page(
        request,
        form,
        save=lambda data: services.stock_transfer(by=request.user, **data),
        title=_("Transfer parts"),
        cancel_url=reverse("parts:stock"),
        done=_("Transfer sent."),
    )


@login_required
def transfer_detail(request, pk: int):
    transfer = get_object_or_404(
        Transfer.objects.restrict(request.user, "view").select_related(
            "source", "destination", "part", "shipped_by", "received_by"
        ),
        pk=pk,
    )
    context = {
        "obj": transfer,
        "title": _("Transfer %(number)s") % {"number": transfer.number},
        "moves": transfer.moves.select_related("warehouse", "by"),
        # a warehouse out of the user's scope is named, not linked (its page is a 404)
        "linked": set(
            Warehouse.objects.restrict(request.user, "view")
            .filter(pk__in=(transfer.source_id, transfer.destination_id))
            .values_list("pk", flat=True)
        ),
        "can_receive": transfer.status == TransferStatus.IN_TRANSIT
        and postable_warehouses(request.user).filter(pk=transfer.destination_id).exists(),
    }
    return TemplateResponse(request, "parts/transfer_detail.html", context)


@login_required
@require_POST
def transfer_receive(request, pk: int):
    transfer = get_object_or_404(Transfer.objects.restrict(request.user, "change"), pk=pk)
    _postable_or_404(request.user, transfer.destination_id)
    try:
        services.transfer_receive(transfer=transfer, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Transfer received."))
    return redirect(_next_or(request, transfer))


@login_required
def count(request):
    return _posting_page(
        request,
        StockCount,
        CountForm,
        lambda data: services.stock_count_post(
            warehouse=data["warehouse"], counts=[(data["part"], data["counted"])], by=request.user
        ),
        title=_("Count and adjust"),
        intro=_("The difference between the count and the stock on hand is posted to the ledger."),
        done=_("Count posted."),
    )


@login_required
def reserve(request):
    return _posting_page(
        request,
        Reservation,
        ReserveForm,
        lambda data: services.stock_reserve(by=request.user, **data),
        title=_("Reserve parts"),
        done=_("Parts reserved."),
    )


def _reservation_or_404(request, pk) -> Reservation:
    reservation = get_object_or_404(Reservation.objects.restrict(request.user, "change"), pk=pk)
    _postable_or_404(request.user, reservation.warehouse_id)
    return reservation


@login_required
@require_POST
def reservation_issue(request, pk: int):
    reservation = _reservation_or_404(request, pk)
    try:
        services.stock_issue(reservation=reservation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Parts issued."))
    return redirect(_next_or(request, _level_of(reservation.warehouse, reservation.part)))


@login_required
@require_POST
def reservation_release(request, pk: int):
    reservation = _reservation_or_404(request, pk)
    try:
        services.reservation_release(reservation=reservation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Reservation released."))
    return redirect(_next_or(request, _level_of(reservation.warehouse, reservation.part)))


# --- the technician's van ----------------------------------------------------------------------


def _van_page(request, van, *, return_form=None, status=200):
    can_post = postable_warehouses(request.user).filter(pk=van.pk).exists()
    if can_post and return_form is None:
        return_form = VanReturnForm(user=request.user)
    context = {
        "obj": van,
        "title": str(van),
        "levels": van.levels.select_related("part")
        .exclude(on_hand=0, defective=0, in_transit=0)
        .order_by("part__sku"),
        "reservations": van.reservations.filter(status=ReservationStatus.ACTIVE).select_related(
            "part"
        ),
        "transfers_in": Transfer.objects.filter(
            destination=van, status=TransferStatus.IN_TRANSIT
        ).select_related("source", "part"),
        "return_form": return_form if can_post else None,
        "can_post": can_post,
    }
    return TemplateResponse(request, "parts/van.html", context, status=status)


@login_required
def my_van(request):
    """The technician's own van (phone-friendly)."""
    van = Warehouse.objects.filter(technician__user=request.user).first()
    if van is None:
        raise Http404
    van = get_object_or_404(Warehouse.objects.restrict(request.user, "view"), pk=van.pk)
    if request.method == "POST":
        form = VanReturnForm(request.POST, user=request.user)
        if form.is_valid():
            _postable_or_404(request.user, van.pk)
            try:
                services.stock_return(warehouse=van, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                messages.success(request, _("Return posted."))
                return redirect("parts:van")
        return _van_page(request, van, return_form=form, status=400)
    return _van_page(request, van)


# --- defective-part returns --------------------------------------------------------------------


@login_required
def return_create(request):
    require(request, DefectiveReturn, "add")
    form = ReturnAuthorizeForm(
        request.POST or None,
        initial=_initial(request),
        user=request.user,
        warehouses=postable_warehouses(request.user),
    )
    form.fields["source"].queryset = postable_warehouses(request.user)
    form.fields["destination"].queryset = Warehouse.objects.filter(is_active=True)
    return form_page(
        request,
        form,
        save=lambda data: services.return_authorize(by=request.user, **data),
        title=_("New return authorization"),
        cancel_url=reverse("parts:returns"),
        done=_("Return authorized."),
    )


def _return_page(request, item, *, ship_form=None, inspect_form=None, status=200):
    posts = postable_warehouses(request.user)
    can_ship = item.status == ReturnStatus.AUTHORIZED and posts.filter(pk=item.source_id).exists()
    can_receive = (
        item.status == ReturnStatus.SHIPPED and posts.filter(pk=item.destination_id).exists()
    )
    can_inspect = item.status == ReturnStatus.RECEIVED and (
        request.user.is_superuser or request.user.role in INSPECTORS
    )
    context = {
        "obj": item,
        "title": _("Return %(number)s") % {"number": item.number},
        "ship_form": (ship_form or ReturnShipForm()) if can_ship else None,
        "can_receive": can_receive,
        "inspect_form": (inspect_form or ReturnInspectForm()) if can_inspect else None,
        "moves": item.moves.select_related("warehouse", "by"),
    }
    return TemplateResponse(request, "parts/return_detail.html", context, status=status)


def _return_or_404(request, pk, action="view") -> DefectiveReturn:
    return get_object_or_404(
        DefectiveReturn.objects.restrict(request.user, action).select_related(
            "source", "destination", "part"
        ),
        pk=pk,
    )


@login_required
def return_detail(request, pk: int):
    return _return_page(request, _return_or_404(request, pk))


@login_required
@require_POST
def return_action(request, pk: int, action: str):
    item = _return_or_404(request, pk, "change")
    posts = postable_warehouses(request.user)
    forms = {}
    try:
        if action == "ship":
            get_object_or_404(posts, pk=item.source_id)
            form = forms["ship_form"] = ReturnShipForm(request.POST)
            if form.is_valid():
                services.return_ship(item=item, by=request.user, **form.cleaned_data)
        elif action == "receive":
            get_object_or_404(posts, pk=item.destination_id)
            services.return_receive(item=item, by=request.user)
        elif action == "inspect":
            if not (request.user.is_superuser or request.user.role in INSPECTORS):
                raise Http404
            form = forms["inspect_form"] = ReturnInspectForm(request.POST)
            if form.is_valid():
                services.return_inspect(item=item, by=request.user, **form.cleaned_data)
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(item)
    if any(not form.is_valid() for form in forms.values()):
        return _return_page(request, item, status=400, **forms)
    messages.success(request, _("Return updated."))
    return redirect(item)


# --- reorder, fill rate, obligation ------------------------------------------------------------


class SuggestionList(PartsList):
    model = ReorderSuggestion
    filterset_class = SuggestionFilter
    default_sort = "-created_at"
    select_related = ("warehouse", "part", "source")
    list_template = "parts/suggestions.html"
    title = gettext_lazy("Reorder suggestions")
    columns = [
        Column("created_at", gettext_lazy("Proposed"), sort="created_at", kind="date"),
        Column("warehouse.code", gettext_lazy("Warehouse"), sort="warehouse__code", kind="serial"),
        Column("part.sku", gettext_lazy("SKU"), sort="part__sku", kind="serial"),
        Column("get_kind_display", gettext_lazy("Kind"), sort="kind"),
        Column("source.code", gettext_lazy("From"), kind="serial"),
        Column("quantity", gettext_lazy("Quantity"), sort="quantity", kind="number"),
        Column("forecast", gettext_lazy("Forecast per month"), kind="number"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
    ]

    def can_create(self):
        return False

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if hasattr(response, "context_data"):
            response.context_data["can_decide"] = ReorderSuggestion.policy.allows(
                request.user, "change"
            )
            response.context_data["pending"] = (
                ReorderSuggestion.objects.restrict(request.user, "view")
                .filter(status=SuggestionStatus.PROPOSED)
                .select_related("warehouse", "part", "source")[:100]
            )
        return response


@login_required
@require_POST
def suggestions_make(request, pk: int):
    require(request, ReorderSuggestion, "add")
    warehouse = get_object_or_404(Warehouse.objects.restrict(request.user, "view"), pk=pk)
    made = services.reorder_suggest(warehouse=warehouse, by=request.user)
    messages.success(
        request, _("%(count)s reorder suggestions proposed.") % {"count": digits(len(made))}
    )
    return redirect(f"{reverse('parts:suggestions')}?warehouse={warehouse.pk}")


@login_required
@require_POST
def suggestion_decide(request, pk: int, decision: str):
    suggestion = get_object_or_404(
        ReorderSuggestion.objects.restrict(request.user, "change"), pk=pk
    )
    decide = {"approve": services.suggestion_approve, "reject": services.suggestion_reject}
    if decision not in decide:
        raise Http404
    try:
        decide[decision](suggestion=suggestion, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Suggestion decided."))
    return redirect("parts:suggestions")


@login_required
def fill_rates(request):
    require(request, StockLevel, "view")
    context = {
        "title": _("Parts fill rate"),
        "rows": selectors.fill_rates(user=request.user),
    }
    return TemplateResponse(request, "parts/fill_rates.html", context)


@login_required
def obligation(request):
    require(request, StockLevel, "view")
    context = {
        "title": _("Availability obligation"),
        "years": selectors.obligation_years(),
        "warnings": selectors.obligation_warnings(user=request.user),
    }
    return TemplateResponse(request, "parts/obligation.html", context)


# --- counter sales -----------------------------------------------------------------------------


def _sale_total(sale: CounterSale):
    """The total in its currency's precision (rials without decimals)."""
    return quantize(sale.total, sale.currency)


class CounterSaleList(PartsList):
    model = CounterSale
    filterset_class = CounterSaleFilter
    default_sort = "-sold_at"
    select_related = ("warehouse", "customer", "agent")
    title = gettext_lazy("Counter sales")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("sold_at", gettext_lazy("Sold"), sort="sold_at", kind="date"),
        Column("warehouse.code", gettext_lazy("Warehouse"), sort="warehouse__code", kind="serial"),
        Column("buyer", gettext_lazy("Buyer")),
        Column(_sale_total, gettext_lazy("Total"), sort="total", kind="number"),
        Column("currency", gettext_lazy("Currency"), sort="currency"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
    ]

    @property
    def create_url(self):
        return reverse("parts:sale_create")


@login_required
def sale_create(request):
    """Sell parts over the counter (phone-friendly: one column of fields)."""
    require(request, CounterSale, "add")
    form = CounterSaleForm(
        request.POST or None,
        initial=_initial(request),
        user=request.user,
        warehouses=postable_warehouses(request.user),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.counter_sale_create(by=request.user, **form.sale_data()),
        title=_("Counter sale"),
        intro=_("Prices come from the customer or agent price list valid today."),
        cancel_url=reverse("parts:sales"),
        done=_("Sale posted: the parts left stock and the sale waits to be invoiced."),
    )


@login_required
def sale_detail(request, pk: int):
    sale = get_object_or_404(
        CounterSale.objects.restrict(request.user, "view").select_related(
            "warehouse", "customer", "agent", "by"
        ),
        pk=pk,
    )
    context = {
        "obj": sale,
        "title": _("Counter sale %(number)s") % {"number": sale.number},
        "lines": sale.lines.select_related("part"),
        "warehouse_visible": Warehouse.objects.restrict(request.user, "view")
        .filter(pk=sale.warehouse_id)
        .exists(),
        "moves": selectors.moves_of(user=request.user, warehouse=sale.warehouse).filter(
            document_type=DocumentType.COUNTER_SALE, document_number=sale.number
        ),
    }
    return TemplateResponse(request, "parts/sale_detail.html", context)


# --- pick lists --------------------------------------------------------------------------------


class PickList(PartsList):
    """The active reservations to pick in a warehouse for a day, grouped by document: a
    printable page, and CSV/Excel through the list export."""

    model = Reservation
    filterset_class = PickListFilter
    select_related = ("warehouse", "part", "requested_part")
    title = gettext_lazy("Pick list")
    columns = [
        Column("warehouse.code", gettext_lazy("Warehouse"), kind="serial"),
        Column("get_document_type_display", gettext_lazy("Document")),
        Column("document_number", gettext_lazy("Number"), kind="serial"),
        Column("part.sku", gettext_lazy("SKU"), kind="serial"),
        Column("part.name", gettext_lazy("Name")),
        Column("requested_part.sku", gettext_lazy("Requested SKU"), kind="serial"),
        Column("quantity", gettext_lazy("Quantity"), kind="number"),
        Column("created_at", gettext_lazy("Reserved"), kind="datetime"),
    ]
    order = ("warehouse__code", "document_type", "document_number", "part__sku", "pk")

    def can_create(self):
        return False

    def get(self, request, *args, **kwargs):
        data = request.GET.copy()
        if not data.get("day"):
            data["day"] = (
                timezone.localdate()
            )  # the box shows the day listed, in the user's calendar
        filterset = self.filterset_class(data, queryset=self.base_queryset(), request=request)
        valid = filterset.is_valid()
        queryset = (filterset.qs if valid else self.model.objects.none()).order_by(*self.order)
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            return self.export(queryset, export)
        query = request.GET.copy()
        query.pop("export", None)
        context = {
            "title": self.title,
            "filterset": filterset,
            "day": filterset.day_value if valid else None,
            "warehouse": filterset.form.cleaned_data.get("warehouse") if valid else None,
            "groups": selectors.pick_groups(queryset[:2000]),
            "query": query.urlencode(),
        }
        return TemplateResponse(request, "parts/pick_list.html", context)


# --- parts for a unit --------------------------------------------------------------------------


@login_required
def unit_parts(request, pk: int):
    """The parts compatible with a unit's model and where they can be had (following
    supersession), in the warehouses the user may see. Asked with htmx, only the table."""
    require(request, StockLevel, "view")
    unit = get_object_or_404(
        Unit.objects.restrict(request.user, "view").select_related("product_model"), pk=pk
    )
    context = {
        "title": _("Parts for %(unit)s") % {"unit": unit},
        "unit": unit,
        "rows": selectors.unit_parts(user=request.user, unit=unit),
    }
    template = "parts/unit_parts.html"
    if request.htmx and not request.htmx.boosted:
        template += "#parts"
    return TemplateResponse(request, template, context)
