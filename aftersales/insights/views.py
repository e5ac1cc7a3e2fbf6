"""The manager's dashboard and the lists of the records behind each figure."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aftersales.core.calendars import show_date, show_month
from aftersales.core.exports import csv_response, xlsx_response
from aftersales.core.money import quantize, show_money
from aftersales.core.views.lists import AmountColumn, Column, ObjectListView

from . import dashboard as reads
from . import money, sources
from .display import chart_value, kpi_text
from .forms import ScopeForm
from .kpis import KPI_BY_KEY, KPIS, Figures, sla_measured_q
from .models import DailyFact, RefreshLog
from .rates import MissingRate, reporting_currency
from .revenue import month_end, revenue_by_currency
from .scope import Scope

TREND_CHARTS = {
    "rates": (
        _("Rates by month (%)"),
        ("first_time_fix_rate", "repeat_visit_rate", "sla_compliance", "csat", "parts_fill_rate"),
    ),
    "hours": (_("Business hours by month"), ("mean_response_hours", "mean_resolution_hours")),
    "per1000": (
        _("Per 1,000 units by month"),
        ("claims_per_1000_units", "complaints_per_1000_units"),
    ),
}
BREAKDOWN_KPIS = (
    "first_time_fix_rate",
    "repeat_visit_rate",
    "sla_compliance",
    "mean_resolution_hours",
    "technician_utilization",
    "csat",
    "claims_per_1000_units",
    "warranty_cost_per_unit",
)
# the money measures behind the money KPIs, as a card names them below its figure
AMOUNT_LABELS = {"claims_cost": _("Warranty cost"), "sales_value": _("Sales value")}
BREAKDOWN_TITLES = {
    "region": _("By region"),
    "agent": _("By agent"),
    "category": _("By category"),
}


def require_reader(user) -> None:
    """The dashboard is for managers, quality engineers and finance: others get a 404."""
    if not DailyFact.policy.allows(user, "view"):
        raise Http404


def scope_query(scope: Scope, **extra) -> str:
    params = {"start": scope.start.isoformat(), "end": scope.end.isoformat()}
    params |= scope.filters
    params |= {name: value for name, value in extra.items() if value is not None}
    return urlencode(params)


def records_url(kpi_key: str, scope: Scope) -> str:
    kpi = KPI_BY_KEY[kpi_key]
    if kpi.records == "invoices":
        return reverse("billing:invoices")
    return reverse("insights:records", args=[kpi.records]) + "?" + scope_query(scope, kpi=kpi.key)


def amounts_lines(figures: Figures, kpi_key: str) -> list[str]:
    """What a money KPI rests on, per currency before conversion: 'Warranty cost: 8,000,000
    Rial + 25.00 €'; empty for the other KPIs."""
    lines = []
    for measure in money.MONEY_KPIS.get(kpi_key, ()):
        if measure not in figures.amounts:
            continue
        amounts = figures.amounts[measure]
        text = " + ".join(show_money(amount, currency) for currency, amount in amounts.items())
        lines.append(
            gettext("%(measure)s: %(amounts)s")
            % {
                "measure": AMOUNT_LABELS[measure],
                "amounts": text or show_money(money.ZERO, reporting_currency()),
            }
        )
    return lines


def figure_cell(figures: Figures, kpi_key: str) -> tuple[str, str]:
    """(the text of a KPI, the exchange rates it misses) for a table cell or a card."""
    missing = figures.missing.get(kpi_key)
    if missing:
        return gettext("No rate"), " ".join(missing)
    return kpi_text(KPI_BY_KEY[kpi_key], figures[kpi_key]), ""


def missing_rates(data: dict) -> list[str]:
    """Every exchange rate the page's money figures miss, once each."""
    found: list[str] = []
    everything = [data["figures"], *(f for __, f in data["trend"])]
    everything += [f for rows in data["breakdowns"].values() for __, f in rows]
    for figures in everything:
        for messages in getattr(figures, "missing", {}).values():
            found += [message for message in messages if message not in found]
    return found


