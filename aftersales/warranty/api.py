"""The warranty over the API: coverage decisions, policies, and claims (agents' systems submit
them here, with an `Idempotency-Key` to retry safely); and what follows a claim: faulty parts
called back, supplier recoveries, guarantees honoured (money back, replacements)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from aftersales.catalog.models import FailureCode, Part
from aftersales.core.access import can, demand
from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.units.models import Unit

from . import selectors, services
from .choices import LineKind
from .coverage import Line, coverage_for
from .models import Claim, ClaimPart, GuaranteeAction, SupplierRecovery, WarrantyPolicy
from .schemas import (
    CallbackIn,
    CallbackOut,
    ClaimFilters,
    ClaimIn,
    ClaimOut,
    CoverageIn,
    CoverageQuery,
    DecideIn,
    DecisionOut,
    GuaranteeAcceptIn,
    GuaranteeActionOut,
    PolicyOut,
    ProposalOut,
    RecoveryFilters,
    RecoveryIn,
    RecoveryMoveIn,
    RecoveryOut,
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


# Faulty parts called back from claim lines ------------------------------------------------------


def _callbacks(user, action: str = "view"):
    return (
        ClaimPart.objects.restrict(user, action)
        .filter(defective_return__isnull=False)
        .select_related("claim", "part", "defective_return")
    )


@router.get(
    "/claims/{int:claim_id}/callbacks",
    response={200: list[CallbackOut], ERRORS: ErrorOut},
    summary="A claim's parts called back",
)
def callback_list(request, claim_id: int):
    """The lines of the claim whose faulty part was called back, with each return's status and
    inspection result."""
    demand(request.user, ClaimPart, "view")
    claim = get_object_or_404(_claims(request.user), pk=claim_id)
    return _callbacks(request.user).filter(claim=claim).order_by("pk")


@router.get(
    "/claims/{int:claim_id}/lines/{int:line_id}/callback",
    response={200: CallbackOut, ERRORS: ErrorOut},
    summary="A line's call-back",
)
def callback_detail(request, claim_id: int, line_id: int):
    """The return authorization of the line's faulty part (404 when it was not called back)."""
    demand(request.user, ClaimPart, "view")
    return get_object_or_404(_callbacks(request.user), pk=line_id, claim_id=claim_id)


@router.post(
    "/claims/{int:claim_id}/lines/{int:line_id}/callback",
    response={201: CallbackOut, ERRORS: ErrorOut},
    summary="Call a faulty part back",
)
@idempotent
def callback_create(request, claim_id: int, line_id: int, payload: CallbackIn):
    """Call the line's faulty part back from the warehouse holding it as defective stock: a
    return authorization (RMA, to the central warehouse) linked to the line, whose return is
    then required. Once per line (422 the second time)."""
    from aftersales.parts.models import Warehouse

    user = request.user
    demand(user, ClaimPart, "change")
    line = get_object_or_404(
        ClaimPart.objects.restrict(user, "change").select_related("claim"),
        pk=line_id,
        claim_id=claim_id,
    )
    source = (
        Warehouse.objects.restrict(user, "view").filter(is_active=True, pk=payload.source).first()
    )
    if source is None:
        raise ValidationError({"source": [_("There is no such warehouse.")]})
    services.claim_part_return_authorize(
        line=line, source=source, quantity=payload.quantity, by=user
    )
    return Status(201, get_object_or_404(_callbacks(user), pk=line.pk))


# Supplier recoveries ----------------------------------------------------------------------------


def _recoveries(user, action: str = "view"):
    return SupplierRecovery.objects.restrict(user, action).select_related("claim")


@router.get(
    "/recoveries", response={200: list[RecoveryOut], ERRORS: ErrorOut}, summary="Recoveries"
)
@paginate(PageNumberPagination, page_size=50)
def recovery_list(request, filters: Query[RecoveryFilters]):
    """Claims (or lines) passed on to the parts' suppliers, newest first (quality, finance and
    managers only)."""
    demand(request.user, SupplierRecovery, "view")
    recoveries = _recoveries(request.user).order_by("-created_at", "-pk")
    if filters.status:
        recoveries = recoveries.filter(status=filters.status)
    if filters.claim is not None:
        recoveries = recoveries.filter(claim_id=filters.claim)
    return recoveries


