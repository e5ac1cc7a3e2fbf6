"""API schemas of agents' settlements."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from .choices import BankStatus, Direction, LineKind, PaymentMethod, RunStatus, SettlementStatus


class SettlementFilters(Schema):
    status: SettlementStatus | None = None
    agent: int | None = Field(None, description="Agent id.")
    ending_from: dt.date | None = Field(None, description="Periods ending on or after this day.")
    ending_by: dt.date | None = Field(None, description="Periods ending on or before this day.")


class DraftIn(Schema):
    agent: int = Field(..., description="Agent id.")
    period_start: dt.date | None = Field(
        None, description="First day; by default the day after the agent's last settlement."
    )
    period_end: dt.date | None = Field(
        None, description="Last day; by default the end of the month (in the agent's calendar)."
    )


class PaymentIn(Schema):
    amount: Decimal = Field(..., gt=0)
    paid_on: dt.date | None = Field(None, description="Today when not given.")
    direction: Direction | None = Field(
        None, description="Checked against the settlement's balance when given."
    )
    method: PaymentMethod = PaymentMethod.TRANSFER
    reference: str = Field("", max_length=60)


class MarkPaidIn(Schema):
    paid_on: dt.date | None = Field(None, description="Today when not given.")
    method: PaymentMethod = PaymentMethod.TRANSFER
    reference: str = Field("", max_length=60)


class AdjustmentIn(Schema):
    amount: Decimal = Field(..., description="Above zero the agent receives more; below, less.")
    reason: str = Field(..., min_length=1, max_length=300)


class LineOut(Schema):
    id: int
    kind: LineKind
    day: dt.date
    reference: str
    reason: str
    claim: int | None = Field(None, alias="claim_id")
    sale: int | None = Field(None, alias="sale_id")
    labour: Decimal
    travel: Decimal
    parts: Decimal
    base: Decimal
    percent: Decimal | None
    amount: Decimal


class PaymentOut(Schema):
    id: int
    direction: Direction
    method: PaymentMethod
    amount: Decimal
    paid_on: dt.date
    reference: str


class SettlementOut(Schema):
    id: int
    number: str
    agent: int = Field(..., alias="agent_id")
    period_start: dt.date
    period_end: dt.date
    currency: str
    status: SettlementStatus
    total: Decimal = Field(..., description="Above zero the maker owes the agent.")
    settled: Decimal
    open_amount: Decimal
    approved_at: dt.datetime | None
    closed_at: dt.datetime | None


class SettlementDetailOut(SettlementOut):
    lines: list[LineOut]
    payments: list[PaymentOut]

    @staticmethod
    def resolve_lines(obj):
        return list(obj.lines.order_by("kind", "day", "pk"))

    @staticmethod
    def resolve_payments(obj):
        return list(obj.payments.order_by("paid_on", "pk"))


class PaymentRunIn(Schema):
    settlements: list[int] = Field(..., min_length=1, description="Settlement ids, one currency.")
    execution_date: dt.date | None = Field(None, description="Today when not given.")


class PaymentRunPaidIn(Schema):
    paid_on: dt.date | None = Field(None, description="Today when not given.")
    reference: str = Field("", max_length=60, description="The bank's reference of the batch.")


class PaymentRunLineOut(Schema):
    settlement: int = Field(..., alias="settlement_id")
    settlement_number: str = Field(..., alias="settlement.number")
    payee: str
    iban: str
    amount: Decimal
    end_to_end_id: str
    bank_status: BankStatus
    bank_reason: str = Field("", description="The ISO 20022 reason code of a rejection.")
    bank_note: str
    payment: int | None = Field(None, alias="payment_id")


class PaymentRunOut(Schema):
    id: int
    number: str
    currency: str
    execution_date: dt.date
    status: RunStatus
    total: Decimal
    message_id: str
    paid_on: dt.date | None
    bank_reference: str
    lines: list[PaymentRunLineOut]

    @staticmethod
    def resolve_lines(obj):
        return list(obj.lines.select_related("settlement"))
