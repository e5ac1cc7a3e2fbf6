"""The insights API: the KPIs of a scope (from the pre-aggregated facts), their monthly trend,
a breakdown per region, agent, technician, category, model or service type, the written
definitions, and a refresh of the facts. For managers, quality engineers and finance; anyone
else gets 404, as for a record out of scope."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from aftersales.customers.schemas import ERRORS, ErrorOut

from . import dashboard, services
from .aggregation import refresh
from .forms import ScopeForm
from .kpis import KPIS
from .models import DailyFact, ExchangeRate
from .rates import reporting_currency
from .schemas import (
    BreakdownRowOut,
    DefinitionOut,
    KpisOut,
    MonthOut,
    RateIn,
    RateOut,
    RefreshOut,
    ScopeQuery,
)


def _money(values) -> dict:
    """The reporting currency, the per-currency amounts and the missing rates of the money KPIs
    (`kpis.Figures`)."""
    return {
        "reporting_currency": reporting_currency(),
        "amounts": getattr(values, "amounts", {}),
        "missing_rates": getattr(values, "missing", {}),
    }


router = Router(tags=["insights"])


def _scope(request, params: ScopeQuery):
    if not DailyFact.policy.allows(request.user, "view"):
        raise Http404
    data = {name: value for name, value in params.dict().items() if value not in (None, "")}
    form = ScopeForm(data, user=request.user)
    if not form.is_valid():
        raise ValidationError(
            {field: [str(error) for error in errors] for field, errors in form.errors.items()}
        )
    return form.scope()


@router.get("/kpis", response={200: KpisOut, ERRORS: ErrorOut}, summary="The KPIs of a scope")
def kpis(request, params: Query[ScopeQuery]):
    """Every KPI of the period (rates as fractions 0..1, NPS -100..100, business hours, money
    in `reporting_currency`), from the pre-aggregated facts; several dimensions at once are
    counted from the records. A money KPI a missing exchange rate leaves without a value is
    null, and `missing_rates` says which rate it needs."""
    scope = _scope(request, params)
    values, from_facts = dashboard.kpi_figures(scope)
    return {
        "start": scope.start,
        "end": scope.end,
        "from_facts": from_facts,
        "values": values,
        **_money(values),
    }


@router.get("/trend", response={200: list[MonthOut], ERRORS: ErrorOut}, summary="The KPIs by month")
def trend(request, params: Query[ScopeQuery]):
    scope = _scope(request, params)
    return [
        {"month": month, "values": values, **_money(values)}
        for month, values in dashboard.trend(scope)
    ]


@router.get(
    "/breakdown/{by}",
    response={200: list[BreakdownRowOut], ERRORS: ErrorOut},
    summary="The KPIs per region, agent, technician, category, model or service type",
)
def breakdown(request, by: str, params: Query[ScopeQuery]):
    scope = _scope(request, params)
    if by not in dashboard.BREAKDOWNS:
        raise Http404
    rows = dashboard.breakdown(scope, by, limit=1000)
    return [{"key": key, "values": values, **_money(values)} for key, values in rows]


@router.get("/definitions", response=list[DefinitionOut], summary="How each KPI is counted")
def definitions(request):
    return [
        {
            "key": kpi.key,
            "label": str(kpi.label),
            "kind": kpi.kind,
            "definition": str(kpi.definition),
            "records": kpi.records,
        }
        for kpi in KPIS
    ]


@router.post(
    "/refresh", response={200: RefreshOut, ERRORS: ErrorOut}, summary="Bring the facts up to date"
)
def refresh_facts(request, full: bool = False):
    """Rebuild the days that changed (or every day with `full=true`); managers only."""
    if not DailyFact.policy.allows(request.user, "view"):
        raise Http404
    if request.user.role != "manager" and not request.user.is_superuser:
        raise PermissionDenied(_("Only a manager may rebuild the figures."))
    return refresh(full=full)


def _rate_out(rate: ExchangeRate) -> dict:
    return {
        "id": rate.pk,
        "currency": rate.currency,
        "valid_from": rate.valid_from,
        "rate": rate.rate,
        "note": rate.note,
        "reporting_currency": reporting_currency(),
    }


@router.get("/rates", response={200: list[RateOut], ERRORS: ErrorOut}, summary="The exchange rates")
def rates(request, currency: str | None = None):
    """Every rate to the reporting currency (of one currency with `currency`), newest first."""
    if not ExchangeRate.policy.allows(request.user, "view"):
        raise Http404
    found = ExchangeRate.objects.restrict(request.user, "view").order_by("currency", "-valid_from")
    if currency:
        found = found.filter(currency=currency.upper())
    return [_rate_out(rate) for rate in found]


@router.post("/rates", response={201: RateOut, ERRORS: ErrorOut}, summary="Add an exchange rate")
def rate_create(request, payload: RateIn):
    """Managers and finance: one unit of `currency` is worth `rate` of the reporting currency
    from `valid_from` on (one rate per currency and day)."""
    if not ExchangeRate.policy.allows(request.user, "view"):
        raise Http404
    if not ExchangeRate.policy.allows(request.user, "add"):
        raise PermissionDenied
    from aftersales.core.choices import Currency

    if payload.currency not in Currency.values:
        raise ValidationError({"currency": [_("Choose a currency of the list.")]})
    rate = services.exchange_rate_save(
        rate=ExchangeRate(),
        by=request.user,
        currency=payload.currency,
        valid_from=payload.valid_from,
        value=payload.rate,
        note=payload.note,
    )
    return Status(201, _rate_out(rate))
