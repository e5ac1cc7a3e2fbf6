"""API schemas for the installed base: units, transfers of ownership, meter readings."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from aftersales.agents.models import Agent
from aftersales.catalog.choices import UsageMeter
from aftersales.core.access import can
from aftersales.core.choices import Currency
from aftersales.customers.schemas import AddressOut, CustomerSummary

from .choices import UnitSource, UnitStatus


class UnitFilters(Schema):
    serial: str | None = Field(
        None, description="The serial number or, from 4 characters, its beginning."
    )
    model: str | None = Field(None, description="Product model code.")
    owner: int | None = Field(None, description="Owner (customer) id.")
    status: UnitStatus | None = None
    service_agent: int | None = Field(None, description="Servicing agent id.")


class UnitLookup(Schema):
    serial: str = Field(..., min_length=1, max_length=60)
    model: str | None = Field(None, description="Product model code, when serials repeat.")


class UnitIn(Schema):
    """A new unit of the model with this code; the serial is stored upper-case, without spaces."""

    model: str = Field(..., max_length=40, description="Product model code.")
    serial: str = Field(..., min_length=1, max_length=60)
    status: UnitStatus = UnitStatus.ACTIVE
    production_date: dt.date | None = None
    batch: str = Field("", max_length=40)
    sale_date: dt.date | None = None
    dealer: str = Field("", max_length=200)
    sale_invoice: str = Field("", max_length=60)
    sale_price: Decimal | None = Field(
        None,
        max_digits=16,
        decimal_places=2,
        description="What the unit was sold for (before tax); not negative, in whole rials "
        "for IRR.",
    )
    sale_currency: Currency | None = Field(
        None, description="The sale price's currency; the company's currency when not given."
    )
    installation_date: dt.date | None = None
    owner: int | None = Field(None, description="Owner (customer) id.")
    installation_address: int | None = Field(None, description="One of the owner's addresses.")
    service_agent: int | None = Field(None, description="Servicing agent id.")


class TransferIn(Schema):
    new_owner: int = Field(..., description="The customer who takes the unit over.")
    date: dt.date | None = Field(None, description="Day of the change; today when not given.")
    note: str = Field("", max_length=300)


class ReadingIn(Schema):
    value: Decimal = Field(..., ge=0, max_digits=12, decimal_places=1)
    read_at: dt.datetime | None = Field(None, description="When it was read; now when not given.")


class ModelSummary(Schema):
    id: int
    code: str
    name: str
    usage_meter: UsageMeter


class CategorySummary(Schema):
    id: int
    code: str
    name: str


class AgentSummary(Schema):
    id: int
    code: str
    name: str
    city: str


class UnitOut(Schema):
    id: int
    serial: str
    model: ModelSummary = Field(..., alias="product_model")
    status: UnitStatus
    owner: CustomerSummary | None
    service_agent: AgentSummary | None = Field(
        None, description="Empty for callers who may not see agents (customers)."
    )
    sale_date: dt.date | None
    installation_date: dt.date | None

    @staticmethod
    def resolve_service_agent(obj, context):
        request = context["request"] if context else None
        if request is None or not can(request.user, Agent, "view"):
            return None
        return obj.service_agent


class OwnershipChangeOut(Schema):
    date: dt.date
    previous_owner: CustomerSummary | None = Field(
        None, description="Empty when there was none, or when the caller may not see them."
    )
    new_owner: CustomerSummary | None
    note: str


class ReadingOut(Schema):
    id: int
    value: Decimal
    read_at: dt.datetime


class UnitDetail(UnitOut):
    category: CategorySummary = Field(..., alias="product_model.category")
    production_date: dt.date | None
    batch: str
    dealer: str
    sale_invoice: str
    sale_price: Decimal | None
    sale_currency: Currency
    installation_address: AddressOut | None
    source: UnitSource
    created_at: dt.datetime
    ownership_history: list[OwnershipChangeOut] = Field(
        ..., alias="shown_history", description="Newest first."
    )
    meter_readings: list[ReadingOut] = Field(
        ..., alias="shown_readings", description="The latest 100, newest first."
    )