def _labels(by: str, groups) -> dict:
    from aftersales.agents.models import Agent
    from aftersales.catalog.models import Category

    if by == "region":
        return {group: group for group in groups}
    model = Agent if by == "agent" else Category
    return {obj.pk: str(obj) for obj in model.objects.filter(pk__in=list(groups))}


@login_required
def dashboard(request):
    require_reader(request.user)
    form = ScopeForm(request.GET or None, user=request.user)
    if form.is_bound and not form.is_valid():
        context = {"form": form, "title": _("Dashboard")}
        return TemplateResponse(request, "insights/dashboard.html", context, status=400)
    if not form.is_bound:
        form = ScopeForm({}, user=request.user)
        form.is_valid()
    scope = form.scope()
    data = reads.page(scope)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return dashboard_export(scope, data, export)
    figures = data["figures"]
    cards = [
        {
            "kpi": kpi,
            "text": kpi_text(kpi, figures[kpi.key]),
            "missing": figures.missing.get(kpi.key, []),
            "amounts": amounts_lines(figures, kpi.key),
            "url": records_url(kpi.key, scope),
        }
        for kpi in KPIS
    ]
    months = [month for month, __ in data["trend"]]
    reporting = reporting_currency()
    trend_charts = dict(TREND_CHARTS)
    trend_charts["warranty"] = (
        _("Warranty cost per unit sold by month, in %(currency)s") % {"currency": reporting},
        ("warranty_cost_per_unit",),
    )
    charts = {
        name: {
            "title": str(title),
            "labels": [show_month(month) for month in months],
            "series": [
                {
                    "label": str(KPI_BY_KEY[key].label),
                    "data": [chart_value(KPI_BY_KEY[key], f[key]) for __, f in data["trend"]],
                }
                for key in keys
            ],
        }
        for name, (title, keys) in trend_charts.items()
    }
    breakdowns = []
    for by, rows in data["breakdowns"].items():
        labels = _labels(by, [group for group, __ in rows])
        table = []
        for group, figures in rows:
            narrowed = Scope(start=scope.start, end=scope.end, **{by: group})
            table.append(
                {
                    "label": labels.get(group, group),
                    "narrow": "?" + scope_query(narrowed),
                    "cells": [
                        (*figure_cell(figures, key), records_url(key, narrowed))
                        for key in BREAKDOWN_KPIS
                    ],
                    "chart": chart_value(
                        KPI_BY_KEY["first_time_fix_rate"], figures["first_time_fix_rate"]
                    ),
                }
            )
        breakdowns.append(
            {
                "by": by,
                "title": BREAKDOWN_TITLES[by],
                "chart_label": KPI_BY_KEY["first_time_fix_rate"].label,
                "rows": table,
            }
        )
    revenue = revenue_context(scope)
    if revenue:
        charts["revenue"] = revenue["chart"]
    context = {
        "title": _("Dashboard"),
        "form": form,
        "revenue": revenue,
        "revenue_url": reverse("insights:revenue") + "?" + scope_query(scope),
        "scope": scope,
        "cards": cards,
        "charts": charts,
        "breakdowns": breakdowns,
        "breakdown_kpis": [KPI_BY_KEY[key] for key in BREAKDOWN_KPIS],
        "from_facts": data["from_facts"],
        "missing_rates": missing_rates(data),
        "reporting": reporting,
        "export_query": scope_query(scope),
        "refreshed": RefreshLog.objects.filter(finished_at__isnull=False).first(),
        "kpis": KPIS,
    }
    return TemplateResponse(request, "insights/dashboard.html", context)


# --- the dashboard's figures as a spreadsheet -----------------------------------------------------
def _export_unit(kpi) -> str:
    return {
        "rate": "%",
        "hours": gettext("business hours"),
        "money": reporting_currency(),
        "per1000": gettext("per 1,000 units"),
    }.get(kpi.kind, "")


def _export_value(kpi, value):
    if value is None:
        return ""
    return value * 100 if kpi.kind == "rate" else value


