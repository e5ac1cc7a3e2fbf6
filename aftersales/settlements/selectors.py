"""Reads: what an agent's settlement for a period is made of, computed from the records.

How each line is valued (see docs/settlements.md):
- a warranty claim approved (or partly approved) by the end of the period and never settled: the
  approved labour and travel, and each approved part at the agent price list on the repair day;
- a counter sale of parts to the agent by the end of the period and never settled: its total, owed
  by the agent;
- the grade's bonus or penalty: the grade in force on the last day of the period, its per cent of
  the period's approved labour and travel;
- the balance carried over: what was still open on the agent's previous settlement.
Every amount is rounded to the currency's precision, line by line, and the total is their sum.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Q, Sum
from django.utils import timezone

from aftersales.agents.selectors import grade_on
from aftersales.catalog.choices import PriceList
from aftersales.catalog.models import PartPrice
from aftersales.core.money import quantize
from aftersales.parts.models import CounterSale
from aftersales.warranty.choices import ClaimStatus
from aftersales.warranty.models import Claim

from .choices import BankStatus, LineKind, RunStatus, SettlementStatus
from .models import Payment, PaymentRunLine, Settlement, SettlementLine

SETTLED_CLAIM_STATUSES = (ClaimStatus.APPROVED, ClaimStatus.PARTLY)
ZERO = Decimal(0)


@dataclass(frozen=True)
class ClaimAmounts:
    labour: Decimal
    travel: Decimal
    parts: Decimal

    @property
    def total(self) -> Decimal:
        return self.labour + self.travel + self.parts


def claim_day(claim: Claim) -> dt.date:
    """The day a claim's parts are priced on: the repair's end, else the failure date."""
    return claim.repair_finished or claim.failure_date


def _free(within: Settlement | None) -> Q:
    """On no settlement line yet, or on one of `within` (the draft being computed)."""
    free = Q(settlement_line__isnull=True)
    return free | Q(settlement_line__settlement=within) if within is not None else free


def unsettled_claims(*, agent, currency: str, until: dt.date, within: Settlement | None = None):
    """The agent's approved claims decided by `until`, in `currency`, on no settlement yet."""
    decided = Q(decided_at__date__lte=until) | Q(
        decided_at__isnull=True, submitted_at__date__lte=until
    )
    return (
        Claim.objects.filter(
            agent=agent,
            currency=currency,
            status__in=SETTLED_CLAIM_STATUSES,
        )
        .filter(decided, _free(within))
        .select_related("unit")
        .prefetch_related("parts")
        .order_by("decided_at", "pk")
    )


def unsettled_purchases(*, agent, currency: str, until: dt.date, within: Settlement | None = None):
    """Parts the agent bought over the counter by `until`, in `currency`, on no settlement yet."""
    return (
        CounterSale.objects.filter(agent=agent, currency=currency, sold_at__date__lte=until)
        .filter(_free(within))
        .order_by("sold_at", "pk")
    )


class AgentPrices:
    """The agent price list of a set of parts, looked up by day without a query per line."""

    def __init__(self, part_ids, currency: str):
        self._prices: dict[int, list[tuple[dt.date, Decimal]]] = defaultdict(list)
        rows = PartPrice.objects.filter(
            part_id__in=set(part_ids), price_list=PriceList.AGENT, currency=currency
        ).order_by("valid_from")
        for part_id, valid_from, amount in rows.values_list("part_id", "valid_from", "amount"):
            self._prices[part_id].append((valid_from, amount))

    def on(self, part_id: int, day: dt.date) -> Decimal | None:
        price = None
        for valid_from, amount in self._prices.get(part_id, ()):
            if valid_from > day:
                break
            price = amount
        return price