@router.get(
    "/recoveries/{int:recovery_id}",
    response={200: RecoveryOut, ERRORS: ErrorOut},
    summary="A recovery",
)
def recovery_detail(request, recovery_id: int):
    demand(request.user, SupplierRecovery, "view")
    return get_object_or_404(_recoveries(request.user), pk=recovery_id)


@router.post(
    "/claims/{int:claim_id}/recoveries",
    response={201: RecoveryOut, ERRORS: ErrorOut},
    summary="Pass a claim on to the supplier",
)
@idempotent
def recovery_create(request, claim_id: int, payload: RecoveryIn):
    """Pass an approved (or partly approved) claim, or one of its part lines, on to the part's
    supplier: the supplier defaults to the one named on the part's rule, the amount to the
    approved amount. One open recovery per claim or line."""
    user = request.user
    demand(user, SupplierRecovery, "add")
    claim = get_object_or_404(_claims(user), pk=claim_id)
    line = None
    if payload.line is not None:
        line = ClaimPart.objects.restrict(user, "view").filter(claim=claim, pk=payload.line).first()
        if line is None:
            raise ValidationError({"line": [_("Choose a part of this claim.")]})
    recovery = services.recovery_create(
        claim=claim,
        line=line,
        supplier=payload.supplier,
        amount=payload.amount,
        note=payload.note,
        by=user,
    )
    return Status(201, get_object_or_404(_recoveries(user), pk=recovery.pk))


@router.post(
    "/recoveries/{int:recovery_id}/move",
    response={200: RecoveryOut, ERRORS: ErrorOut},
    summary="Move a recovery",
)
def recovery_move(request, recovery_id: int, payload: RecoveryMoveIn):
    """claimed → accepted or rejected; accepted → recovered (an amount up to the claimed one,
    all of it by default) or rejected. Any other move answers 422."""
    user = request.user
    demand(user, SupplierRecovery, "change")
    recovery = get_object_or_404(_recoveries(user, "change"), pk=recovery_id)
    recovery = services.recovery_move(
        recovery=recovery,
        to=payload.to,
        recovered_amount=payload.recovered_amount,
        note=payload.note,
        by=user,
    )
    return get_object_or_404(_recoveries(user), pk=recovery.pk)


# Guarantees as actions --------------------------------------------------------------------------


@router.get(
    "/units/{int:unit_id}/guarantees/proposals",
    response={200: list[ProposalOut], ERRORS: ErrorOut},
    summary="Guarantees due to a unit",
)
def guarantee_proposal_list(request, unit_id: int):
    """The guarantees beyond repair due to the unit today by its policy's rules (money back, a
    replacement), each with a reason; staff only."""
    demand(request.user, GuaranteeAction, "view")
    unit = _unit(request.user, unit_id)
    return selectors.guarantee_proposals(unit=unit)


@router.get(
    "/units/{int:unit_id}/guarantees",
    response={200: list[GuaranteeActionOut], ERRORS: ErrorOut},
    summary="Guarantees honoured for a unit",
)
def guarantee_action_list(request, unit_id: int):
    """The guarantees a manager accepted for the unit, newest first; staff only."""
    demand(request.user, GuaranteeAction, "view")
    unit = _unit(request.user, unit_id)
    return GuaranteeAction.objects.restrict(request.user, "view").filter(unit=unit)


@router.post(
    "/units/{int:unit_id}/guarantees",
    response={201: GuaranteeActionOut, ERRORS: ErrorOut},
    summary="Accept a guarantee",
)
@idempotent
def guarantee_accept(request, unit_id: int, payload: GuaranteeAcceptIn):
    """A manager accepts a proposed guarantee: money back, or a replacement (the unit is marked
    replaced, by `new_unit` when given). 422 when the guarantee is not due (any more)."""
    user = request.user
    demand(user, GuaranteeAction, "add")
    unit = _unit(user, unit_id)
    new_unit = None
    if payload.new_unit is not None:
        new_unit = Unit.objects.restrict(user, "view").filter(pk=payload.new_unit).first()
        if new_unit is None:
            raise ValidationError({"new_unit": [_("There is no such unit.")]})
    action = services.guarantee_accept(
        unit=unit, rule=payload.rule, new_unit=new_unit, note=payload.note, by=user
    )
    return Status(
        201, get_object_or_404(GuaranteeAction.objects.restrict(user, "view"), pk=action.pk)
    )