def _export_rows(section: str, name: str, figures: Figures):
    for kpi in KPIS:
        amounts = "; ".join(
            f"{measure} {amount} {currency}"
            for measure in money.MONEY_KPIS.get(kpi.key, ())
            for currency, amount in figures.amounts.get(measure, {}).items()
        )
        yield [
            section,
            name,
            str(kpi.label),
            _export_value(kpi, figures.get(kpi.key)),
            _export_unit(kpi),
            amounts,
            " ".join(figures.missing.get(kpi.key, [])),
        ]


def dashboard_export(scope: Scope, data: dict, kind: str):
    """Every figure of the page (the period, each month, each row of the breakdowns) with its
    unit: money KPIs in the reporting currency, with their amounts per currency and the
    exchange rates they miss."""
    header = [
        gettext("Figures of"),
        gettext("Name"),
        gettext("KPI"),
        gettext("Value"),
        gettext("Unit"),
        gettext("Amounts per currency"),
        gettext("Missing exchange rate"),
    ]
    period = gettext("%(start)s to %(end)s") % {
        "start": scope.start.isoformat(),
        "end": scope.end.isoformat(),
    }
    rows = list(_export_rows(gettext("Period"), period, data["figures"]))
    for month, figures in data["trend"]:
        rows += _export_rows(gettext("Month"), month.strftime("%Y-%m"), figures)
    for by, found in data["breakdowns"].items():
        labels = _labels(by, [group for group, __ in found])
        for group, figures in found:
            rows += _export_rows(str(BREAKDOWN_TITLES[by]), str(labels.get(group, group)), figures)
    name = f"kpis-{scope.start.isoformat()}-{scope.end.isoformat()}"
    if kind == "csv":
        return csv_response(name, header, rows)
    return xlsx_response(name, header, rows)


# --- revenue in every currency and in the reporting currency ------------------------------------
def _combined_text(combined) -> str:
    if combined.amount is None:
        return " ".join(combined.messages)
    return show_money(combined.amount, combined.currency)


def revenue_context(scope: Scope) -> dict | None:
    """The revenue of the scope per currency and in the reporting currency, per month and in
    all, with the chart of the combined revenue by month; None when revenue has no meaning
    for the scope."""
    found = revenue_by_currency(scope)
    if found is None:
        return None
    reporting = reporting_currency()
    return {
        "reporting": reporting,
        "currencies": found.currencies,
        "totals": [(c, show_money(found.totals[c], c)) for c in found.currencies],
        "combined": found.combined,
        "combined_text": _combined_text(found.combined),
        "months": [
            {
                "label": show_month(row.month),
                "amounts": [show_money(row.amounts[c], c) for c in found.currencies],
                "combined": row.combined,
                "combined_text": _combined_text(row.combined),
            }
            for row in found.months
        ],
        "chart": {
            "title": str(_("Revenue by month, in %(currency)s") % {"currency": reporting}),
            "labels": [show_month(row.month) for row in found.months],
            "series": [
                {
                    "label": str(_("Revenue in %(currency)s") % {"currency": reporting}),
                    "data": [
                        None if row.combined.amount is None else float(row.combined.amount)
                        for row in found.months
                    ],
                }
            ],
        },
    }


@login_required
def revenue(request):
    """The revenue of a period by month, in each currency and in the reporting currency."""
    require_reader(request.user)
    form = ScopeForm(request.GET or {}, user=request.user)
    title = _("Revenue by currency")
    if not form.is_valid():
        context = {"form": form, "title": title}
        return TemplateResponse(request, "insights/revenue.html", context, status=400)
    scope = form.scope()
    found = revenue_context(scope)
    context = {
        "title": title,
        "form": form,
        "scope": scope,
        "revenue": found,
        "charts": {"revenue": found["chart"]} if found else {},
        "dashboard_url": reverse("insights:dashboard") + "?" + scope_query(scope),
    }
    return TemplateResponse(request, "insights/revenue.html", context)