def claim_amounts(claim: Claim, prices: AgentPrices) -> ClaimAmounts:
    """What the maker owes the agent for one approved claim (see the module's docstring).

    The claim's decision gives each part line's approved amount and the claim's approved total;
    what the total approves beyond the parts is labour and travel, split between them in the
    proportion claimed. A person who cut a claim below its parts cut the parts pro rata. Each
    approved part is paid at the agent price (times the quantity and the share approved) when
    the agent price list has the part on the repair day, else at its approved amount.
    """
    currency = claim.currency
    lines = list(claim.parts.all())
    approved = claim.approved_total
    part_shares = [line.approved_amount for line in lines]
    parts_approved = sum(part_shares, ZERO)
    if parts_approved > approved:
        ratio = approved / parts_approved
        part_shares = [share * ratio for share in part_shares]
        services = ZERO
    else:
        services = approved - parts_approved
    claimed_services = claim.labour_amount + claim.travel_amount
    if claimed_services > 0:
        labour = quantize(services * claim.labour_amount / claimed_services, currency)
    else:
        labour = quantize(services, currency)
    travel = quantize(services, currency) - labour
    day = claim_day(claim)
    parts = ZERO
    for line, share in zip(lines, part_shares, strict=True):
        if share <= 0:
            continue
        price = prices.on(line.part_id, day)
        if price is None or line.amount <= 0:
            parts += quantize(share, currency)
        else:
            parts += quantize(price * line.quantity * share / line.amount, currency)
    return ClaimAmounts(labour=labour, travel=travel, parts=parts)


def previous_settlement(*, agent, before: dt.date) -> Settlement | None:
    """The agent's last settlement whose period ends before `before` (not a draft)."""
    return (
        Settlement.objects.filter(agent=agent, period_end__lt=before)
        .exclude(status=SettlementStatus.DRAFT)
        .order_by("-period_end", "-pk")
        .first()
    )


def latest_settlement(agent) -> Settlement | None:
    return Settlement.objects.filter(agent=agent).order_by("-period_end", "-pk").first()


def proposed_lines(settlement: Settlement) -> list[SettlementLine]:
    """The automatic lines of a settlement as the records stand now (unsaved): the balance carried
    over, the claims, the parts bought, the grade's bonus or penalty."""
    agent, currency, end = settlement.agent, settlement.currency, settlement.period_end
    lines: list[SettlementLine] = []
    previous = previous_settlement(agent=agent, before=settlement.period_start)
    if previous is not None and previous.status == SettlementStatus.APPROVED:
        carried = previous.open_amount
        if carried:
            lines.append(
                SettlementLine(
                    kind=LineKind.CARRIED,
                    day=previous.period_end,
                    source=previous,
                    reference=previous.number,
                    amount=quantize(carried, currency),
                )
            )
    claims = list(unsettled_claims(agent=agent, currency=currency, until=end, within=settlement))
    prices = AgentPrices((line.part_id for claim in claims for line in claim.parts.all()), currency)
    services = ZERO
    for claim in claims:
        amounts = claim_amounts(claim, prices)
        services += amounts.labour + amounts.travel
        lines.append(
            SettlementLine(
                kind=LineKind.CLAIM,
                day=timezone.localdate(claim.decided_at or claim.submitted_at),
                claim=claim,
                reference=claim.number,
                labour=amounts.labour,
                travel=amounts.travel,
                parts=amounts.parts,
                amount=amounts.total,
            )
        )
    for sale in unsettled_purchases(agent=agent, currency=currency, until=end, within=settlement):
        lines.append(
            SettlementLine(
                kind=LineKind.PURCHASE,
                day=timezone.localdate(sale.sold_at),
                sale=sale,
                reference=sale.number,
                parts=-quantize(sale.total, currency),
                amount=-quantize(sale.total, currency),
            )
        )
    grade = grade_on(agent, end)
    percent = getattr(grade, "settlement_adjustment_percent", None)
    if grade is not None and percent and services:
        lines.append(
            SettlementLine(
                kind=LineKind.GRADE,
                day=end,
                reference=grade.code,
                base=services,
                percent=percent,
                amount=quantize(services * percent / 100, currency),
            )
        )
    return lines


