"""Schemas of the insights API."""

import datetime as dt
from decimal import Decimal

from ninja import Schema


class ScopeQuery(Schema):
    """A period of local days (the last twelve months by default) and at most a few
    dimensions, by id (`region` is the agents' region text)."""

    start: dt.date | None = None
    end: dt.date | None = None
    agent: int | None = None
    technician: int | None = None
    region: str | None = None
    category: int | None = None
    product_model: int | None = None
    service_type: int | None = None


class MoneyOut(Schema):
    """Money KPIs (`warranty_cost_per_unit`) are in `reporting_currency`, each month's amounts
    converted at the rate of its last day; `amounts`: the money measures behind them
    (`claims_cost`, `sales_value`) per currency before conversion; `missing_rates`: per KPI,
    the exchange rates that leave it without a value (its value is then null)."""

    reporting_currency: str = ""
    amounts: dict[str, dict[str, Decimal]] = {}
    missing_rates: dict[str, list[str]] = {}


class KpisOut(MoneyOut):
    start: dt.date
    end: dt.date
    from_facts: bool
    values: dict[str, Decimal | None]


class MonthOut(MoneyOut):
    month: dt.date
    values: dict[str, Decimal | None]


class BreakdownRowOut(MoneyOut):
    key: int | str
    values: dict[str, Decimal | None]


class DefinitionOut(Schema):
    key: str
    label: str
    kind: str
    definition: str
    records: str


class RefreshOut(Schema):
    full: bool
    days: int
    started_at: dt.datetime
    finished_at: dt.datetime | None


class RateOut(Schema):
    id: int
    currency: str
    valid_from: dt.date
    rate: Decimal
    note: str
    reporting_currency: str


class RateIn(Schema):
    """One unit of `currency` is worth `rate` of the reporting currency from `valid_from` on."""

    currency: str
    valid_from: dt.date
    rate: Decimal
    note: str = ""