# --- the records behind a figure ------------------------------------------------------------------
def _measured(kpi_key: str):
    """Of the records of a rate or a mean, those it is measured on (its denominator), so the
    list behind a card counts what the card counts; None: every record of the period."""
    return {
        "first_time_fix_rate": lambda: Q(first_time_fix__isnull=False),
        "mean_response_hours": lambda: Q(responded_at__isnull=False),
        "mean_resolution_hours": lambda: Q(resolved_at__isnull=False),
        "sla_compliance": lambda: sla_measured_q(timezone.now()),
        "csat": lambda: Q(csat__isnull=False),
        "nps": lambda: Q(nps__isnull=False),
    }.get(kpi_key, lambda: None)()


class RecordList(ObjectListView):
    """The records counted in a figure: the same selection as the KPI, through `restrict()`."""

    source = None
    records = ""  # the kind of records (requests, visits ...), as a KPI names them
    paginate_by = 50

    def scope(self) -> Scope:
        form = ScopeForm(self.request.GET, user=self.request.user)
        if not form.is_valid():
            raise Http404
        return form.scope()

    def base_queryset(self):
        require_reader(self.request.user)
        queryset = super().base_queryset()
        found = type(self).source(self.scope(), queryset)
        if found is None:
            return queryset.none()
        kpi = KPI_BY_KEY.get(self.request.GET.get("kpi", ""))
        measured = _measured(kpi.key) if kpi is not None else None
        if measured is not None and kpi.records == self.records:
            found = found.filter(measured)
        return found

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if hasattr(response, "context_data") and response.context_data is not None:
            kpi = KPI_BY_KEY.get(request.GET.get("kpi", ""))
            scope = self.scope()
            response.context_data["title"] = _("%(records)s from %(start)s to %(end)s") % {
                "records": self.model._meta.verbose_name_plural,
                "start": show_date(scope.start),
                "end": show_date(scope.end),
            }
            response.context_data["insights_kpi"] = kpi
        return response

    def can_create(self) -> bool:
        return False


def _requests():
    from aftersales.service.models import ServiceRequest

    class Requests(RecordList):
        model = ServiceRequest
        source = staticmethod(sources.requests)
        select_related = ("service_type", "agent", "unit__product_model")
        default_sort = "-opened_at"
        columns = [
            Column("number", _("Number"), sort="number", link=True, kind="serial"),
            Column("opened_at", _("Opened"), sort="opened_at", kind="datetime"),
            Column("service_type.name", _("Service type")),
            Column("agent.name", _("Agent")),
            Column("unit.product_model.code", _("Model"), kind="serial"),
            Column("responded_at", _("Responded"), sort="responded_at", kind="datetime"),
            Column("resolved_at", _("Resolved"), sort="resolved_at", kind="datetime"),
            Column("resolution_due", _("Resolution due"), kind="datetime"),
            Column("first_time_fix", _("First-time fix"), kind="bool"),
            Column("get_status_display", _("Status"), sort="status"),
        ]

    return Requests


def _visits():
    from aftersales.service.models import Visit

    class Visits(RecordList):
        model = Visit
        source = staticmethod(sources.visits)
        select_related = ("request__agent", "technician", "request__unit__product_model")
        default_sort = "-window_start"
        columns = [
            Column("number", _("Number"), sort="number", link=True, kind="serial"),
            Column("window_start", _("Promised from"), sort="window_start", kind="datetime"),
            Column("technician.full_name", _("Technician")),
            Column("request.agent.name", _("Agent")),
            Column("request.unit.serial", _("Serial"), kind="serial"),
            Column("get_result_display", _("Result")),
            Column("labour_minutes", _("Labour (minutes)"), sort="labour_minutes", kind="number"),
        ]

    return Visits