def paid_total(settlement: Settlement) -> Decimal:
    """The payments' net effect on the settlement (paid to the agent less received from it)."""
    rows = settlement.payments.values("direction").annotate(total=Sum("amount"))
    return sum(
        (Payment(direction=row["direction"], amount=row["total"]).signed for row in rows), ZERO
    )


def totals_by_kind(settlement: Settlement) -> dict[str, Decimal]:
    rows = settlement.lines.values("kind").annotate(total=Sum("amount"))
    return {row["kind"]: row["total"] for row in rows}


OVERVIEW_KINDS = (LineKind.CLAIM, LineKind.PURCHASE, LineKind.GRADE, LineKind.ADJUSTMENT)


def overview(settlements, *, months: int = 12) -> list[dict]:
    """Per currency: the approved settlements' lines by period and kind (the last `months`
    periods), and the settlements with money still open, largest first."""
    frozen = settlements.exclude(status=SettlementStatus.DRAFT)
    rows = (
        SettlementLine.objects.filter(settlement__in=frozen, kind__in=OVERVIEW_KINDS)
        .values("settlement__currency", "settlement__period_start", "kind")
        .annotate(total=Sum("amount"))
    )
    by_currency: dict[str, dict] = {}
    for row in rows:
        block = by_currency.setdefault(row["settlement__currency"], {"periods": {}})
        period = block["periods"].setdefault(row["settlement__period_start"], {})
        period[row["kind"]] = period.get(row["kind"], ZERO) + row["total"]
    open_rows = (
        frozen.filter(status=SettlementStatus.APPROVED)
        .exclude(total=F("settled"))
        .select_related("agent")
    )
    for settlement in open_rows:
        block = by_currency.setdefault(settlement.currency, {"periods": {}})
        block.setdefault("open", []).append(settlement)
    result = []
    for currency, block in sorted(by_currency.items()):
        starts = sorted(block["periods"])[-months:]
        open_list = sorted(block.get("open", []), key=lambda s: -abs(s.open_amount))
        result.append(
            {
                "currency": currency,
                "periods": [(start, block["periods"][start]) for start in starts],
                "open": open_list[:20],
                "open_to_agents": sum(
                    (s.open_amount for s in open_list if s.open_amount > 0), ZERO
                ),
                "open_from_agents": -sum(
                    (s.open_amount for s in open_list if s.open_amount < 0), ZERO
                ),
            }
        )
    return result


def overview_chart(data: list[dict]) -> dict:
    """The overview as Chart.js data (one bar chart per currency), labels in the user's
    calendar."""
    from aftersales.core.calendars import show_date

    charts = {}
    for block in data:
        labels = [show_date(start) for start, _totals in block["periods"]]
        charts[block["currency"]] = {
            "labels": labels,
            "datasets": [
                {
                    "label": str(kind.label),
                    "data": [str(totals.get(kind, ZERO)) for _start, totals in block["periods"]],
                }
                for kind in OVERVIEW_KINDS
            ],
        }
    return charts


def held_lines():
    """Transfers that still hold their settlement: in a prepared run and not rejected by the
    bank (a rejected transfer's settlement may go into another run at once)."""
    return PaymentRunLine.objects.filter(run__status=RunStatus.PREPARED).exclude(
        bank_status=BankStatus.REJECTED
    )


def payable_by_transfer(settlements, currency: str | None = None):
    """Approved settlements where the maker still owes the agent and no prepared payment run
    holds them yet: what a new payment run may pay (`settlements` is already restricted)."""
    queryset = (
        settlements.filter(status=SettlementStatus.APPROVED, total__gt=F("settled"))
        .exclude(pk__in=held_lines().values("settlement_id"))
        .select_related("agent")
        .order_by("agent__name", "period_end", "pk")
    )
    return queryset.filter(currency=currency) if currency else queryset


def payable_currencies(settlements) -> list[str]:
    return sorted(set(payable_by_transfer(settlements).values_list("currency", flat=True)))
