"""The settlements API: list and read settlements (an agent's system reads its own), create a
draft for an agent and period (idempotent: the same agent and period answers the existing one;
an `Idempotency-Key` replays the first answer), approve, record payments, mark paid; payment
runs (transfers to agents in one bank file), prepared, recorded paid or cancelled."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from aftersales.agents.models import Agent
from aftersales.core import bank_xml
from aftersales.core.access import can
from aftersales.core.idempotency import idempotent
from aftersales.customers.schemas import ERRORS, ErrorOut

from . import payment_runs, services, status_reports
from .choices import RunStatus
from .models import PaymentRun, Settlement
from .schemas import (
    AdjustmentIn,
    DraftIn,
    MarkPaidIn,
    PaymentIn,
    PaymentRunIn,
    PaymentRunOut,
    PaymentRunPaidIn,
    SettlementDetailOut,
    SettlementFilters,
    SettlementOut,
)

router = Router(tags=["settlements"])


def _settlements(user, action: str = "view"):
    return Settlement.objects.restrict(user, action).select_related("agent")


def _one(request, settlement_id: int, action: str = "view") -> Settlement:
    return get_object_or_404(_settlements(request.user, action), pk=settlement_id)


@router.get("", response={200: list[SettlementOut], ERRORS: ErrorOut}, summary="Settlements")
@paginate(PageNumberPagination, page_size=50)
def settlement_list(request, filters: Query[SettlementFilters]):
    """The settlements the caller may see (an agent's staff: their agent's), latest first."""
    settlements = _settlements(request.user).order_by("-period_end", "-pk")
    if filters.status:
        settlements = settlements.filter(status=filters.status)
    if filters.agent is not None:
        settlements = settlements.filter(agent_id=filters.agent)
    if filters.ending_from:
        settlements = settlements.filter(period_end__gte=filters.ending_from)
    if filters.ending_by:
        settlements = settlements.filter(period_end__lte=filters.ending_by)
    return settlements


@router.get(
    "/{int:settlement_id}",
    response={200: SettlementDetailOut, ERRORS: ErrorOut},
    summary="A settlement",
)
def settlement_detail(request, settlement_id: int):
    """A settlement with its lines and payments."""
    return _one(request, settlement_id)


@router.post(
    "",
    response={200: SettlementDetailOut, 201: SettlementDetailOut, ERRORS: ErrorOut},
    summary="Create a draft",
)
@idempotent
def settlement_create(request, payload: DraftIn):
    """Compute a draft settlement of an agent for a period (by default the month after its last
    settlement). When the agent already has a settlement starting on that day, it is answered
    (200) instead of a second one."""
    user = request.user
    if not can(user, Settlement, "add"):
        raise PermissionDenied
    agent = Agent.objects.restrict(user, "view").filter(pk=payload.agent).first()
    if agent is None:
        raise ValidationError({"agent": [_("There is no such agent.")]})
    if payload.period_start is not None:
        existing = _settlements(user).filter(agent=agent, period_start=payload.period_start)
        if existing.exists() and (
            payload.period_end is None or existing.filter(period_end=payload.period_end).exists()
        ):
            return Status(200, existing.get())
    settlement = services.settlement_draft(
        agent=agent, by=user, period_start=payload.period_start, period_end=payload.period_end
    )
    return Status(201, _one(request, settlement.pk))


@router.post(
    "/{int:settlement_id}/approve",
    response={200: SettlementDetailOut, ERRORS: ErrorOut},
    summary="Approve",
)
def settlement_approve(request, settlement_id: int):
    """Freeze a draft (managers only): numbered, journalled, never changed again."""
    settlement = _one(request, settlement_id, "change")
    services.settlement_approve(settlement=settlement, by=request.user)
    return _one(request, settlement_id)


@router.post(
    "/{int:settlement_id}/adjustments",
    response={201: SettlementDetailOut, ERRORS: ErrorOut},
    summary="Add an adjustment",
)
def adjustment_add(request, settlement_id: int, payload: AdjustmentIn):
    """A manual line with its reason on a draft."""
    settlement = _one(request, settlement_id, "change")
    services.adjustment_add(
        settlement=settlement, by=request.user, amount=payload.amount, reason=payload.reason
    )
    return Status(201, _one(request, settlement_id))


@router.post(
    "/{int:settlement_id}/payments",
    response={201: SettlementDetailOut, ERRORS: ErrorOut},
    summary="Record a payment",
)
@idempotent
def payment_add(request, settlement_id: int, payload: PaymentIn):
    """Money paid to the agent or received from it, up to what is still open."""
    settlement = _one(request, settlement_id, "change")
    services.payment_record(settlement=settlement, by=request.user, **payload.dict())
    return Status(201, _one(request, settlement_id))


@router.post(
    "/{int:settlement_id}/paid",
    response={200: SettlementDetailOut, ERRORS: ErrorOut},
    summary="Mark paid",
)
def settlement_mark_paid(request, settlement_id: int, payload: MarkPaidIn):
    """Pay everything still open in one payment and close the settlement."""
    settlement = _one(request, settlement_id, "change")
    services.settlement_mark_paid(settlement=settlement, by=request.user, **payload.dict())
    return _one(request, settlement_id)


# Payment runs (finance): transfers to agents in one bank file --------------------------------


def _run(request, run_id: int, action: str = "view") -> PaymentRun:
    return get_object_or_404(PaymentRun.objects.restrict(request.user, action), pk=run_id)


@router.get(
    "/payment-runs", response={200: list[PaymentRunOut], ERRORS: ErrorOut}, summary="Payment runs"
)
@paginate(PageNumberPagination, page_size=50)
def run_list(request, status: RunStatus | None = None):
    """Payment runs, latest first (finance and managers)."""
    runs = PaymentRun.objects.restrict(request.user, "view").order_by("-created_at", "-pk")
    return runs.filter(status=status) if status else runs


@router.get(
    "/payment-runs/{int:run_id}", response={200: PaymentRunOut, ERRORS: ErrorOut}, summary="A run"
)
def run_detail(request, run_id: int):
    return _run(request, run_id)


@router.get("/payment-runs/{int:run_id}/file", summary="A run's bank file")
def run_file(request, run_id: int):
    """SEPA XML (pain.001.001.03) for euros, an Excel sheet of Sheba transfers for rials."""
    run = _run(request, run_id)
    return FileResponse(
        run.file.open("rb"), as_attachment=True, filename=run.file.name.rsplit("/", 1)[-1]
    )


@router.post(
    "/payment-runs", response={201: PaymentRunOut, ERRORS: ErrorOut}, summary="Prepare a run"
)
@idempotent
def run_create(request, payload: PaymentRunIn):
    """A run paying what is open on approved settlements owed to agents (one currency); each
    settlement that cannot be paid by transfer is named in the error, and nothing is made."""
    if not can(request.user, PaymentRun, "add"):
        raise PermissionDenied
    chosen = list(
        Settlement.objects.restrict(request.user, "change").filter(pk__in=payload.settlements)
    )
    if len(chosen) != len(set(payload.settlements)):
        raise ValidationError({"settlements": [_("There is no such settlement.")]})
    run = payment_runs.payment_run_prepare(
        by=request.user, settlements=chosen, execution_date=payload.execution_date
    )
    return Status(201, run)


@router.post(
    "/payment-runs/{int:run_id}/paid",
    response={200: PaymentRunOut, ERRORS: ErrorOut},
    summary="Record a run paid",
)
def run_paid(request, run_id: int, payload: PaymentRunPaidIn):
    """The bank executed the run: a transfer payment on each of its settlements."""
    run = _run(request, run_id, "change")
    return payment_runs.payment_run_paid(run=run, by=request.user, **payload.dict())


@router.post(
    "/payment-runs/{int:run_id}/status-report",
    response={200: PaymentRunOut, ERRORS: ErrorOut},
    summary="Read the bank's status report",
    openapi_extra=bank_xml.OPENAPI_BODY,
)
def run_status_report(request, run_id: int):
    """The bank's answer to the run's SEPA file: send its pain.002 XML as the request body.
    Each transfer is recorded as accepted or rejected (with the bank's reason code); a rejected
    transfer's settlement is free for another run, and recording the run paid leaves it out."""
    run = _run(request, run_id, "change")
    status_reports.payment_run_status_read(run=run, by=request.user, data=request.body)
    return _run(request, run_id)


@router.post(
    "/payment-runs/{int:run_id}/cancel",
    response={200: PaymentRunOut, ERRORS: ErrorOut},
    summary="Cancel a run",
)
def run_cancel(request, run_id: int):
    run = _run(request, run_id, "change")
    return payment_runs.payment_run_cancel(run=run, by=request.user)
