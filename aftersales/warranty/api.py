"""The warranty over the API: coverage decisions, policies, and claims (agents' systems submit
them here, with an `Idempotency-Key` to retry safely)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from aftersales.catalog.models import FailureCode, Part
from aftersales.core.access import can
from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.units.models import Unit

from . import services
from .choices import LineKind
from .coverage import Line, coverage_for
from .models import Claim, WarrantyPolicy
from .schemas import (
    ClaimFilters,
    ClaimIn,
    ClaimOut,
    CoverageIn,
    CoverageQuery,
    DecideIn,
    DecisionOut,
    PolicyOut,
)

router = Router(tags=["warranty"])


def _unit(user, unit_id: int) -> Unit:
    queryset = Unit.objects.restrict(user, "view").select_related("product_model", "owner")
    return get_object_or_404(queryset, pk=unit_id)


def _decide(unit, on, meter, lines, causes=()):
    return coverage_for(unit=unit, on=on or timezone.now(), meter=meter, lines=lines, causes=causes)


@router.get(
    "/units/{int:unit_id}/coverage",
    response={200: DecisionOut, ERRORS: ErrorOut},
    summary="A unit's cover",
)
def unit_coverage(request, unit_id: int, params: Query[CoverageQuery]):
    """What is covered for a failure of the unit on a day (today by default): parts, labour and
    travel, each with the rule that decided and a reason in the caller's language."""
    unit = _unit(request.user, unit_id)
    lines = [Line(LineKind.PART), Line.labour(), Line.travel()]
    return _decide(unit, params.on, params.meter, lines)


@router.post(
    "/units/{int:unit_id}/coverage",
    response={200: DecisionOut, ERRORS: ErrorOut},
    summary="Decide lines",
)
def unit_coverage_lines(request, unit_id: int, payload: CoverageIn):
    """The cover of the given lines (parts by id, labour, travel) and failure causes."""
    unit = _unit(request.user, unit_id)
    lines = [Line(line.kind, line.part) for line in payload.lines] or None
    return _decide(unit, payload.on, payload.meter, lines, payload.causes)


@router.get("/policies", response={200: list[PolicyOut], ERRORS: ErrorOut}, summary="Policies")
@paginate(PageNumberPagination, page_size=50)
def policy_list(request):
    return WarrantyPolicy.objects.restrict(request.user, "view").order_by("pk")


def _claims(user, action: str = "view"):
    return Claim.objects.restrict(user, action).prefetch_related("parts")


@router.get("/claims", response={200: list[ClaimOut], ERRORS: ErrorOut}, summary="Claims")
@paginate(PageNumberPagination, page_size=50)
def claim_list(request, filters: Query[ClaimFilters]):
    """The claims the caller may see (an agent's staff: their agent's), newest first."""
    claims = _claims(request.user).order_by("-pk")
    if filters.status:
        claims = claims.filter(status=filters.status)
    if filters.unit is not None:
        claims = claims.filter(unit_id=filters.unit)
    return claims


@router.get("/claims/{int:claim_id}", response={200: ClaimOut, ERRORS: ErrorOut}, summary="A claim")
def claim_detail(request, claim_id: int):
    return get_object_or_404(_claims(request.user), pk=claim_id)


@router.post("/claims", response={201: ClaimOut, ERRORS: ErrorOut}, summary="Submit a claim")
@idempotent
def claim_submit(request, payload: ClaimIn):
    """Submit a claim for a finished job; it is decided at once (approved, partly approved,
    rejected or needs review, with reasons). An agent's staff may claim only for units their
    agent services."""
    user = request.user
    if not can(user, Claim, "add"):
        raise PermissionDenied
    unit = (
        Unit.objects.restrict(user, "view")
        .select_related("product_model", "owner")
        .filter(pk=payload.unit)
        .first()
    )
    if unit is None:
        raise ValidationError({"unit": [_("There is no such unit.")]})
    codes = list(FailureCode.objects.filter(code__in=payload.failure_codes))
    unknown = set(payload.failure_codes) - {code.code for code in codes}
    if unknown:
        raise ValidationError(
            {
                "failure_codes": [
                    _("Unknown failure codes: %(codes)s") % {"codes": ", ".join(sorted(unknown))}
                ]
            }
        )
    parts = {part.pk: part for part in Part.objects.filter(pk__in=[p.part for p in payload.parts])}
    if len(parts) != len({p.part for p in payload.parts}):
        raise ValidationError({"parts": [_("There is no such part.")]})
    claim = services.claim_submit(
        unit=unit,
        by=user,
        failure_date=payload.failure_date,
        failure_codes=codes,
        parts=[{**line.dict(), "part": parts[line.part]} for line in payload.parts],
        labour_minutes=payload.labour_minutes,
        labour_amount=payload.labour_amount,
        travel_amount=payload.travel_amount,
        currency=payload.currency,
        meter=payload.meter,
        agent=unit.service_agent if payload.submitter == "agent" else None,
        submitter=payload.submitter,
        repair_started=payload.repair_started,
        repair_finished=payload.repair_finished,
        causes=[str(cause) for cause in payload.causes],
        external_ref=payload.external_ref,
    )
    return Status(201, get_object_or_404(_claims(user), pk=claim.pk))


@router.post(
    "/claims/{int:claim_id}/decide", response={200: ClaimOut, ERRORS: ErrorOut}, summary="Decide"
)
def claim_decide(request, claim_id: int, payload: DecideIn):
    """A person's decision on a claim; each transition is allowed to some roles only (403)."""
    claim = get_object_or_404(_claims(request.user, "change"), pk=claim_id)
    claim = services.claim_decide(
        claim=claim,
        to=payload.to,
        by=request.user,
        note=payload.note,
        approved_total=payload.approved_total,
    )
    return get_object_or_404(_claims(request.user), pk=claim.pk)
