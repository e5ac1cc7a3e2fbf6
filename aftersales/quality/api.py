"""The quality API: failure analytics (Pareto, the claim-rate matrix, Weibull reliability and
forecast), early warnings, corrective actions, customers' needs and service processes.

The analytics answer quality engineers and managers only (403 for other roles)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from aftersales.catalog.models import Category, FailureCode, Part, ProductModel
from aftersales.core.access import demand
from aftersales.core.idempotency import idempotent
from aftersales.core.models import User
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.service.models import DefectReport, ServiceType

from . import selectors, services
from .models import CorrectiveAction, CustomerNeed, EarlyWarning, ProcessVersion
from .schemas import (
    CapaCheckIn,
    CapaIn,
    CapaOut,
    CapaPlanIn,
    DismissIn,
    MatrixOut,
    MatrixQuery,
    NeedIn,
    NeedOut,
    NeedReviewIn,
    ParetoQuery,
    ParetoRowOut,
    ProcessVersionIn,
    ProcessVersionOut,
    ReliabilityOut,
    ReliabilityQuery,
    ScanIn,
    WarningOut,
)

router = Router(tags=["quality"])


def _one(model, user, pk, field: str):
    """A referenced record the caller may see, or a 422 on `field`."""
    if pk is None:
        return None
    found = model.objects.restrict(user, "view").filter(pk=pk).first()
    if found is None:
        raise ValidationError({field: [_("There is no such record.")]})
    return found


# ---------------------------------------------------------------- analytics


@router.get("/pareto", response={200: list[ParetoRowOut], ERRORS: ErrorOut}, summary="Pareto")
def pareto(request, params: Query[ParetoQuery]):
    """Failures by failure code or by part replaced, most frequent first, with cumulative
    shares (claims that were not rejected, and visits' failure codes)."""
    demand(request.user, EarlyWarning, "view")
    user = request.user
    return selectors.pareto(
        user,
        by=params.by,
        product_model=_one(ProductModel, user, params.product_model, "product_model"),
        category=_one(Category, user, params.category, "category"),
        start=params.start,
        end=params.end,
        source=params.source,
    )


@router.get("/matrix", response={200: MatrixOut, ERRORS: ErrorOut}, summary="Claim-rate matrix")
def matrix(request, params: Query[MatrixQuery]):
    """Claims per 1,000 units by production month and month in service."""
    demand(request.user, EarlyWarning, "view")
    user = request.user
    result = selectors.claim_matrix(
        user,
        product_model=_one(ProductModel, user, params.product_model, "product_model"),
        category=_one(Category, user, params.category, "category"),
        since=params.since,
        months=params.months,
    )
    return {
        "columns": result.columns,
        "rows": [
            {
                "month": row.month,
                "units": row.units,
                "cells": [
                    None if c is None else {"claims": c[0], "at_risk": c[1], "per_1000": c[2]}
                    for c in row.cells
                ],
            }
            for row in result.rows
        ],
    }


@router.get(
    "/reliability", response={200: ReliabilityOut, ERRORS: ErrorOut}, summary="Weibull and forecast"
)
def reliability(request, params: Query[ReliabilityQuery]):
    """The Weibull fit of the time to first claim (ages in months, units still working are
    right-censored), B10 life, and the next 12 months' expected claims and warranty cost."""
    demand(request.user, EarlyWarning, "view")
    user = request.user
    product_model = get_object_or_404(
        ProductModel.objects.restrict(user, "view"), pk=params.product_model
    )
    scope = {
        "product_model": product_model,
        "failure_code": _one(FailureCode, user, params.failure_code, "failure_code"),
        "part": _one(Part, user, params.part, "part"),
    }
    data = selectors.life_data(user, **scope)
    fit = selectors.fit_life(data)
    answer = {
        "units": data.units,
        "failures": data.failures,
        "observed_until_months": data.observed_until,
        "shape": None,
        "scale": None,
        "shape_ci": None,
        "scale_ci": None,
        "b10_months": None,
    }
    if fit is None:
        return answer
    outlook = selectors.forecast(user, model=fit, **scope)
    answer.update(
        shape=fit.shape,
        scale=fit.scale,
        shape_ci=list(fit.shape_ci),
        scale_ci=list(fit.scale_ci),
        b10_months=fit.b10,
        forecast=[
            {"month": m, "claims": n, "cost": c}
            for m, n, c in zip(outlook.months, outlook.claims, outlook.cost, strict=True)
        ],
        forecast_claims=outlook.total_claims,
        forecast_cost=outlook.total_cost,
        currency=outlook.currency,
    )
    return answer


# ---------------------------------------------------------------- early warnings


@router.get("/warnings", response={200: list[WarningOut], ERRORS: ErrorOut}, summary="Warnings")
@paginate(PageNumberPagination, page_size=50)
def warning_list(request, status: str | None = None):
    demand(request.user, EarlyWarning, "view")
    warnings = EarlyWarning.objects.restrict(request.user, "view").order_by("-pk")
    return warnings.filter(status=status) if status else warnings


@router.get("/warnings/{int:warning_id}", response={200: WarningOut, ERRORS: ErrorOut})
def warning_detail(request, warning_id: int):
    return get_object_or_404(EarlyWarning.objects.restrict(request.user, "view"), pk=warning_id)


@router.post("/warnings/scan", response={200: list[WarningOut], ERRORS: ErrorOut}, summary="Scan")
def warning_scan(request, payload: ScanIn):
    """Test every production batch and month now; answers the warnings newly raised (each
    with an investigation opened)."""
    demand(request.user, EarlyWarning, "add")
    return services.warning_scan(by=request.user, window=payload.window_months, alpha=payload.alpha)


@router.post("/warnings/{int:warning_id}/dismiss", response={200: WarningOut, ERRORS: ErrorOut})
def warning_dismiss(request, warning_id: int, payload: DismissIn):
    demand(request.user, EarlyWarning, "change")
    warning = get_object_or_404(
        EarlyWarning.objects.restrict(request.user, "change"), pk=warning_id
    )
    return services.warning_dismiss(warning=warning, by=request.user, note=payload.note)


# ---------------------------------------------------------------- corrective actions


@router.get("/actions", response={200: list[CapaOut], ERRORS: ErrorOut}, summary="CAPAs")
@paginate(PageNumberPagination, page_size=50)
def capa_list(request, status: str | None = None):
    demand(request.user, CorrectiveAction, "view")
    actions = CorrectiveAction.objects.restrict(request.user, "view").order_by("-pk")
    return actions.filter(status=status) if status else actions


@router.get("/actions/{int:capa_id}", response={200: CapaOut, ERRORS: ErrorOut})
def capa_detail(request, capa_id: int):
    return get_object_or_404(CorrectiveAction.objects.restrict(request.user, "view"), pk=capa_id)


def _owner(pk):
    if pk is None:
        return None
    owner = User.objects.filter(pk=pk, is_active=True).first()
    if owner is None:
        raise ValidationError({"owner": [_("There is no such user.")]})
    return owner


@router.post("/actions", response={201: CapaOut, ERRORS: ErrorOut}, summary="Open a CAPA")
@idempotent
def capa_open(request, payload: CapaIn):
    """Open a corrective or preventive action from a defect report, an early warning or a
    complaint (by its public code)."""
    user = request.user
    demand(user, CorrectiveAction, "add")
    capa = services.capa_open(
        by=user,
        title=payload.title,
        source=payload.source,
        problem=payload.problem,
        kind=payload.kind,
        defect_report=_one(DefectReport, user, payload.defect_report, "defect_report"),
        warning=_one(EarlyWarning, user, payload.warning, "warning"),
        complaint_code=payload.complaint_code,
        product_model=_one(ProductModel, user, payload.product_model, "product_model"),
        failure_code=_one(FailureCode, user, payload.failure_code, "failure_code"),
        part=_one(Part, user, payload.part, "part"),
        owner=_owner(payload.owner),
        due_date=payload.due_date,
    )
    return Status(201, capa)


@router.post("/actions/{int:capa_id}/plan", response={200: CapaOut, ERRORS: ErrorOut})
def capa_plan(request, capa_id: int, payload: CapaPlanIn):
    """Record the root cause, actions, owner and dates (only the fields sent change)."""
    demand(request.user, CorrectiveAction, "change")
    capa = get_object_or_404(CorrectiveAction.objects.restrict(request.user, "change"), pk=capa_id)
    data = payload.dict(exclude_unset=True)
    if "owner" in data:
        data["owner"] = _owner(data["owner"])
    return services.capa_update(capa=capa, by=request.user, **data)


@router.post("/actions/{int:capa_id}/verify", response={200: CapaOut, ERRORS: ErrorOut})
def capa_verify(request, capa_id: int):
    """Compare the claim rate of units made before and after the effective date."""
    demand(request.user, CorrectiveAction, "change")
    capa = get_object_or_404(CorrectiveAction.objects.restrict(request.user, "change"), pk=capa_id)
    return services.capa_verify(capa=capa, by=request.user)


@router.post("/actions/{int:capa_id}/check", response={200: CapaOut, ERRORS: ErrorOut})
def capa_check(request, capa_id: int, payload: CapaCheckIn):
    """Record the check of an action on no product model (no claim rate to compare)."""
    demand(request.user, CorrectiveAction, "change")
    capa = get_object_or_404(CorrectiveAction.objects.restrict(request.user, "change"), pk=capa_id)
    return services.capa_check(capa=capa, by=request.user, **payload.dict())


# ---------------------------------------------------------------- customers' needs


@router.get("/needs", response={200: list[NeedOut], ERRORS: ErrorOut}, summary="Needs and ideas")
@paginate(PageNumberPagination, page_size=50)
def need_list(request, status: str | None = None):
    demand(request.user, CustomerNeed, "view")
    needs = CustomerNeed.objects.restrict(request.user, "view").order_by("-pk")
    return needs.filter(status=status) if status else needs


@router.post("/needs", response={201: NeedOut, ERRORS: ErrorOut}, summary="Note a need")
@idempotent
def need_note(request, payload: NeedIn):
    user = request.user
    demand(user, CustomerNeed, "add")
    need = services.need_note(
        by=user,
        summary=payload.summary,
        kind=payload.kind,
        audience=payload.audience,
        details=payload.details,
        product_model=_one(ProductModel, user, payload.product_model, "product_model"),
        category=_one(Category, user, payload.category, "category"),
    )
    return Status(201, need)


@router.post("/needs/{int:need_id}/review", response={200: NeedOut, ERRORS: ErrorOut})
def need_review(request, need_id: int, payload: NeedReviewIn):
    demand(request.user, CustomerNeed, "change")
    need = get_object_or_404(CustomerNeed.objects.restrict(request.user, "change"), pk=need_id)
    return services.need_review(
        need=need, by=request.user, status=payload.status, response=payload.response
    )


# ---------------------------------------------------------------- service processes


@router.get(
    "/processes/{int:service_type_id}/versions",
    response={200: list[ProcessVersionOut], ERRORS: ErrorOut},
    summary="A service's process versions",
)
def version_list(request, service_type_id: int):
    demand(request.user, ProcessVersion, "view")
    service_type = get_object_or_404(
        ServiceType.objects.restrict(request.user, "view"), pk=service_type_id
    )
    return ProcessVersion.objects.restrict(request.user, "view").filter(service_type=service_type)


@router.post(
    "/processes/{int:service_type_id}/versions",
    response={201: ProcessVersionOut, ERRORS: ErrorOut},
    summary="Publish a version",
)
@idempotent
def version_create(request, service_type_id: int, payload: ProcessVersionIn):
    demand(request.user, ProcessVersion, "add")
    service_type = get_object_or_404(
        ServiceType.objects.restrict(request.user, "view"), pk=service_type_id
    )
    version = services.process_version_create(
        service_type=service_type, by=request.user, **payload.dict()
    )
    return Status(201, version)
