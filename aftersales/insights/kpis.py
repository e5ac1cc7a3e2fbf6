"""The KPIs: their written definitions and `kpi_values`, computed straight from the records.

    kpi_values(start=date(2026, 1, 1), end=date(2026, 3, 31), agent=agent)
    -> {"first_time_fix_rate": Decimal("0.8125"), ..., "nps": None}

Every KPI is a ratio of additive measures (`measures_from_records`); `derive` turns measures into
KPI values. The dashboard sums the same measures from the pre-aggregated `DailyFact` rows and
calls the same `derive`, so the two always agree. Rates are fractions 0..1, NPS is -100..100,
hours are business hours; None means there is nothing to measure in the scope.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import money, sources
from .revenue import revenue_measures
from .scope import Scope


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    kind: str  # rate, hours, score, nps, per1000, money
    definition: str
    records: str  # the kind of records behind it (a drill-down list)
    higher_is_better: bool = True


KPIS = [
    Kpi(
        "first_time_fix_rate",
        _("First-time fix rate"),
        "rate",
        _(
            "Of the requests opened in the period that are resolved, the share fixed by their "
            "first visit (or without a visit) and never reopened."
        ),
        "requests",
    ),
    Kpi(
        "repeat_visit_rate",
        _("Repeat-visit rate (30 days)"),
        "rate",
        _(
            "Of the visits done in the period, the share followed within 30 days of their start "
            "by another visit to the same unit."
        ),
        "visits",
        higher_is_better=False,
    ),
    Kpi(
        "mean_response_hours",
        _("Mean time to respond"),
        "hours",
        _(
            "Business hours from opening to the first response, averaged over the requests "
            "opened in the period that were answered."
        ),
        "requests",
        higher_is_better=False,
    ),
    Kpi(
        "mean_resolution_hours",
        _("Mean time to resolve"),
        "hours",
        _(
            "Business hours from opening to resolution, averaged over the requests opened in "
            "the period that are resolved."
        ),
        "requests",
        higher_is_better=False,
    ),
    Kpi(
        "sla_compliance",
        _("SLA compliance"),
        "rate",
        _(
            "Of the requests opened in the period with a resolution target, resolved or still "
            "open past it (not paused or cancelled), the share answered by the response target "
            "and resolved by the resolution target."
        ),
        "requests",
    ),
    Kpi(
        "technician_utilization",
        _("Technician utilization"),
        "rate",
        _(
            "Labour minutes of the visits done in the period over the shift minutes (less "
            "breaks) of the active technicians on the working days of their calendar."
        ),
        "visits",
    ),
    Kpi(
        "csat",
        _("Customer satisfaction (CSAT)"),
        "rate",
        _("Of the survey answers with a satisfaction score, the share scoring 4 or 5 of 5."),
        "responses",
    ),
    Kpi(
        "nps",
        _("Net promoter score (NPS)"),
        "nps",
        _(
            "Per cent of promoters (9-10) less per cent of detractors (0-6) among the survey "
            "answers to the recommendation question, from -100 to 100."
        ),
        "responses",
    ),
    Kpi(
        "complaints_per_1000_units",
        _("Complaints per 1,000 units"),
        "per1000",
        _(
            "Complaints received in the period per 1,000 units sold up to the end of the "
            "period (the installed base)."
        ),
        "complaints",
        higher_is_better=False,
    ),
    Kpi(
        "claims_per_1000_units",
        _("Warranty claims per 1,000 units in service"),
        "per1000",
        _(
            "Warranty claims not rejected with a failure date in the period per 1,000 units "
            "sold up to the end of the period."
        ),
        "claims",
        higher_is_better=False,
    ),
    Kpi(
        "warranty_cost_per_unit",
        _("Warranty cost per unit sold"),
        "money",
        _(
            "Approved amounts of the warranty claims with a failure date in the period, each "
            "month's converted into the reporting currency at the rate of its last day, over "
            "the units sold in the period."
        ),
        "claims",
        higher_is_better=False,
    ),
    Kpi(
        "warranty_cost_pct_of_sales",
        _("Warranty cost as a share of sales"),
        "rate",
        _(
            "Approved amounts of the warranty claims with a failure date in the period over "
            "the sale prices of the units sold in the period, both converted into the reporting "
            "currency month by month (units without a price are left out)."
        ),
        "claims",
        higher_is_better=False,
    ),
    Kpi(
        "revenue_vs_target",
        _("Revenue against target"),
        "rate",
        _(
            "Revenue invoiced in the period (net, less credit notes) over the revenue targets "
            "of the same region and service line, prorated to the days of the period."
        ),
        "invoices",
    ),
    Kpi(
        "parts_fill_rate",
        _("Parts fill rate"),
        "rate",
        _(
            "Of the lines of demand on the warehouses in the period, the share served from "
            "stock at once."
        ),
        "demand",
    ),
]
KPI_BY_KEY = {kpi.key: kpi for kpi in KPIS}

RATE = Decimal("0.0001")
HOURS = Decimal("0.01")


def _ratio(numerator, denominator, *, scale=1, places=RATE) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) * scale / Decimal(denominator)).quantize(
        places, rounding=ROUND_HALF_UP
    )


class Figures(dict):
    """KPI values ({key: value}), with what the money KPIs rest on: `amounts`, {measure:
    {currency: amount}} of the period before conversion, and `missing`, {KPI: messages} of the
    exchange rates that leave a money KPI without a figure (its value is then None)."""

    def __init__(self, values: dict, *, amounts=None, missing=None):
        super().__init__(values)
        self.amounts: dict[str, dict[str, Decimal]] = amounts or {}
        self.missing: dict[str, list[str]] = missing or {}


def derive(m: dict, *, available_minutes: int | None) -> Figures:
    """KPI values from summed measures (missing measures mean: not measurable in the scope).
    Money measures are in the reporting currency (None when a rate is missing), with their
    per-currency details under `money.MONEY` (see `money.add_money`)."""

    def get(name):
        return m.get(name)

    def ratio(num, den, **kwargs):
        if get(num) is None or get(den) is None:
            return None
        return _ratio(get(num), get(den), **kwargs)

    nps = None
    if get("nps_responses"):
        nps = _ratio(get("nps_promoters") - get("nps_detractors"), get("nps_responses"), scale=100)
        nps = nps.quantize(HOURS)
    utilization = None
    if get("labour_minutes") is not None and available_minutes:
        utilization = _ratio(get("labour_minutes"), available_minutes)
    values = {
        "first_time_fix_rate": ratio("ftf_yes", "ftf_measured"),
        "repeat_visit_rate": ratio("visits_repeat", "visits_done"),
        "mean_response_hours": ratio(
            "response_seconds", "responded", scale=Decimal(1) / 3600, places=HOURS
        ),
        "mean_resolution_hours": ratio(
            "resolution_seconds", "resolved", scale=Decimal(1) / 3600, places=HOURS
        ),
        "sla_compliance": ratio("sla_met", "sla_measured"),
        "technician_utilization": utilization,
        "csat": ratio("csat_satisfied", "csat_responses"),
        "nps": nps,
        "complaints_per_1000_units": ratio(
            "complaints", "units_in_service", scale=1000, places=HOURS
        ),
        "claims_per_1000_units": ratio("claims", "units_in_service", scale=1000, places=HOURS),
        "warranty_cost_per_unit": ratio("claims_cost", "units_sold", places=HOURS),
        "warranty_cost_pct_of_sales": ratio("claims_cost", "sales_value"),
        "parts_fill_rate": ratio("demand_served", "demand_lines"),
        "revenue_vs_target": ratio("revenue", "revenue_target"),
    }
    sums = m.get(money.MONEY) or {}
    return Figures(
        values,
        amounts={measure: found.totals for measure, found in sums.items()},
        missing=money.missing_rates(m),
    )


def _business_seconds(rows) -> tuple[int, int]:
    """(count, business seconds) over (start, end, calendar code) rows."""
    from aftersales.service.business import business_between, calendar_for

    count = seconds = 0
    for start, end, code in rows:
        count += 1
        seconds += round(business_between(start, end, calendar_for(code)) * 3600)
    return count, seconds


def measures_from_records(scope: Scope) -> dict:
    """The additive measures of `scope`, read from the records themselves."""
    m: dict = {}
    sums: dict[str, money.MoneySum] = {}
    book = money.rate_book()
    found = sources.requests(scope)
    if found is not None:
        totals = found.aggregate(
            requests=Count("pk"),
            ftf_measured=Count("pk", filter=Q(first_time_fix__isnull=False)),
            ftf_yes=Count("pk", filter=Q(first_time_fix=True)),
        )
        m.update(totals)
        m["responded"], m["response_seconds"] = _business_seconds(
            found.filter(responded_at__isnull=False).values_list(
                "opened_at", "responded_at", "calendar"
            )
        )
        m["resolved"], m["resolution_seconds"] = _business_seconds(
            found.filter(resolved_at__isnull=False).values_list(
                "opened_at", "resolved_at", "calendar"
            )
        )
        measured = found.filter(sla_measured_q(timezone.now()))
        m["sla_measured"] = measured.count()
        m["sla_met"] = measured.filter(sla_met_q()).count()
    found = sources.visits(scope)
    if found is not None:
        m.update(
            found.aggregate(
                visits_done=Count("pk"),
                visits_repeat=Count("pk", filter=sources.repeat_q()),
                labour_minutes=Sum("labour_minutes", default=0),
            )
        )
    found = sources.claims(scope)
    if found is not None:
        m["claims"] = found.count()
        paid = found.filter(status__in=PAID_CLAIMS)
        sums["claims_cost"] = _money_by_month(
            paid, "failure_date", "currency", "approved_total", book
        )
    sold = sources.units_sold(scope)
    if sold is not None:
        m["units_sold"] = sold.count()
        sums["sales_value"] = _money_by_month(
            sold, "sale_date", "sale_currency", "sale_price", book
        )
        m["units_in_service"] = sources.units_in_service(scope).count()
    found = sources.complaints(scope)
    if found is not None:
        m["complaints"] = found.count()
    found = sources.responses(scope)
    if found is not None:
        m.update(
            found.aggregate(
                csat_responses=Count("pk", filter=Q(csat__isnull=False)),
                csat_satisfied=Count("pk", filter=Q(csat__gte=4)),
                nps_responses=Count("pk", filter=Q(nps__isnull=False)),
                nps_promoters=Count("pk", filter=Q(nps__gte=9)),
                nps_detractors=Count("pk", filter=Q(nps__lte=6)),
            )
        )
    found = sources.demand(scope)
    if found is not None:
        m.update(
            found.aggregate(
                demand_lines=Count("pk"), demand_served=Count("pk", filter=Q(served=True))
            )
        )
    m.update(revenue_measures(scope))
    return money.add_money(m, sums)


def _money_by_month(queryset, day: str, currency: str, amount: str, book) -> money.MoneySum:
    """The sum of `amount` per month of `day` and `currency`, in the reporting currency."""
    months: dict[dt.date, dict[str, Decimal]] = {}
    rows = (
        queryset.annotate(month=TruncMonth(day))
        .values("month", currency)
        .annotate(total=Sum(amount))
        .order_by()
    )
    for row in rows:
        month = row["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        amounts = months.setdefault(month, {})
        amounts[row[currency]] = amounts.get(row[currency], Decimal(0)) + (row["total"] or 0)
    return money.money_sums(months, book)


PAID_CLAIMS = ("approved", "partly")


def sla_measured_q(now: dt.datetime) -> Q:
    """The requests the SLA is judged on at `now`: those with a resolution target that are
    resolved, or still open past it (a breach already), unless paused or cancelled."""
    overdue = Q(resolved_at__isnull=True, resolution_due__lt=now, paused_at__isnull=True) & ~Q(
        status="cancelled"
    )
    return Q(resolution_due__isnull=False) & (Q(resolved_at__isnull=False) | overdue)


def sla_met_q() -> Q:
    from django.db.models import F

    return Q(resolved_at__lte=F("resolution_due")) & (
        Q(response_due__isnull=True) | Q(responded_at__lte=F("response_due"))
    )


def kpi_values(
    *,
    start: dt.date,
    end: dt.date,
    agent=None,
    technician=None,
    region=None,
    category=None,
    product_model=None,
    service_type=None,
) -> dict[str, Decimal | None]:
    """The KPIs of the period `start`..`end` (local days, both included), narrowed by any of
    the dimensions, computed from the records (see `KPIS` for the definitions)."""
    scope = Scope(
        start=start,
        end=end,
        agent=agent,
        technician=technician,
        region=region,
        category=category,
        product_model=product_model,
        service_type=service_type,
    )
    return derive(measures_from_records(scope), available_minutes=available_for(scope))


def available_for(scope: Scope, minutes: dict | None = None) -> int | None:
    """Available technician minutes, when utilization is defined for the scope (`minutes`:
    `sources.daily_minutes(scope)` when the caller has it already)."""
    if scope.has_any("category", "product_model", "service_type"):
        return None
    return sources.available_minutes(scope, minutes)
