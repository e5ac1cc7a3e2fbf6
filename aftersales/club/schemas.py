"""What the club API reads and answers."""

import datetime as dt

from ninja import Field, Schema

from .services import MAX_ADJUSTMENT


class EntryOut(Schema):
    id: int
    customer_id: int
    event: str
    points: int
    reference: str
    reason: str
    at: dt.datetime


class BalanceOut(Schema):
    customer_id: int
    balance: int
    entries: list[EntryOut]


class AdjustIn(Schema):
    points: int = Field(ge=-MAX_ADJUSTMENT, le=MAX_ADJUSTMENT)
    reason: str = Field(max_length=300)
