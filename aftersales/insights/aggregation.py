"""Maintaining `DailyFact`: rebuild the facts of a range of days straight from the records, in
SQL, for every grain at once.

Each kind of record is anchored on one local day (a request on the day it was opened, a visit on
the day its window starts, a claim on its failure date, a unit on its sale date, a complaint on
the day it was received, a survey answer on the day it was submitted, a line of demand on its
day). When a record changes, its anchor day is marked pending (`signals.py`) and the next
`refresh()` rebuilds those days, so a request closed today for a visit of last month changes last
month's figures. `refresh()` also scans the time stamps written since the previous refresh
(resolution, closure, claim decisions, imports ...) for writes that bypass signals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

from . import sources
from .clock import SLOT, build_clock, clock_covers
from .models import (
    FACTS_LAYOUT,
    MEASURES,
    MONEY_COLUMNS,
    MONEY_FIELDS,
    DailyFact,
    Grain,
    MonthlyFact,
    PendingDay,
    RefreshLog,
)
from .scope import local_midnight

DIMENSIONS = ("agent_id", "technician_id", "category_id", "product_model_id", "service_type_id")
GRAIN_COLUMN = {
    Grain.AGENT: "agent_id",
    Grain.TECHNICIAN: "technician_id",
    Grain.CATEGORY: "category_id",
    Grain.PRODUCT_MODEL: "product_model_id",
    Grain.SERVICE_TYPE: "service_type_id",
}
ALL_MEASURES = (*MEASURES, *MONEY_FIELDS)
MERGE_GAP_DAYS = 31


class Sql:
    """The few expressions that differ between PostgreSQL and SQLite."""

    def __init__(self):
        self.postgres = connection.vendor == "postgresql"
        self.zone = settings.TIME_ZONE

    def day(self, column: str) -> str:
        if self.postgres:
            return f"(({column}) AT TIME ZONE '{self.zone}')::date"
        return f"django_datetime_cast_date({column}, '{self.zone}', 'UTC')"

    def epoch(self, column: str) -> str:
        if self.postgres:
            return f"date_part('epoch', {column})"
        return f"CAST(strftime('%%s', {column}) AS INTEGER)"

    def slot(self, column: str) -> str:
        if self.postgres:
            return f"floor({self.epoch(column)} / {SLOT})::bigint"
        return f"({self.epoch(column)} / {SLOT})"

    def business(self, alias: str, column: str) -> str:
        return (
            f"({alias}.seconds_before + CASE WHEN {alias}.is_open "
            f"THEN {self.epoch(column)} - {alias}.slot * {SLOT} ELSE 0 END)"
        )

    def plus_days(self, column: str, days: int) -> str:
        if self.postgres:
            return f"({column} + INTERVAL '{days} days')"
        return f"datetime({column}, '+{days} days')"

    def month(self, column: str) -> str:
        if self.postgres:
            return f"date_trunc('month', {column})::date"
        return f"date({column}, 'start of month')"

    def seconds(self, expression: str) -> str:
        return f"ROUND({expression})::integer" if self.postgres else expression


def _select(
    day: str, dims: dict[str, str], measures: dict[str, str], rest: str
) -> tuple[str, tuple[str, ...]]:
    """A part: the SELECT of the day, the dimensions and its own measures, and their names."""
    columns = [f"{day} AS day"]
    columns += [f"{dims.get(name, 'CAST(NULL AS BIGINT)')} AS {name}" for name in DIMENSIONS]
    columns += [f"{expression} AS {name}" for name, expression in measures.items()]
    return "SELECT " + ", ".join(columns) + " " + rest, tuple(measures)


def _per_currency(measure: str, column: str, amount: str, condition: str = "") -> dict[str, str]:
    """A money measure's sum expression for each currency's column: amounts of different
    currencies are never added up in the facts (the reads convert them month by month)."""
    return {
        name: f"CASE WHEN {condition}{column} = '{currency}' THEN {amount} ELSE 0 END"
        for currency, name in MONEY_COLUMNS[measure].items()
    }


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _parts(sql: Sql, where: dict[str, str]) -> list[tuple[str, tuple[str, ...]]]:
    """The SELECT of each kind of record, in the shape of a fact row."""
    from aftersales.catalog.models import ProductModel
    from aftersales.parts.models import DemandLine, Warehouse
    from aftersales.service.models import ServiceRequest, Visit
    from aftersales.units.models import Unit
    from aftersales.warranty.models import Claim

    requests_t, visits_t, units_t = _table(ServiceRequest), _table(Visit), _table(Unit)
    models_t = _table(ProductModel)
    unit_dims = {"category_id": "pm.category_id", "product_model_id": "u.product_model_id"}
    # the technician of each request's first visit (not cancelled), set-based
    first_visits = (
        "(SELECT request_id, technician_id FROM (SELECT fv.request_id, fv.technician_id, "
        "ROW_NUMBER() OVER (PARTITION BY fv.request_id ORDER BY fv.window_start, fv.id) AS n "
        f"FROM {visits_t} fv WHERE fv.status <> 'cancelled' "
        + where.get("first_visits", "").replace("WHERE ", "AND ", 1)
        + ") ranked WHERE n = 1) ft"
    )
    # each visit with the start of the next visit (not cancelled) to the same unit
    in_order = (
        "(SELECT ov.id, ov.technician_id, ov.window_start, ov.status, ov.labour_minutes, "
        "orq.agent_id, orq.service_type_id, orq.unit_id, "
        "LEAD(ov.window_start) OVER (PARTITION BY orq.unit_id ORDER BY ov.window_start, ov.id) "
        f"AS next_start FROM {visits_t} ov JOIN {requests_t} orq ON orq.id = ov.request_id "
        "WHERE ov.status <> 'cancelled' "
        + where.get("visits_ahead", "").replace("WHERE ", "AND ", 1)
        + ") v"
    )
    b = sql.business
    parts = [
        _select(
            sql.day("r.opened_at"),
            {
                "agent_id": "r.agent_id",
                "technician_id": "ft.technician_id",
                "service_type_id": "r.service_type_id",
                **unit_dims,
            },
            {
                "requests": "1",
                "ftf_measured": "CASE WHEN r.first_time_fix IS NOT NULL THEN 1 ELSE 0 END",
                "ftf_yes": "CASE WHEN r.first_time_fix THEN 1 ELSE 0 END",
                "responded": "CASE WHEN r.responded_at IS NOT NULL THEN 1 ELSE 0 END",
                "response_seconds": sql.seconds(
                    f"COALESCE({b('cp', 'r.responded_at')} - {b('co', 'r.opened_at')}, 0)"
                ),
                "resolved": "CASE WHEN r.resolved_at IS NOT NULL THEN 1 ELSE 0 END",
                "resolution_seconds": sql.seconds(
                    f"COALESCE({b('cs', 'r.resolved_at')} - {b('co', 'r.opened_at')}, 0)"
                ),
                # as `kpis.sla_measured_q` at the refresh's start (`now`): the scan of the
                # next refresh finds the requests whose target passed meanwhile
                "sla_measured": "CASE WHEN r.resolution_due IS NOT NULL "
                "AND (r.resolved_at IS NOT NULL OR (r.resolution_due < %(now)s "
                "AND r.paused_at IS NULL AND r.status <> 'cancelled')) THEN 1 ELSE 0 END",
                "sla_met": "CASE WHEN r.resolved_at IS NOT NULL AND r.resolution_due IS NOT NULL "
                "AND r.resolved_at <= r.resolution_due AND (r.response_due IS NULL "
                "OR r.responded_at <= r.response_due) THEN 1 ELSE 0 END",
            },
            f"FROM {requests_t} r LEFT JOIN {first_visits} ON ft.request_id = r.id "
            f"LEFT JOIN {units_t} u ON u.id = r.unit_id "
            f"LEFT JOIN {models_t} pm ON pm.id = u.product_model_id "
            "LEFT JOIN insights_businessclock co ON co.calendar = r.calendar "
            f"AND co.slot = {sql.slot('r.opened_at')} "
            "LEFT JOIN insights_businessclock cp ON cp.calendar = r.calendar "
            f"AND cp.slot = {sql.slot('r.responded_at')} "
            "LEFT JOIN insights_businessclock cs ON cs.calendar = r.calendar "
            f"AND cs.slot = {sql.slot('r.resolved_at')} " + where.get("r.opened_at", ""),
        ),
        _select(
            sql.day("v.window_start"),
            {
                "agent_id": "v.agent_id",
                "technician_id": "v.technician_id",
                "service_type_id": "v.service_type_id",
                **unit_dims,
            },
            {
                "visits_done": "1",
                "visits_repeat": (
                    "CASE WHEN v.unit_id IS NOT NULL AND v.next_start <= "
                    f"{sql.plus_days('v.window_start', sources.REPEAT_DAYS)} THEN 1 ELSE 0 END"
                ),
                "labour_minutes": "v.labour_minutes",
            },
            f"FROM {in_order} LEFT JOIN {units_t} u ON u.id = v.unit_id "
            f"LEFT JOIN {models_t} pm ON pm.id = u.product_model_id "
            "WHERE v.status = 'done' " + _and(where.get("v.window_start", "")),
        ),
        _select(
            "c.failure_date",
            {"agent_id": "c.agent_id", **unit_dims},
            {
                "claims": "1",
                # the approved amounts, in the claim's currency's column
                **_per_currency(
                    "claims_cost",
                    "c.currency",
                    "c.approved_total",
                    "c.status IN ('approved', 'partly') AND ",
                ),
            },
            f"FROM {_table(Claim)} c JOIN {units_t} u ON u.id = c.unit_id "
            f"JOIN {models_t} pm ON pm.id = u.product_model_id "
            "WHERE c.status <> 'rejected' " + _and(where.get("c.failure_date", "")),
        ),
        _select(
            "u.sale_date",
            {"agent_id": "u.service_agent_id", **unit_dims},
            {
                "units_sold": "1",
                # the sale prices, in the sale currency's column (no price: nothing)
                **_per_currency("sales_value", "u.sale_currency", "COALESCE(u.sale_price, 0)"),
            },
            f"FROM {units_t} u JOIN {models_t} pm ON pm.id = u.product_model_id "
            "WHERE u.sale_date IS NOT NULL " + _and(where.get("u.sale_date", "")),
        ),
        _select(
            sql.day("d.at"),
            {"agent_id": "w.agent_id", "technician_id": "w.technician_id"},
            {"demand_lines": "1", "demand_served": "CASE WHEN d.served THEN 1 ELSE 0 END"},
            f"FROM {_table(DemandLine)} d JOIN {_table(Warehouse)} w ON w.id = d.warehouse_id "
            + where.get("d.at", ""),
        ),
    ]
    Complaint = sources.optional_model("complaints.Complaint")
    if Complaint is not None:
        parts.append(
            _select(
                sql.day("k.received_at"),
                {
                    "agent_id": "k.agent_id",
                    "technician_id": "k.technician_id",
                    "category_id": "pm.category_id",
                    "product_model_id": "k.product_model_id",
                },
                {"complaints": "1"},
                f"FROM {_table(Complaint)} k LEFT JOIN {models_t} pm "
                "ON pm.id = k.product_model_id " + where.get("k.received_at", ""),
            )
        )
    Response = sources.optional_model("surveys.Response")
    if Response is not None:
        Invitation = Response._meta.get_field("invitation").related_model
        parts.append(
            _select(
                sql.day("s.submitted_at"),
                {
                    "agent_id": "i.agent_id",
                    "technician_id": "i.technician_id",
                    "service_type_id": "r.service_type_id",
                    **unit_dims,
                },
                {
                    "csat_responses": "CASE WHEN s.csat IS NOT NULL THEN 1 ELSE 0 END",
                    "csat_satisfied": "CASE WHEN s.csat >= 4 THEN 1 ELSE 0 END",
                    "nps_responses": "CASE WHEN s.nps IS NOT NULL THEN 1 ELSE 0 END",
                    "nps_promoters": "CASE WHEN s.nps >= 9 THEN 1 ELSE 0 END",
                    "nps_detractors": "CASE WHEN s.nps <= 6 THEN 1 ELSE 0 END",
                },
                f"FROM {_table(Response)} s JOIN {_table(Invitation)} i "
                "ON i.id = s.invitation_id "
                f"LEFT JOIN {visits_t} v ON v.id = i.visit_id "
                f"LEFT JOIN {requests_t} r ON r.id = v.request_id "
                f"LEFT JOIN {units_t} u ON u.id = r.unit_id "
                f"LEFT JOIN {models_t} pm ON pm.id = u.product_model_id "
                + where.get("s.submitted_at", ""),
            )
        )
    return parts


def _and(clause: str) -> str:
    return clause.replace("WHERE ", "AND ", 1)


def _where(start: dt.date | None, end: dt.date | None) -> tuple[dict[str, str], dict]:
    """WHERE clauses on each anchor for the local days start..end (all days when None)."""
    if start is None:
        return {}, {}
    low, high = local_midnight(start), local_midnight(end + dt.timedelta(days=1))
    clauses = {}
    for column in ("r.opened_at", "v.window_start", "d.at", "k.received_at", "s.submitted_at"):
        clauses[column] = f"WHERE {column} >= %(low)s AND {column} < %(high)s "
    for column in ("c.failure_date", "u.sale_date"):
        clauses[column] = f"WHERE {column} >= %(start)s AND {column} <= %(end)s "
    requests_t = _table(apps.get_model("service", "ServiceRequest"))
    clauses["first_visits"] = (
        f"WHERE fv.request_id IN (SELECT id FROM {requests_t} "
        "WHERE opened_at >= %(low)s AND opened_at < %(high)s) "
    )
    # the visits of the period and those up to 30 days after (the next visit of each)
    clauses["visits_ahead"] = "WHERE ov.window_start >= %(low)s AND ov.window_start < %(ahead)s "
    ahead = high + dt.timedelta(days=sources.REPEAT_DAYS + 1)
    return clauses, {"low": low, "high": high, "ahead": ahead, "start": start, "end": end}


def _insert(sql: Sql, source: str, names: tuple[str, ...]) -> list[str]:
    """INSERT ... SELECT statements summing the measures `names` of `source` into every grain
    (one part of the records at a time: the reads sum the rows of a day anyway, and each row
    of the records then updates only its own measures)."""
    target = (
        "INSERT INTO insights_dailyfact (day, grain, "
        + ", ".join(DIMENSIONS)
        + ", "
        + ", ".join(ALL_MEASURES)
        + ") "
    )
    sums = ", ".join(f"SUM({name})" if name in names else "0" for name in ALL_MEASURES)
    if sql.postgres:
        bits = "GROUPING(" + ", ".join(DIMENSIONS) + ")"
        cases = {Grain.TOTAL: 31, Grain.AGENT: 15, Grain.TECHNICIAN: 23, Grain.CATEGORY: 27}
        cases |= {Grain.PRODUCT_MODEL: 29, Grain.SERVICE_TYPE: 30}
        grain = "CASE " + " ".join(f"WHEN {bits} = {v} THEN {int(k)}" for k, v in cases.items())
        sets = "(), " + ", ".join(f"({name})" for name in DIMENSIONS)
        return [
            target
            + f"SELECT day, {grain} END, "
            + ", ".join(DIMENSIONS)
            + f", {sums} FROM ({source}) src GROUP BY day, GROUPING SETS ({sets}) "
            + f"HAVING {bits} = 31 OR COALESCE({', '.join(DIMENSIONS)}) IS NOT NULL"
        ]
    statements = [
        target
        + f"SELECT day, {int(Grain.TOTAL)}, "
        + ", ".join("NULL" for _ in DIMENSIONS)
        + f", {sums} FROM ({source}) src GROUP BY day"
    ]
    for grain, column in GRAIN_COLUMN.items():
        dims = ", ".join(name if name == column else "NULL" for name in DIMENSIONS)
        statements.append(
            target
            + f"SELECT day, {int(grain)}, {dims}, {sums} FROM ({source}) src "
            + f"WHERE {column} IS NOT NULL GROUP BY day, {column}"
        )
    return statements


def _rollup(sql: Sql, start: dt.date | None, end: dt.date | None) -> str:
    """INSERT ... SELECT of the monthly facts of the months of start..end from the daily ones."""
    columns = ", ".join(DIMENSIONS)
    where = "" if start is None else "WHERE day >= %(month_start)s AND day < %(month_end)s "
    return (
        f"INSERT INTO insights_monthlyfact (month, grain, {columns}, "
        + ", ".join(ALL_MEASURES)
        + f") SELECT {sql.month('day')}, grain, {columns}, "
        + ", ".join(f"SUM({name})" for name in ALL_MEASURES)
        + f" FROM insights_dailyfact {where}GROUP BY {sql.month('day')}, grain, {columns}"
    )


def month_bounds(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of start's month and of the month after end's."""
    return start.replace(day=1), (end.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def rebuild(
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Rebuild the facts of the local days start..end (every day when both are None), and the
    installed base of their months; money summed per currency, open requests judged against
    their SLA target at `now` (default: this moment)."""
    sql = Sql()
    clauses, params = _where(start, end)
    params = dict(params, now=connection.ops.adapt_datetimefield_value(now or timezone.now()))
    with transaction.atomic(), connection.cursor() as cursor:
        if start is None:
            DailyFact.objects.all().delete()
            MonthlyFact.objects.all().delete()
        else:
            DailyFact.objects.filter(day__gte=start, day__lte=end).delete()
            month_start, month_end = month_bounds(start, end)
            params |= {"month_start": month_start, "month_end": month_end}
            MonthlyFact.objects.filter(month__gte=month_start, month__lt=month_end).delete()
        if sql.postgres:
            cursor.execute("SET LOCAL work_mem = '256MB'")
        for source, names in _parts(sql, clauses):
            for statement in _insert(sql, source, names):
                cursor.execute(statement, params)
        cursor.execute(_rollup(sql, start, end), params)


def ensure_clock(start: dt.date, end: dt.date, *, force: bool = False) -> None:
    if force or not clock_covers(start, end):
        build_clock(start=start - dt.timedelta(days=30), end=end + dt.timedelta(days=400))


def data_span() -> tuple[dt.date, dt.date] | None:
    """The first and last day with a service request (the clock must cover them)."""
    from aftersales.service.models import ServiceRequest

    span = ServiceRequest.objects.aggregate(first=Min("opened_at"), last=Max("opened_at"))
    if span["first"] is None:
        return None
    today = timezone.localdate()
    return timezone.localdate(span["first"]), max(timezone.localdate(span["last"]), today)


def mark_days(days: Iterable[dt.date | None]) -> None:
    """Mark days whose facts are stale (the next refresh rebuilds them)."""
    rows = [PendingDay(day=day) for day in set(days) if day is not None]
    if rows:
        PendingDay.objects.bulk_create(rows, ignore_conflicts=True)


def ranges(days: Iterable[dt.date], gap: int = MERGE_GAP_DAYS) -> list[tuple[dt.date, dt.date]]:
    """Days merged into ranges (days closer than `gap` fall into one range)."""
    merged: list[list[dt.date]] = []
    for day in sorted(set(days)):
        if merged and (day - merged[-1][1]).days <= gap:
            merged[-1][1] = day
        else:
            merged.append([day, day])
    return [(first, last) for first, last in merged]


def refresh(*, full: bool = False) -> RefreshLog:
    """Bring the facts up to date: everything when `full`, else the pending days and the days
    of the records changed since the previous refresh."""
    from .scan import changed_days

    started = timezone.now()
    previous = RefreshLog.objects.filter(finished_at__isnull=False).first()
    # facts written in another layout (before money was kept per currency): all days again
    full = full or previous is None or previous.layout != FACTS_LAYOUT
    log = RefreshLog.objects.create(
        started_at=started, watermark=started, full=full, layout=FACTS_LAYOUT
    )
    span = data_span()
    if span:
        ensure_clock(*span, force=full)
    pending = list(PendingDay.objects.values_list("day", flat=True))
    if full:
        rebuild(now=started)
        days = DailyFact.objects.filter(grain=Grain.TOTAL).values("day").distinct().count()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # fresh statistics for the planner
                cursor.execute("ANALYZE insights_dailyfact")
                cursor.execute("ANALYZE insights_monthlyfact")
    else:
        wanted = set(pending) | changed_days(since=previous.watermark)
        for first, last in ranges(wanted):
            rebuild(start=first, end=last, now=started)
        days = len(wanted)
    PendingDay.objects.filter(day__in=pending).delete()
    log.days = days
    log.finished_at = timezone.now()
    log.save(update_fields=["days", "finished_at"])
    return log
