"""The dashboard's reads: KPI values, monthly trends and breakdowns, summed from the facts.

Whole months of a period are read from `MonthlyFact`, the days at its edges from `DailyFact`.
A scope narrowed by one dimension (or an agent and its region) reads the facts of that grain; a
scope narrowed by several dimensions at once is computed from the records (`kpis`).

Money (warranty cost, sales value) is read per currency and month, and each month converted
into the reporting currency at the rate of its last day (`money`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict

from django.db.models import F, Sum
from django.db.models.functions import TruncMonth

from . import kpis, money, sources
from .models import MEASURES, MONEY_FIELDS, DailyFact, Grain, MonthlyFact
from .revenue import revenue_measures
from .scope import Scope

FACT_MEASURES = (*MEASURES, *MONEY_FIELDS)
GROUPS = {
    sources.requests: (
        "requests",
        "ftf_measured",
        "ftf_yes",
        "responded",
        "response_seconds",
        "resolved",
        "resolution_seconds",
        "sla_measured",
        "sla_met",
    ),
    sources.visits: ("visits_done", "visits_repeat", "labour_minutes"),
    sources.claims: ("claims", "claims_cost"),
    sources.units_sold: ("units_sold", "units_in_service", "sales_value"),
    sources.complaints: ("complaints",),
    sources.responses: (
        "csat_responses",
        "csat_satisfied",
        "nps_responses",
        "nps_promoters",
        "nps_detractors",
    ),
    sources.demand: ("demand_lines", "demand_served"),
}
# a breakdown: the grain it reads and the field it groups by
BREAKDOWNS = {
    "region": (Grain.AGENT, "agent"),  # the agents' figures summed per region
    "agent": (Grain.AGENT, "agent"),
    "technician": (Grain.TECHNICIAN, "technician"),
    "category": (Grain.CATEGORY, "category"),
    "product_model": (Grain.PRODUCT_MODEL, "product_model"),
    "service_type": (Grain.SERVICE_TYPE, "service_type"),
}
EPOCH = dt.date(1900, 1, 1)


def grain_of(scope: Scope) -> tuple[Grain, dict] | None:
    """The grain whose facts answer `scope`, with the filter on it; None when none does."""
    given = scope.filters
    if not given:
        return Grain.TOTAL, {}
    if set(given) <= {"agent", "region"}:
        lookups = {}
        if scope.agent:
            lookups["agent"] = scope.agent
        if scope.region:
            lookups["agent__region"] = scope.region
        return Grain.AGENT, lookups
    if len(given) == 1:
        ((name, value),) = given.items()
        return Grain[name.upper()], {name: value}
    return None


def applicable(scope: Scope) -> frozenset:
    """The measures defined for the dimensions `scope` names."""
    return _applicable(frozenset(scope.filters))


@functools.cache
def _applicable(dimensions: frozenset) -> frozenset:
    probe = Scope(
        start=dt.date(2000, 1, 1), end=dt.date(2000, 1, 1), **dict.fromkeys(dimensions, 1)
    )
    names = set()
    for source, measures in GROUPS.items():
        if source(probe) is not None:
            names.update(measures)
    return frozenset(names)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def split(start: dt.date, end: dt.date):
    """(first and last whole month, or None; the day ranges left at the edges)."""
    first = start if start.day == 1 else _next_month(start)
    after = end + dt.timedelta(days=1)
    stop = after if after.day == 1 else after.replace(day=1)  # first day after the whole months
    if first >= stop:
        return None, [(start, end)]
    edges = []
    if start < first:
        edges.append((start, first - dt.timedelta(days=1)))
    if stop <= end:
        edges.append((stop, end))
    return (first, stop), edges


def summed(
    grain: Grain,
    lookups: dict,
    start: dt.date,
    end: dt.date,
    by=None,
    names=FACT_MEASURES,
    *,
    months: bool = False,
) -> dict:
    """{group: {measure: sum}} of the `names` measures of the facts of `grain` from `start` to
    `end` (group None when `by` is None; `by` is a field, or "month"); with `months`, keyed
    by (group, first day of the month) instead, for money converted month by month."""
    whole, edges = split(start, end)
    queries = []
    if whole:
        monthly = MonthlyFact.objects.filter(
            grain=grain, month__gte=whole[0], month__lt=whole[1], **lookups
        )
        if by:
            monthly = monthly.annotate(group=F(by))
        queries.append(monthly.annotate(month_of=F("month")) if months else monthly)
    for first, last in edges:
        daily = DailyFact.objects.filter(grain=grain, day__gte=first, day__lte=last, **lookups)
        if by == "month":
            daily = daily.annotate(group=TruncMonth("day"))
        elif by:
            daily = daily.annotate(group=F(by))
        queries.append(daily.annotate(month_of=TruncMonth("day")) if months else daily)
    totals: dict = defaultdict(lambda: dict.fromkeys(names, 0))
    sums = {name: Sum(name) for name in names}
    keys = (["group"] if by else []) + (["month_of"] if months else [])
    for query in queries:
        if keys:
            rows = query.values(*keys).annotate(**sums).order_by()
        else:
            rows = [query.aggregate(**sums)]
        for row in rows:
            group = row.pop("group", None)
            if months:
                month = row.pop("month_of")
                month = month.date() if isinstance(month, dt.datetime) else month
                group = (group, month)
            target = totals[group]
            for name, value in row.items():
                target[name] += value or 0
    return totals


def _fold(by_month: dict) -> dict:
    """{measure: sum} of rows by month ({month: {measure: sum}}): the period's counts."""
    total = dict.fromkeys(FACT_MEASURES, 0)
    for row in by_month.values():
        for name in FACT_MEASURES:
            total[name] += row[name]
    return total


