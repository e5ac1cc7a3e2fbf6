"""The spare-parts warehouse: warehouses and vans, the append-only stock ledger and its cached
levels, reservations, transfers, defective-part returns, stock counts and reorder suggestions.

Stock is never stored, only derived: every change is a `StockMove` (a line of an append-only
ledger) carrying its signed effect on four buckets of one part in one warehouse: on hand,
reserved, in transit (on its way to this warehouse) and defective (faulty parts taken back,
waiting to be returned). `StockLevel` caches the sums per warehouse and part; the services update
it in the same transaction as the move, and the database refuses a level below zero or more
reserved than on hand. Write only through `aftersales.parts.services`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aftersales.core.access import Policy, RestrictedManager, RestrictedQuerySet
from aftersales.core.audit import track
from aftersales.core.choices import STAFF_ROLES, Role

from .choices import (
    CounterSaleStatus,
    DocumentType,
    InspectionResult,
    MoveKind,
    ReservationStatus,
    ReturnStatus,
    SuggestionKind,
    SuggestionStatus,
    TransferStatus,
    WarehouseKind,
)

KEEPERS = frozenset({Role.WAREHOUSE, Role.MANAGER})
SEE_STOCK = STAFF_ROLES | {Role.AGENT}
POST_MOVES = KEEPERS | {Role.AGENT, Role.TECHNICIAN}


@dataclass(frozen=True)
class StockPolicy(Policy):
    """A `Policy` for stock records, reached from the model through `paths` to its warehouse(s).

    Agent staff and agents' technicians see their agent's warehouses and its technicians' vans;
    any technician sees only their own van; the other roles see every warehouse. `buyer` is the
    path to an agent who bought the record (a counter sale): that agent's staff also view it.
    """

    paths: tuple[str, ...] = ("",)
    buyer: str | None = None

    def scope(self, user, action: str) -> Q | None:
        if not self.allows(user, action):
            return None
        if user.is_superuser or user.role == Role.ADMIN:
            return Q()
        if user.role == Role.CUSTOMER or (user.role == Role.AGENT and not user.agent_id):
            return None
        if user.role not in (Role.TECHNICIAN, Role.AGENT):
            return Q()
        q = Q(pk__in=[])
        for path in self.paths:
            if user.role == Role.TECHNICIAN:
                q |= Q(**{f"{path}technician__user": user})
            else:
                q |= Q(**{f"{path}agent_id": user.agent_id})
                q |= Q(**{f"{path}technician__agent_id": user.agent_id})
        if self.buyer and user.role == Role.AGENT and action == "view":
            q |= Q(**{self.buyer: user.agent_id})
        return q


def stock_policy(*paths: str, buyer: str | None = None, **roles) -> StockPolicy:
    """A StockPolicy reaching the Warehouse through each of `paths` (a record is in scope when
    any of its warehouses is)."""
    return StockPolicy(paths=paths or ("",), buyer=buyer, **roles)


class Warehouse(models.Model):
    """A place that holds spare parts: the central warehouse, a regional one, an agent's, or a
    technician's van."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=WarehouseKind)
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="warehouses",
    )
    technician = models.OneToOneField(
        "workforce.Technician",
        verbose_name=_("technician"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="van",
    )
    region = models.CharField(_("region"), max_length=100, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = RestrictedManager()
    policy = stock_policy(view=SEE_STOCK, add=KEEPERS, change=KEEPERS)

    class Meta:
        verbose_name = _("warehouse")
        verbose_name_plural = _("warehouses")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=WarehouseKind.AGENT) | Q(agent__isnull=False),
                name="parts_warehouse_agent_has_agent",
            ),
            models.CheckConstraint(
                condition=~Q(kind=WarehouseKind.VAN) | Q(technician__isnull=False),
                name="parts_warehouse_van_has_technician",
            ),
        ]

    def __str__(self):
        return f"{self.code} · {self.name}"

    def get_absolute_url(self):
        return reverse("parts:warehouse", args=[self.pk])

    def clean(self):
        if self.kind == WarehouseKind.AGENT and not self.agent_id:
            raise ValidationError({"agent": _("An agent's warehouse needs its agent.")})
        if self.kind == WarehouseKind.VAN and not self.technician_id:
            raise ValidationError({"technician": _("A van needs its technician.")})