def _claims():
    from aftersales.warranty.models import Claim

    class Claims(RecordList):
        model = Claim
        source = staticmethod(sources.claims)
        select_related = ("agent", "unit__product_model")
        default_sort = "-failure_date"
        columns = [
            Column("number", _("Number"), sort="number", link=True, kind="serial"),
            Column("failure_date", _("Failure date"), sort="failure_date", kind="date"),
            Column("unit.serial", _("Serial"), kind="serial"),
            Column("unit.product_model.code", _("Model"), kind="serial"),
            Column("agent.name", _("Agent")),
            Column("get_status_display", _("Status"), sort="status"),
            Column("approved_total", _("Approved"), sort="approved_total", kind="number"),
            Column("currency", _("Currency"), sort="currency", kind="serial"),
        ]

        def get(self, request, *args, **kwargs):
            # the approved amount in the reporting currency, at the rate of the last day of
            # the failure's month (as the warranty cost KPIs convert it)
            self.columns = [*type(self).columns, ConvertedColumn(money.rate_book())]
            return super().get(request, *args, **kwargs)

    return Claims


class ConvertedColumn(AmountColumn):
    """A claim's approved amount in the reporting currency, at the rate of the last day of its
    failure's month; the missing rate named when there is none."""

    def __init__(self, book):
        reporting = reporting_currency()
        super().__init__(
            self.convert,
            gettext("Approved, in %(currency)s") % {"currency": reporting},
            currency=lambda obj: reporting,
        )
        self.book = book

    def convert(self, claim):
        try:
            amount = self.book.convert(
                claim.approved_total, claim.currency, month_end(claim.failure_date)
            )
        except MissingRate as error:
            return error
        return quantize(amount, reporting_currency())

    def text(self, obj) -> str:
        value = self.value(obj)
        return value.message() if isinstance(value, MissingRate) else super().text(obj)

    def export(self, obj):
        value = self.value(obj)
        return value.message() if isinstance(value, MissingRate) else super().export(obj)


def _demand():
    from aftersales.parts.models import DemandLine

    class Demand(RecordList):
        model = DemandLine
        source = staticmethod(sources.demand)
        select_related = ("warehouse", "part")
        default_sort = "-at"
        columns = [
            Column("at", _("At"), sort="at", kind="datetime"),
            Column("warehouse.name", _("Warehouse")),
            Column("part.sku", _("Part"), kind="serial"),
            Column("quantity", _("Quantity"), kind="number"),
            Column("served", _("Served from stock"), kind="bool"),
            Column("document_number", _("Document"), kind="serial"),
        ]

    return Demand


def _complaints():
    model = sources.optional_model("complaints.Complaint")
    if model is None:
        return None

    class Complaints(RecordList):
        source = staticmethod(sources.complaints)
        default_sort = "-received_at"
        columns = [
            Column("code", _("Code"), sort="code", link=True, kind="serial"),
            Column("received_at", _("Received"), sort="received_at", kind="datetime"),
            Column("get_stage_display", _("Stage")),
            Column("get_severity_display", _("Severity")),
            Column("closed_at", _("Closed"), kind="datetime"),
        ]

    Complaints.model = model
    return Complaints


def _responses():
    model = sources.optional_model("surveys.Response")
    if model is None:
        return None

    class Responses(RecordList):
        source = staticmethod(sources.responses)
        default_sort = "-submitted_at"
        columns = [
            Column("submitted_at", _("Submitted"), sort="submitted_at", kind="datetime"),
            Column("csat", _("Satisfaction (1-5)"), sort="csat", kind="number"),
            Column("nps", _("Would recommend (0-10)"), sort="nps", kind="number"),
            Column("ces", _("Effort (1-7)"), sort="ces", kind="number"),
        ]

    Responses.model = model
    return Responses


RECORD_VIEWS = {
    "requests": _requests,
    "visits": _visits,
    "claims": _claims,
    "demand": _demand,
    "complaints": _complaints,
    "responses": _responses,
}
_built: dict = {}


def records(request, kind: str):
    if kind not in RECORD_VIEWS:
        raise Http404
    if kind not in _built:
        view_class = RECORD_VIEWS[kind]()
        _built[kind] = view_class.as_view(records=kind) if view_class else None
    view = _built[kind]
    if view is None:
        raise Http404
    return view(request)
