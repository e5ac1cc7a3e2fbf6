"""Every write on settlements: keyword-only, atomic, type-hinted.

A draft is computed from the records (`selectors.proposed_lines`) and may be refreshed and given
manual adjustment lines; approving freezes it (a number, journal lines, the previous settlement's
open balance carried into it); payments then reconcile it until nothing is open (paid).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.agents.models import Agent
from aftersales.core.calendars import show_date
from aftersales.core.models import User
from aftersales.core.money import PRECISION, quantize, show_money
from aftersales.core.numbering import next_number
from aftersales.parts.choices import CounterSaleStatus
from aftersales.parts.services import writer  # atomic; retried on SQLite when locked

from . import journal, periods, selectors
from .choices import Direction, LineKind, PaymentMethod, SettlementStatus
from .models import APPROVERS, FINANCE, Payment, Settlement, SettlementLine

AUTOMATIC = (LineKind.CARRIED, LineKind.CLAIM, LineKind.PURCHASE, LineKind.GRADE)


def _allowed(user: User | None, roles: frozenset) -> bool:
    if user is None:
        return True  # the system itself (demo data, management commands)
    return user.is_superuser or user.role == "admin" or user.role in roles


def may_edit(user) -> bool:
    return _allowed(user, FINANCE)


def may_approve(user) -> bool:
    return _allowed(user, APPROVERS)


def may_pay(user) -> bool:
    return _allowed(user, FINANCE)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _lock(settlement: Settlement) -> Settlement:
    return Settlement.objects.select_for_update().select_related("agent").get(pk=settlement.pk)


def _draft_only(settlement: Settlement) -> None:
    if settlement.status != SettlementStatus.DRAFT:
        raise ValidationError(_("An approved settlement is never changed."), code="frozen")


def clean_amount(amount, currency: str, *, field: str = "amount") -> Decimal:
    """An amount as typed, refused when finer than the currency allows (rials have no decimals)."""
    try:
        amount = Decimal(amount)
    except (ArithmeticError, TypeError, ValueError):
        raise ValidationError({field: _("Enter a number.")}) from None
    if not amount.is_finite():
        raise ValidationError({field: _("Enter a number.")})
    if quantize(amount, currency) != amount:
        places = PRECISION.get(currency, 2)
        raise ValidationError(
            {
                field: _("Give the amount with at most %(places)s decimals in %(currency)s.")
                % {"places": places, "currency": currency}
            }
        )
    if abs(amount) >= Decimal(10) ** 15:
        raise ValidationError({field: _("This amount is too large.")})
    return quantize(amount, currency)


# Drafts ----------------------------------------------------------------------------------------


@writer
def settlement_draft(
    *,
    agent: Agent,
    by: User | None,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    today: dt.date | None = None,
) -> Settlement:
    """A draft settlement of `agent` for a period: by default the month after its last
    settlement (in the agent's calendar), or the last full month. Refused when the agent already
    has a draft, when the period overlaps or precedes a settlement, or when it has not ended."""
    _require(may_edit(by))
    today = today or timezone.localdate()
    agent = Agent.objects.select_for_update().get(pk=agent.pk)
    if Settlement.objects.filter(agent=agent, status=SettlementStatus.DRAFT).exists():
        raise ValidationError(
            _("This agent already has a draft settlement: approve or discard it first."),
            code="draft_exists",
        )
    latest = selectors.latest_settlement(agent)
    start, end = periods.default_period(
        agent, after=latest.period_end if latest else None, today=today
    )
    if period_start is not None:
        start = period_start
        if period_end is None:
            end = periods.month_of(start, jalali=periods.uses_jalali(agent))[1]
    if period_end is not None:
        end = period_end
    if end < start:
        raise ValidationError({"period_end": _("A period cannot end before it starts.")})
    if end >= today:
        raise ValidationError(
            {
                "period_end": _("A period can be settled once it has ended (on %(day)s).")
                % {"day": show_date(end)}
            }
        )
    if latest is not None and start <= latest.period_end:
        raise ValidationError(
            {
                "period_start": _(
                    "The agent is settled until %(day)s: the next period starts after it."
                )
                % {"day": show_date(latest.period_end)}
            },
            code="overlap",
        )
    settlement = Settlement(
        agent=agent,
        period_start=start,
        period_end=end,
        currency=periods.agent_currency(agent),
        created_by=by,
    )
    try:
        with transaction.atomic():
            settlement.save()
    except IntegrityError:
        raise ValidationError(
            _("This agent already has a settlement for this period."), code="overlap"
        ) from None
    _compute(settlement)
    return settlement


def _compute(settlement: Settlement) -> None:
    """Replace the draft's automatic lines by those the records give now; keep adjustments."""
    for line in settlement.lines.filter(kind__in=AUTOMATIC):
        line.delete()
    for line in selectors.proposed_lines(settlement):
        line.settlement = settlement
        line.save()
    _retotal(settlement)
    settlement.computed_at = timezone.now()
    settlement.save(update_fields=["total", "computed_at"])


def _retotal(settlement: Settlement) -> None:
    lines = settlement.lines.values_list("amount", flat=True)
    settlement.total = quantize(sum(lines, Decimal(0)), settlement.currency)


@writer
def settlement_refresh(*, settlement: Settlement, by: User | None) -> Settlement:
    """Compute a draft again from the records as they are now (claims approved since, parts
    bought since, a grade changed, a payment on the previous settlement)."""
    _require(may_edit(by))
    settlement = _lock(settlement)
    _draft_only(settlement)
    _compute(settlement)
    return settlement


@writer
def adjustment_add(
    *,
    settlement: Settlement,
    by: User | None,
    amount: Decimal,
    reason: str,
    day: dt.date | None = None,
) -> SettlementLine:
    """A manual line on a draft: above zero the maker owes the agent more, below zero less."""
    _require(may_edit(by))
    settlement = _lock(settlement)
    _draft_only(settlement)
    amount = clean_amount(amount, settlement.currency)
    if not amount:
        raise ValidationError({"amount": _("An adjustment of zero changes nothing.")})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the settlement is adjusted.")})
    line = SettlementLine.objects.create(
        settlement=settlement,
        kind=LineKind.ADJUSTMENT,
        day=day or settlement.period_end,
        reason=reason[:300],
        amount=amount,
        created_by=by,
    )
    _retotal(settlement)
    settlement.save(update_fields=["total"])
    return line


@writer
def adjustment_remove(*, line: SettlementLine, by: User | None) -> Settlement:
    _require(may_edit(by))
    settlement = _lock(line.settlement)
    _draft_only(settlement)
    if line.kind != LineKind.ADJUSTMENT:
        raise ValidationError(_("Only a manual adjustment can be removed; refresh the draft."))
    line.delete()
    _retotal(settlement)
    settlement.save(update_fields=["total"])
    return settlement


@writer
def settlement_discard(*, settlement: Settlement, by: User | None) -> None:
    """Delete a draft: its claims and purchases are free for the next draft."""
    _require(may_edit(by))
    settlement = _lock(settlement)
    _draft_only(settlement)
    for line in settlement.lines.all():
        line.delete()
    settlement.delete()


# Approval and payment --------------------------------------------------------------------------


def _signature(lines) -> list[tuple]:
    return sorted(
        (
            line.kind,
            line.claim_id or 0,
            line.sale_id or 0,
            line.source_id or 0,
            line.reference,
            line.labour,
            line.travel,
            line.parts,
            line.amount,
        )
        for line in lines
    )


@writer
def settlement_approve(*, settlement: Settlement, by: User | None) -> Settlement:
    """Freeze a draft: check it still matches the records, number it, carry the previous
    settlement's open balance into it, mark its parts purchases invoiced (charged through the
    settlement), post its journal lines. Only a manager approves."""
    _require(may_approve(by))
    settlement = _lock(settlement)
    _draft_only(settlement)
    stored = settlement.lines.filter(kind__in=AUTOMATIC)
    if _signature(stored) != _signature(selectors.proposed_lines(settlement)):
        raise ValidationError(
            _(
                "The records changed since this draft was computed: refresh it, check it and "
                "approve it again."
            ),
            code="stale",
        )
    now = timezone.now()
    settlement.number = next_number(f"ST-{timezone.localdate(now).year}")
    settlement.status = SettlementStatus.APPROVED
    settlement.approved_by = by
    settlement.approved_at = now
    carried = settlement.lines.filter(kind=LineKind.CARRIED).select_related("source").first()
    if carried is not None:
        source = _lock(carried.source)
        source.status = SettlementStatus.CARRIED
        source.carried_to = settlement
        source.closed_at = now
        source.save(update_fields=["status", "carried_to", "closed_at"])
        settlement.previous = source
    else:
        settlement.previous = selectors.previous_settlement(
            agent=settlement.agent, before=settlement.period_start
        )
    for line in settlement.lines.filter(kind=LineKind.PURCHASE).select_related("sale"):
        line.sale.status = CounterSaleStatus.INVOICED  # charged here: billing leaves it alone
        line.sale.save(update_fields=["status"])
    if not settlement.total:
        settlement.status = SettlementStatus.PAID
        settlement.closed_at = now
    settlement.save()
    journal.post_settlement(settlement)
    return settlement


@writer
def payment_record(
    *,
    settlement: Settlement,
    by: User | None,
    amount: Decimal,
    paid_on: dt.date | None = None,
    direction: str | None = None,
    method: str = PaymentMethod.TRANSFER,
    reference: str = "",
) -> Payment:
    """Money paid to the agent (when the maker owes) or received from it (when the agent owes)
    against an approved settlement, up to what is open. Nothing open: the settlement is paid."""
    _require(may_pay(by))
    settlement = _lock(settlement)
    if settlement.status != SettlementStatus.APPROVED:
        raise ValidationError(_("Payments are recorded against an approved, open settlement."))
    open_amount = settlement.open_amount
    expected = Direction.TO_AGENT if open_amount > 0 else Direction.FROM_AGENT
    if direction and direction != expected:
        raise ValidationError(
            {
                "direction": _("On this settlement the money goes this way: %(direction)s.")
                % {"direction": Direction(expected).label}
            }
        )
    amount = clean_amount(amount, settlement.currency)
    if amount <= 0:
        raise ValidationError({"amount": _("Give an amount above zero.")})
    if amount > abs(open_amount):
        raise ValidationError(
            {
                "amount": _("The payment is more than the %(open)s still open.")
                % {"open": show_money(abs(open_amount), settlement.currency)}
            }
        )
    today = timezone.localdate()
    paid_on = paid_on or today
    if paid_on > today:
        raise ValidationError({"paid_on": _("A payment cannot be dated in the future.")})
    if method not in PaymentMethod.values:
        raise ValidationError({"method": _("Choose a payment method from the list.")})
    payment = Payment.objects.create(
        settlement=settlement,
        direction=expected,
        method=method,
        amount=amount,
        paid_on=paid_on,
        reference=(reference or "").strip()[:60],
        by=by,
    )
    settlement.settled += payment.signed
    update = ["settled"]
    if not settlement.open_amount:
        settlement.status = SettlementStatus.PAID
        settlement.closed_at = timezone.now()
        update += ["status", "closed_at"]
    settlement.save(update_fields=update)
    journal.post_payment(payment)
    return payment


@writer
def settlement_mark_paid(
    *,
    settlement: Settlement,
    by: User | None,
    paid_on: dt.date | None = None,
    method: str = PaymentMethod.TRANSFER,
    reference: str = "",
) -> Settlement:
    """Pay what is still open in one payment (either way) and close the settlement."""
    _require(may_pay(by))
    settlement = _lock(settlement)
    if settlement.status != SettlementStatus.APPROVED:
        raise ValidationError(_("Only an approved, open settlement can be marked paid."))
    open_amount = settlement.open_amount
    if open_amount:
        payment_record(
            settlement=settlement,
            by=by,
            amount=abs(open_amount),
            paid_on=paid_on,
            method=method,
            reference=reference,
        )
    else:
        settlement.status = SettlementStatus.PAID
        settlement.closed_at = timezone.now()
        settlement.save(update_fields=["status", "closed_at"])
    settlement.refresh_from_db()
    return settlement


def settlements_draft_all(*, by: User | None, today: dt.date | None = None) -> dict[str, list]:
    """A draft for every active agent's next period (each in its own transaction): `drafted`
    settlements, and `skipped` (agent, reason) for agents with a draft already or whose next
    period has not ended."""
    _require(may_edit(by))
    drafted, skipped = [], []
    for agent in Agent.objects.filter(is_active=True).order_by("code"):
        try:
            drafted.append(settlement_draft(agent=agent, by=by, today=today))
        except ValidationError as error:
            skipped.append((agent, " ".join(error.messages)))
    return {"drafted": drafted, "skipped": skipped}
