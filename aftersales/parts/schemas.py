"""What the parts API reads and answers."""

import datetime as dt
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from aftersales.core.choices import Currency

from .choices import DocumentType, InspectionResult


class LevelOut(Schema):
    id: int
    warehouse_id: int
    warehouse_code: str = Field(alias="warehouse.code")
    part_id: int
    sku: str = Field(alias="part.sku")
    on_hand: int
    reserved: int
    available: int
    in_transit: int
    defective: int
    min_stock: int
    max_stock: int
    reorder_point: int


class AvailabilityOut(Schema):
    warehouse_id: int
    part_id: int
    on_hand: int
    reserved: int
    available: int
    in_transit: int
    defective: int


class PartAvailabilityOut(Schema):
    sku: str
    current_sku: str
    total_available: int
    total_in_transit: int
    levels: list[LevelOut]


class MoveOut(Schema):
    id: int
    at: dt.datetime
    warehouse_id: int
    part_id: int
    sku: str = Field(alias="part.sku")
    kind: str
    quantity: int
    on_hand: int
    reserved: int
    in_transit: int
    defective: int
    document_type: str
    document_number: str
    other_warehouse_id: int | None
    reservation_id: int | None
    transfer_id: int | None
    by_id: int | None


class MoveIn(Schema):
    """A receipt, a return from a job (unused or defective), a direct issue, or scrap."""

    kind: Literal["receipt", "return_unused", "defective_in", "issue", "scrap"]
    warehouse_id: int
    sku: str
    quantity: int = Field(gt=0)
    document_type: DocumentType | None = None
    document_number: str = Field(min_length=1, max_length=60)
    defective: bool = Field(False, description="For scrap: write off defective parts.")
    note: str = Field("", max_length=300)


class ReservationIn(Schema):
    warehouse_id: int
    sku: str
    quantity: int = Field(gt=0)
    document_type: DocumentType = DocumentType.VISIT
    document_number: str = Field(min_length=1, max_length=60)


class ReservationOut(Schema):
    id: int
    warehouse_id: int
    part_id: int
    sku: str = Field(alias="part.sku")
    requested_sku: str = Field(alias="requested_part.sku")
    quantity: int
    status: str
    document_type: str
    document_number: str
    created_at: dt.datetime
    closed_at: dt.datetime | None


class TransferIn(Schema):
    source_id: int
    destination_id: int
    sku: str
    quantity: int = Field(gt=0)
    note: str = Field("", max_length=300)


class TransferOut(Schema):
    id: int
    number: str
    source_id: int
    destination_id: int
    sku: str = Field(alias="part.sku")
    quantity: int
    status: str
    shipped_at: dt.datetime
    received_at: dt.datetime | None


class ReturnIn(Schema):
    source_id: int
    destination_id: int | None = None
    sku: str
    quantity: int = Field(1, gt=0)
    claim_number: str = Field("", max_length=60)


class ReturnShipIn(Schema):
    carrier: str = Field("", max_length=100)
    tracking_number: str = Field("", max_length=100)


class ReturnInspectIn(Schema):
    result: InspectionResult
    note: str = ""


class ReturnOut(Schema):
    id: int
    number: str
    source_id: int
    destination_id: int
    sku: str = Field(alias="part.sku")
    quantity: int
    claim_number: str
    status: str
    carrier: str
    tracking_number: str
    result: str
    inspection_note: str
    authorized_at: dt.datetime
    shipped_at: dt.datetime | None
    received_at: dt.datetime | None
    inspected_at: dt.datetime | None


class FillRateOut(Schema):
    warehouse_id: int
    warehouse_code: str
    requested: int
    served: int
    rate: float | None = Field(description="served / requested, 4 decimals; null without demand")


class SaleLineIn(Schema):
    sku: str
    quantity: int = Field(gt=0)


class SaleIn(Schema):
    """A counter sale to one customer or one agent; prices come from the price list."""

    warehouse_id: int
    customer_id: int | None = None
    agent_id: int | None = None
    currency: Currency = Currency.IRR
    lines: list[SaleLineIn] = Field(min_length=1, max_length=100)
    note: str = Field("", max_length=300)


class SaleLineOut(Schema):
    sku: str = Field(alias="part.sku")
    quantity: int
    unit_price: Decimal
    amount: Decimal


class SaleOut(Schema):
    id: int
    number: str
    warehouse_id: int
    customer_id: int | None
    agent_id: int | None
    price_list: str
    currency: str
    total: Decimal
    status: str = Field(description='"to_invoice" until billing invoices the sale')
    sold_at: dt.datetime
    lines: list[SaleLineOut]

    @staticmethod
    def resolve_lines(obj):
        return list(obj.lines.select_related("part"))


class PickLineOut(Schema):
    reservation_id: int = Field(alias="id")
    warehouse_code: str = Field(alias="warehouse.code")
    document_type: str
    document_number: str
    sku: str = Field(alias="part.sku")
    requested_sku: str = Field(alias="requested_part.sku")
    quantity: int
    created_at: dt.datetime


class UnitPartOut(Schema):
    sku: str
    current_sku: str
    total_available: int
    total_in_transit: int