def _money(by_month: dict, keep: frozenset, book) -> dict:
    """The money measures defined for the scope, converted month by month."""
    return {
        measure: found
        for measure, found in money.from_rows(by_month, book).items()
        if measure in keep
    }


def installed_base(grain: Grain, lookups: dict, end: dt.date, by=None) -> dict:
    """{group: units sold up to `end`}."""
    found = summed(grain, lookups, EPOCH, end, by, names=("units_sold",))
    return {group: m["units_sold"] for group, m in found.items()}


def measures(scope: Scope, book=None) -> dict | None:
    """The summed measures of `scope` from the facts, or None when no grain answers it; money
    in the reporting currency (see `money.add_money`)."""
    found = grain_of(scope)
    if found is None:
        return None
    grain, lookups = found
    by_month = summed(grain, lookups, scope.start, scope.end, by="month")
    m = _fold(by_month)
    m["units_in_service"] = installed_base(grain, lookups, scope.end).get(None, 0)
    keep = applicable(scope)
    m = {name: value for name, value in m.items() if name in keep}
    money.add_money(m, _money(by_month, keep, book or money.rate_book()))
    return m | revenue_measures(scope)


def kpi_figures(scope: Scope, staff: list[dict] | None = None) -> tuple[dict, bool]:
    """(KPI values, whether they came from the pre-aggregated facts); `staff`: the company's
    `sources.staff_rows` when the caller has them."""
    m = measures(scope)
    minutes = None if staff is None else sources.daily_minutes(scope, rows=staff)
    available = kpis.available_for(scope, minutes)
    if m is None:
        return kpis.derive(kpis.measures_from_records(scope), available_minutes=available), False
    return kpis.derive(m, available_minutes=available), True


def month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    months, cursor = [], start.replace(day=1)
    while cursor <= end:
        months.append(cursor)
        cursor = _next_month(cursor)
    return months


def _month(scope: Scope, month: dt.date) -> Scope:
    last = _next_month(month) - dt.timedelta(days=1)
    return scope.with_period(max(month, scope.start), min(last, scope.end))


def trend(scope: Scope, staff: list[dict] | None = None) -> list[tuple[dt.date, dict]]:
    """The KPIs of each month of the scope (the first and last months clipped to the period)."""
    return _trend_and_totals(scope, staff)[0]


def _trend_and_totals(scope: Scope, staff: list[dict] | None = None):
    """(the monthly trend, the period's KPIs summed from the same months, or None when no
    grain answers the scope): one read of the facts for both."""
    months = month_starts(scope.start, scope.end)
    found = grain_of(scope)
    if found is None:
        return [(month, kpi_figures(_month(scope, month))[0]) for month in months], None
    grain, lookups = found
    by_month = summed(grain, lookups, scope.start, scope.end, by="month")
    eve = scope.start - dt.timedelta(days=1)
    base = installed_base(grain, lookups, eve).get(None, 0)
    keep = applicable(scope)
    book = money.rate_book()
    minutes = {}
    if kpis.available_for(scope, {}) is not None:
        minutes = sources.daily_minutes(scope, rows=staff)
    result = []
    totals = dict.fromkeys(FACT_MEASURES, 0)
    for month in months:
        row = dict(by_month.get(month, dict.fromkeys(FACT_MEASURES, 0)))
        for name in FACT_MEASURES:
            totals[name] += row[name]
        base += row["units_sold"]
        row["units_in_service"] = base
        m = {name: value for name, value in row.items() if name in keep}
        money.add_money(m, _money({month: row}, keep, book))
        m |= revenue_measures(_month(scope, month))
        available = kpis.available_for(_month(scope, month), minutes)
        result.append((month, kpis.derive(m, available_minutes=available)))
    totals["units_in_service"] = base
    m = {name: value for name, value in totals.items() if name in keep}
    money.add_money(m, _money(by_month, keep, book))
    m |= revenue_measures(scope)
    figures = kpis.derive(m, available_minutes=kpis.available_for(scope, minutes))
    return result, figures