class StockLevel(models.Model):
    """The cached sums of the ledger for one part in one warehouse, and its reorder plan.

    The four quantities change only together with a `StockMove`, in the same transaction.
    """

    warehouse = models.ForeignKey(
        Warehouse, verbose_name=_("warehouse"), on_delete=models.PROTECT, related_name="levels"
    )
    part = models.ForeignKey(
        "catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT, related_name="levels"
    )
    on_hand = models.IntegerField(_("on hand"), default=0)
    reserved = models.IntegerField(_("reserved"), default=0)
    in_transit = models.IntegerField(_("in transit"), default=0)
    defective = models.IntegerField(_("defective"), default=0)
    min_stock = models.PositiveIntegerField(_("minimum"), default=0)
    max_stock = models.PositiveIntegerField(_("maximum"), default=0)
    reorder_point = models.PositiveIntegerField(_("reorder point"), default=0)

    objects = RestrictedManager()
    policy = stock_policy("warehouse__", view=SEE_STOCK, add=KEEPERS, change=KEEPERS)

    class Meta:
        verbose_name = _("stock level")
        verbose_name_plural = _("stock levels")
        ordering = ["warehouse", "part"]
        constraints = [
            models.UniqueConstraint(fields=["warehouse", "part"], name="parts_level_unique"),
            models.CheckConstraint(condition=Q(on_hand__gte=0), name="parts_level_on_hand_gte_0"),
            models.CheckConstraint(condition=Q(reserved__gte=0), name="parts_level_reserved_gte_0"),
            models.CheckConstraint(
                condition=Q(reserved__lte=F("on_hand")), name="parts_level_reserved_lte_on_hand"
            ),
            models.CheckConstraint(
                condition=Q(in_transit__gte=0), name="parts_level_in_transit_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(defective__gte=0), name="parts_level_defective_gte_0"
            ),
        ]

    def __str__(self):
        return f"{self.warehouse.code} {self.part.sku}: {self.on_hand}"

    def get_absolute_url(self):
        return reverse("parts:level", args=[self.pk])

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def below_reorder_point(self) -> bool:
        return self.reorder_point > 0 and self.available + self.in_transit <= self.reorder_point


class StockMoveQuerySet(RestrictedQuerySet):
    """The ledger is append-only: no bulk update or delete through the ORM."""

    def update(self, **kwargs):
        raise TypeError("stock moves cannot be changed: post a correcting move")

    def delete(self):
        raise TypeError("stock moves cannot be deleted: post a correcting move")


