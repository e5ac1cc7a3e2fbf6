"""Failure analytics: the Pareto of failure codes and parts, the months-in-service by
production-month matrix, and the reliability (Weibull) page with the forecast."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from aftersales.core.calendars import show_month
from aftersales.core.text import persian_digits

from .. import selectors
from ..forms import AnalyticsForm, MatrixForm, ReliabilityForm
from .common import chart, require_analyst

HEAT_STEPS = 6


@login_required
def pareto(request):
    require_analyst(request)
    form = AnalyticsForm(request.GET or None, user=request.user)
    scope = form.scope()
    by_code = selectors.pareto(request.user, by="code", **scope)
    by_part = selectors.pareto(request.user, by="part", **scope)
    context = {
        "title": _("Failure analytics"),
        "form": form,
        "by_code": by_code,
        "by_part": by_part,
        "code_chart": _pareto_chart(by_code, _("Failures")),
        "part_chart": _pareto_chart(by_part, _("Parts replaced")),
    }
    return TemplateResponse(request, "quality/pareto.html", context)


def _pareto_chart(rows, label):
    labels = [row.key or _("Others") for row in rows]
    return chart(
        "bar",
        labels,
        [
            {"type": "bar", "label": str(label), "data": [r.count for r in rows], "yAxisID": "y"},
            {
                "type": "line",
                "label": _("Cumulative %"),
                "data": [round(100 * r.cumulative, 1) for r in rows],
                "yAxisID": "percent",
            },
        ],
        percent_axis=True,
        y_title=str(label),
    )


@login_required
def matrix(request):
    require_analyst(request)
    form = MatrixForm(request.GET or None, user=request.user)
    result = selectors.claim_matrix(request.user, **form.scope())
    rows = [
        {
            "month": row.month,
            "units": row.units,
            "claims": row.claims,
            "cells": [_heat(cell, result.peak) for cell in row.cells],
        }
        for row in result.rows
    ]
    total = [_heat(cell, result.peak) for cell in result.total]
    curve = chart(
        "line",
        [_number(month) for month in result.columns],
        [
            {
                "label": _("Claims per 1,000 units, all production months"),
                "data": [round(c[2], 2) if c else None for c in result.total],
            }
        ],
        x_title=_("Months in service"),
        y_title=_("Warranty claims per 1,000 units"),
    )
    context = {
        "title": _("Claim rate by months in service"),
        "form": form,
        "columns": result.columns,
        "rows": rows,
        "total": total,
        "curve": curve,
        "steps": range(HEAT_STEPS),
    }
    return TemplateResponse(request, "quality/matrix.html", context)


def _heat(cell, peak):
    """A cell with its shade class (0 = no claims .. HEAT_STEPS-1 = the peak)."""
    if cell is None:
        return None
    claims, at_risk, rate = cell
    step = 0 if not claims or not peak else 1 + int((HEAT_STEPS - 2) * rate / peak + 0.5)
    return {"claims": claims, "at_risk": at_risk, "rate": rate, "step": min(step, HEAT_STEPS - 1)}


@login_required
def reliability(request):
    require_analyst(request)
    form = ReliabilityForm(request.GET or None, user=request.user)
    context = {"title": _("Reliability and forecast"), "form": form}
    if form.is_bound and form.is_valid():
        scope = {
            "product_model": form.cleaned_data["product_model"],
            "failure_code": form.cleaned_data.get("failure_code"),
            "part": form.cleaned_data.get("part"),
        }
        data = selectors.life_data(request.user, **scope)
        fit = selectors.fit_life(data)
        context.update(data=data, fit=fit, scope=scope)
        if fit is not None:
            outlook = selectors.forecast(request.user, model=fit, **scope)
            context.update(
                forecast=outlook,
                forecast_rows=list(zip(outlook.months, outlook.claims, outlook.cost, strict=True)),
                life_chart=_life_chart(data, fit),
                forecast_chart=chart(
                    "bar",
                    [show_month(m) for m in outlook.months],
                    [
                        {
                            "label": _("Expected claims"),
                            "data": [round(n, 2) for n in outlook.claims],
                        }
                    ],
                    x_title=_("Month"),
                    y_title=_("Expected claims"),
                ),
            )
    return TemplateResponse(request, "quality/reliability.html", context)


def _life_chart(data, fit):
    """The fitted unreliability F(t) against the Kaplan-Meier estimate of the same data."""
    import numpy as np

    horizon = float(data.observed_until or max(data.ages.max(), 1.0))
    grid = np.linspace(0, horizon, 25)
    km = selectors.kaplan_meier(data, grid)
    return chart(
        "line",
        [_number(f"{g:.0f}") for g in grid],
        [
            {
                "label": _("Weibull fit: share failed (%)"),
                "data": [round(100 * float(x), 2) for x in fit.cdf(grid)],
            },
            {
                "label": _("Observed (Kaplan-Meier, %)"),
                "data": [None if x is None else round(100 * x, 2) for x in km],
            },
        ],
        x_title=_("Months in service"),
        y_title=_("Share failed (%)"),
    )


def _number(value) -> str:
    """A number as a chart's label: in Persian digits on a Persian page."""
    text = str(value)
    return persian_digits(text) if (get_language() or "").startswith("fa") else text