def breakdown(
    scope: Scope,
    by: str,
    *,
    limit: int = 25,
    cache: dict | None = None,
    staff: list[dict] | None = None,
) -> list[tuple[object, dict]]:
    """The KPIs of the period per value of `by` (region, agent, category ...), busiest first,
    for the whole company (the scope's dimensions are not applied). `cache` shares the sums of
    a grain between breakdowns (regions and agents read the same rows)."""
    grain, key = BREAKDOWNS[by]
    cache = {} if cache is None else cache
    if grain not in cache:
        # the counts per group; the money per group and month (its columns only: fewer values
        # to read than every measure by month)
        cache[grain] = (
            summed(grain, {}, scope.start, scope.end, by=key),
            summed(grain, {}, scope.start, scope.end, by=key, names=MONEY_FIELDS, months=True),
            installed_base(grain, {}, scope.end, by=key),
        )
    totals, per_month, base = cache[grain]
    if by == "region":
        totals, per_month, base = _by_region(totals), _by_region(per_month), _by_region(base)
    groups: dict = defaultdict(dict)  # {group: {month: money row}}
    for (group, month), row in per_month.items():
        groups[group][month] = row
    available = available_by(scope, by, staff)
    keep = applicable(Scope(start=scope.start, end=scope.end, **{by: 1}))
    book = money.rate_book()
    ranked = sorted(
        totals.items(), key=lambda item: (-item[1]["requests"], -item[1]["visits_done"])
    )
    result = []
    for group, row in ranked[:limit]:
        if group in (None, ""):
            continue
        row = dict(row, units_in_service=base.get(group, 0))
        m = {name: value for name, value in row.items() if name in keep}
        money.add_money(m, _money(groups[group], keep, book))
        result.append((group, kpis.derive(m, available_minutes=available.get(group))))
    return result


def _by_region(per_agent: dict) -> dict:
    """Figures per agent summed per region: keys an agent or (agent, month)."""
    from aftersales.agents.models import Agent

    regions = dict(Agent.objects.values_list("pk", "region"))
    totals: dict = {}
    for key, value in per_agent.items():
        if isinstance(key, tuple):
            agent, month = key
            region = (regions.get(agent) or None, month)
        else:
            region = regions.get(key) or None
        if isinstance(value, dict):
            target = totals.setdefault(region, dict.fromkeys(value, 0))
            for name, number in value.items():
                target[name] += number
        else:
            totals[region] = totals.get(region, 0) + value
    return totals


def available_by(scope: Scope, by: str, staff: list[dict] | None = None) -> dict:
    """Available technician minutes per agent, region or technician (utilization's
    denominator); empty for the other breakdowns."""
    if by not in ("agent", "region", "technician"):
        return {}
    lookup = {"agent": "agent", "region": "agent__region", "technician": "pk"}[by]
    minutes = sources.daily_minutes(Scope(start=scope.start, end=scope.end), by=lookup, rows=staff)
    days = {code: sources.working_days(code, scope.start, scope.end) for code in ("IR", "IT")}
    totals: dict = defaultdict(int)
    for (group, code), per_day in minutes.items():
        totals[group] += per_day * days[code]
    return totals


PAGE_BREAKDOWNS = ("region", "agent", "category")


def page(scope: Scope) -> dict:
    """Everything the manager's dashboard shows for `scope`: the KPIs, their monthly trend, and
    (for the whole company) the breakdowns by region, agent and category."""
    staff = sources.staff_rows(Scope(start=scope.start, end=scope.end))
    months, figures = _trend_and_totals(scope, staff)
    from_facts = figures is not None
    if figures is None:
        figures = kpi_figures(scope, staff)[0]
    data = {"figures": figures, "from_facts": from_facts, "trend": months, "breakdowns": {}}
    if not scope.filters:
        cache: dict = {}
        data["breakdowns"] = {
            by: breakdown(scope, by, cache=cache, staff=staff) for by in PAGE_BREAKDOWNS
        }
    return data