class StockMove(models.Model):
    """One line of the append-only stock ledger: a part, a warehouse, a kind of move, its signed
    effect on each bucket, the document that caused it, who posted it and when.

    Extension points: `visit` and `claim` links arrive with the service and warranty apps; until
    then `document_type` + `document_number` name the document.
    """

    warehouse = models.ForeignKey(
        Warehouse, verbose_name=_("warehouse"), on_delete=models.PROTECT, related_name="moves"
    )
    part = models.ForeignKey(
        "catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT, related_name="moves"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MoveKind)
    quantity = models.PositiveIntegerField(_("quantity"))
    on_hand = models.IntegerField(_("on hand change"), default=0)
    reserved = models.IntegerField(_("reserved change"), default=0)
    in_transit = models.IntegerField(_("in transit change"), default=0)
    defective = models.IntegerField(_("defective change"), default=0)
    document_type = models.CharField(_("document type"), max_length=20, choices=DocumentType)
    document_number = models.CharField(_("document number"), max_length=60)
    other_warehouse = models.ForeignKey(
        Warehouse,
        verbose_name=_("other warehouse"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reservation = models.ForeignKey(
        "Reservation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moves",
        verbose_name=_("reservation"),
    )
    transfer = models.ForeignKey(
        "Transfer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moves",
        verbose_name=_("transfer"),
    )
    defective_return = models.ForeignKey(
        "DefectiveReturn",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moves",
        verbose_name=_("defective return"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    objects = RestrictedManager.from_queryset(StockMoveQuerySet)()
    policy = stock_policy("warehouse__", view=SEE_STOCK, add=POST_MOVES)

    class Meta:
        verbose_name = _("stock move")
        verbose_name_plural = _("stock moves")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["warehouse", "part", "at"], name="parts_move_wh_part_at"),
            models.Index(fields=["part", "kind", "at"], name="parts_move_part_kind_at"),
            models.Index(fields=["document_type", "document_number"], name="parts_move_doc"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="parts_move_quantity_gt_0"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.quantity} × {self.part_id} @ {self.warehouse_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise TypeError("stock moves cannot be changed: post a correcting move")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("stock moves cannot be deleted: post a correcting move")


class Reservation(models.Model):
    """Units of a part set aside in a warehouse for a document (e.g. a scheduled visit).

    `requested_part` is the number asked for; `part` is the one reserved (its successor when the
    old number is superseded and out of stock). Extension point: a `visit` link (issue 3).
    """

    warehouse = models.ForeignKey(
        Warehouse,
        verbose_name=_("warehouse"),
        on_delete=models.PROTECT,
        related_name="reservations",
    )
    part = models.ForeignKey(
        "catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT, related_name="+"
    )
    requested_part = models.ForeignKey(
        "catalog.Part",
        verbose_name=_("requested part"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReservationStatus, default=ReservationStatus.ACTIVE
    )
    document_type = models.CharField(_("document type"), max_length=20, choices=DocumentType)
    document_number = models.CharField(_("document number"), max_length=60)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = RestrictedManager()
    policy = stock_policy("warehouse__", view=SEE_STOCK, add=POST_MOVES, change=POST_MOVES)

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="parts_reservation_quantity_gt_0"
            ),
        ]

    def __str__(self):
        return f"{self.document_number}: {self.quantity} × {self.part_id}"


class Transfer(models.Model):
    """Units of a part sent from one warehouse to another: out of the source at once, in transit
    until the destination receives them."""

    number = models.CharField(_("number"), max_length=40, unique=True)
    source = models.ForeignKey(
        Warehouse,
        verbose_name=pgettext_lazy("movement", "from"),
        on_delete=models.PROTECT,
        related_name="transfers_out",
    )
    destination = models.ForeignKey(
        Warehouse,
        verbose_name=pgettext_lazy("movement", "to"),
        on_delete=models.PROTECT,
        related_name="transfers_in",
    )
    part = models.ForeignKey(
        "catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    status = models.CharField(
        _("status"), max_length=12, choices=TransferStatus, default=TransferStatus.IN_TRANSIT
    )
    shipped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shipped by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    shipped_at = models.DateTimeField(_("shipped"), default=timezone.now)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    received_at = models.DateTimeField(_("received"), null=True, blank=True)

    objects = RestrictedManager()
    policy = stock_policy(
        "source__", "destination__", view=SEE_STOCK, add=POST_MOVES, change=POST_MOVES
    )

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["-shipped_at", "-pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("parts:transfer", args=[self.pk])


class DemandLine(models.Model):
    """A line of demand on a warehouse (a reservation asked for): served from stock or not.
    The parts fill rate of a warehouse is served lines / requested lines."""

    warehouse = models.ForeignKey(
        Warehouse, on_delete=models.PROTECT, related_name="demand", verbose_name=_("warehouse")
    )
    part = models.ForeignKey(
        "catalog.Part", on_delete=models.PROTECT, related_name="+", verbose_name=_("part")
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    served = models.BooleanField(_("served from stock"))
    document_type = models.CharField(_("document type"), max_length=20, choices=DocumentType)
    document_number = models.CharField(_("document number"), max_length=60)
    at = models.DateTimeField(_("at"), default=timezone.now)

    objects = RestrictedManager()
    policy = stock_policy("warehouse__", view=SEE_STOCK)

    class Meta:
        verbose_name = _("demand line")
        verbose_name_plural = _("demand lines")
        indexes = [models.Index(fields=["warehouse", "at"], name="parts_demand_wh_at")]


RETURN_ROLES = KEEPERS | {Role.QUALITY, Role.AGENT, Role.TECHNICIAN}


class DefectiveReturn(models.Model):
    """A defective part on its way back for inspection, under a return authorization number.

    Extension point: a `claim` link (issue 4); until then `claim_number` names the claim.
    """

    number = models.CharField(_("return authorization"), max_length=40, unique=True)
    source = models.ForeignKey(
        Warehouse,
        verbose_name=pgettext_lazy("movement", "from"),
        on_delete=models.PROTECT,
        related_name="returns_out",
    )
    destination = models.ForeignKey(
        Warehouse,
        verbose_name=pgettext_lazy("movement", "to"),
        on_delete=models.PROTECT,
        related_name="returns_in",
    )
    part = models.ForeignKey(
        "catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    claim_number = models.CharField(_("claim"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ReturnStatus, default=ReturnStatus.AUTHORIZED
    )
    carrier = models.CharField(_("carrier"), max_length=100, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=100, blank=True)
    result = models.CharField(
        _("inspection result"), max_length=12, choices=InspectionResult, blank=True
    )
    inspection_note = models.TextField(_("inspection note"), blank=True)
    authorized_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("authorized by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    authorized_at = models.DateTimeField(_("authorized"), default=timezone.now)
    shipped_at = models.DateTimeField(_("shipped"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    inspected_at = models.DateTimeField(_("inspected"), null=True, blank=True)
    inspected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inspected by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = RestrictedManager()
    policy = stock_policy(
        "source__", "destination__", view=RETURN_ROLES, add=POST_MOVES, change=RETURN_ROLES
    )

    class Meta:
        verbose_name = _("defective-part return")
        verbose_name_plural = _("defective-part returns")
        ordering = ["-authorized_at", "-pk"]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("parts:return", args=[self.pk])


class StockCount(models.Model):
    """A cycle count of some parts of a warehouse, whose differences were posted to the ledger."""

    number = models.CharField(_("number"), max_length=40, unique=True)
    warehouse = models.ForeignKey(
        Warehouse, verbose_name=_("warehouse"), on_delete=models.PROTECT, related_name="counts"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    posted_at = models.DateTimeField(_("posted"), default=timezone.now)

    objects = RestrictedManager()
    policy = stock_policy("warehouse__", view=SEE_STOCK, add=KEEPERS | {Role.AGENT})

    class Meta:
        verbose_name = _("stock count")
        verbose_name_plural = _("stock counts")
        ordering = ["-posted_at", "-pk"]

    def __str__(self):
        return self.number


class StockCountLine(models.Model):
    count = models.ForeignKey(
        StockCount, on_delete=models.CASCADE, related_name="lines", verbose_name=_("count")
    )
    part = models.ForeignKey(
        "catalog.Part", on_delete=models.PROTECT, related_name="+", verbose_name=_("part")
    )
    expected = models.IntegerField(_("expected"))
    counted = models.PositiveIntegerField(_("counted"))

    @property
    def variance(self) -> int:
        return self.counted - self.expected


class ReorderSuggestion(models.Model):
    """A proposal to buy or transfer units of a part into a warehouse, which a person approves."""

    warehouse = models.ForeignKey(
        Warehouse, verbose_name=_("warehouse"), on_delete=models.PROTECT, related_name="+"
    )
    part = models.ForeignKey(
        "catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SuggestionKind)
    source = models.ForeignKey(
        Warehouse,
        verbose_name=pgettext_lazy("movement", "from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    forecast = models.DecimalField(
        _("forecast demand per month"), max_digits=12, decimal_places=3, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SuggestionStatus, default=SuggestionStatus.PROPOSED
    )
    transfer = models.ForeignKey(
        Transfer,
        verbose_name=_("transfer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = RestrictedManager()
    policy = stock_policy("warehouse__", view=SEE_STOCK, add=KEEPERS, change=KEEPERS)

    class Meta:
        verbose_name = _("reorder suggestion")
        verbose_name_plural = _("reorder suggestions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.quantity} × {self.part_id}"


SELLERS = KEEPERS | {Role.AGENT}


class CounterSale(models.Model):
    """Parts sold over the counter of a warehouse to a customer or an agent, at the customer or
    agent price list; its lines left stock as issues (document type "counter sale").

    Extension point: billing (a later issue) invoices sales whose status is "to invoice".
    """

    number = models.CharField(_("number"), max_length=40, unique=True)
    warehouse = models.ForeignKey(
        Warehouse, verbose_name=_("warehouse"), on_delete=models.PROTECT, related_name="sales"
    )
    customer = models.ForeignKey(
        "customers.Customer",
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="part_sales",
    )
    agent = models.ForeignKey(
        "agents.Agent",
        verbose_name=_("agent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="part_purchases",
    )
    price_list = models.CharField(_("price list"), max_length=10)
    currency = models.CharField(_("currency"), max_length=3)
    total = models.DecimalField(_("total"), max_digits=18, decimal_places=2, default=0)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CounterSaleStatus,
        default=CounterSaleStatus.TO_INVOICE,
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sold_at = models.DateTimeField(_("sold"), default=timezone.now)

    objects = RestrictedManager()
    policy = stock_policy("warehouse__", buyer="agent_id", view=SEE_STOCK, add=SELLERS)

    class Meta:
        verbose_name = _("counter sale")
        verbose_name_plural = _("counter sales")
        ordering = ["-sold_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(customer__isnull=False, agent__isnull=True)
                | Q(customer__isnull=True, agent__isnull=False),
                name="parts_sale_one_buyer",
            ),
            models.CheckConstraint(condition=Q(total__gte=0), name="parts_sale_total_gte_0"),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("parts:sale", args=[self.pk])

    @property
    def buyer(self):
        return self.customer or self.agent


class CounterSaleLine(models.Model):
    sale = models.ForeignKey(
        CounterSale, verbose_name=_("counter sale"), on_delete=models.CASCADE, related_name="lines"
    )
    part = models.ForeignKey(
        "catalog.Part", verbose_name=_("part"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    unit_price = models.DecimalField(_("unit price"), max_digits=16, decimal_places=2)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)

    class Meta:
        verbose_name = _("counter sale line")
        verbose_name_plural = _("counter sale lines")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="parts_sale_line_qty_gt_0"),
        ]


track(
    Warehouse,
    Reservation,
    Transfer,
    DefectiveReturn,
    StockCount,
    ReorderSuggestion,
    CounterSale,
    CounterSaleLine,
)
track(StockLevel, exclude=("on_hand", "reserved", "in_transit", "defective"))
