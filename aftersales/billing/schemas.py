"""API schemas of billing. Amounts are decimal strings in the document's currency."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from .choices import LineKind, PaymentMethod


class CompanyOut(Schema):
    id: int
    country: str
    name: str
    currency: str
    vat_number: str


class TaxRateOut(Schema):
    id: int
    country: str
    name: str
    percent: Decimal
    valid_from: dt.date


class LabourRateOut(Schema):
    id: int
    country: str
    service_type: int | None = Field(None, alias="service_type_id")
    category: int | None = Field(None, alias="category_id")
    region: str
    hourly_rate: Decimal
    commitment_rate: Decimal | None
    minimum_minutes: int
    valid_from: dt.date


class TravelZoneOut(Schema):
    id: int
    country: str
    name: str
    up_to_km: Decimal
    fee: Decimal
    valid_from: dt.date


class FixedPriceOut(Schema):
    id: int
    country: str
    service_type: int = Field(..., alias="service_type_id")
    product_model: int = Field(..., alias="product_model_id")
    amount: Decimal
    minutes: int | None
    valid_from: dt.date


class TariffsOut(Schema):
    companies: list[CompanyOut]
    tax_rates: list[TaxRateOut]
    labour_rates: list[LabourRateOut]
    travel_zones: list[TravelZoneOut]
    fixed_prices: list[FixedPriceOut]


class StandardTimeQuery(Schema):
    service_type: int
    product_model: int
    on: dt.date | None = None
    failure_codes: list[str] = Field(default_factory=list, description="Failure code values.")


class StandardTimeOut(Schema):
    minutes: int | None


class QuoteLineIn(Schema):
    kind: LineKind = LineKind.OTHER
    description: str = Field("", max_length=300)
    part: int | None = None
    quantity: Decimal = Field(..., gt=0, max_digits=10, decimal_places=2)
    unit_price: Decimal = Field(..., ge=0, max_digits=18, decimal_places=2)


class QuoteIn(Schema):
    request: int | None = Field(None, description="Service request id.")
    customer: int | None = Field(None, description="Customer id, when there is no request.")
    lines: list[QuoteLineIn] = Field(..., min_length=1)
    note: str = ""
    valid_until: dt.date | None = None


class QuoteLineOut(Schema):
    kind: str
    description: str
    part: int | None = Field(None, alias="part_id")
    quantity: Decimal
    unit_price: Decimal
    net: Decimal


class QuoteOut(Schema):
    id: int
    number: str
    status: str
    customer: int = Field(..., alias="customer_id")
    request: int | None = Field(None, alias="request_id")
    currency: str
    valid_until: dt.date
    tax_percent: Decimal
    net: Decimal
    tax: Decimal
    total: Decimal
    sent_at: dt.datetime | None
    decided_at: dt.datetime | None
    decided_via: str
    lines: list[QuoteLineOut]


class AnswerIn(Schema):
    accept: bool


class InvoiceLineOut(Schema):
    kind: str
    description: str
    part: int | None = Field(None, alias="part_id")
    quantity: Decimal
    unit_price: Decimal
    share_percent: Decimal
    payer: str
    rule: str
    net: Decimal
    tax: Decimal
    total: Decimal


class InvoiceOut(Schema):
    id: int
    number: str
    kind: str
    status: str
    credit_of: int | None = Field(None, alias="credit_of_id")
    customer: int = Field(..., alias="customer_id")
    request: int | None = Field(None, alias="request_id")
    visit: int | None = Field(None, alias="visit_id")
    currency: str
    issue_date: dt.date | None
    priced_on: dt.date
    tax_percent: Decimal
    net: Decimal
    tax: Decimal
    total: Decimal
    customer_total: Decimal
    maker_total: Decimal
    agent_total: Decimal
    balance: Decimal | None
    lines: list[InvoiceLineOut]


class InvoiceFilters(Schema):
    status: str | None = None
    kind: str | None = None
    customer: int | None = None
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None


class CreditIn(Schema):
    reason: str = Field(..., min_length=1, max_length=300)


class PaymentIn(Schema):
    method: PaymentMethod
    amount: Decimal = Field(..., gt=0, max_digits=18, decimal_places=2)
    received_on: dt.date | None = None
    reference: str = Field("", max_length=100)


class PaymentOut(Schema):
    id: int
    invoice: int = Field(..., alias="invoice_id")
    method: str
    amount: Decimal
    currency: str
    received_on: dt.date
    reference: str


class PaymentFilters(Schema):
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    method: str | None = None


class CreditOut(Schema):
    """A transfer received on a bank statement, with the invoice it names."""

    index: int = Field(..., description="Its place in the statement: what `record` takes.")
    booked_on: dt.date
    amount: Decimal
    currency: str
    reference: str
    payer: str
    text: str
    invoice: int | None = Field(None, description="The open invoice its description names.")
    problem: str = Field("", description="Why it cannot be recorded ('' when it can).")
    payment: int | None = Field(None, description="Its payment, once recorded.")
    ready: bool


class BankStatementOut(Schema):
    id: int
    name: str
    account: str
    credits: int
    recorded: int
    uploaded_at: dt.datetime
    transfers: list[CreditOut]


class StatementRecordIn(Schema):
    credits: list[int] = Field(..., min_length=1, description="Places of the transfers to record.")
