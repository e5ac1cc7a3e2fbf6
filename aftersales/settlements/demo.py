"""Demo settlements: for a Tehran agent and a Milan agent, warranty claims decided over the last
two months and parts bought over the counter; the earlier month's settlement approved and paid in
part, the last month's drafted with the open balance carried over (ready to approve)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from aftersales.agents.models import Agent
from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.core.money import quantize
from aftersales.parts.models import CounterSale, StockLevel, Warehouse
from aftersales.parts.services import counter_sale_create, part_price
from aftersales.units.models import Unit
from aftersales.warranty.defaults import load_defaults as load_warranty_defaults
from aftersales.warranty.models import Claim, WarrantyPolicy
from aftersales.warranty.services import claim_submit

from . import periods, services
from .models import Settlement

# agent code: (warehouse selling to it, currency, labour, travel)
AGENTS = {
    "AG-THR": ("CEN", "IRR", Decimal(1_500_000), Decimal(400_000)),
    "AG-MIL": ("REG-IT", "EUR", Decimal("42.50"), Decimal("15.00")),
}
CLAIMS_PER_MONTH = 4


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(11)))


def _claims(agent, currency, labour, travel, month, *, today) -> int:
    start, end = month
    units = list(
        Unit.objects.filter(service_agent=agent, sale_date__gte=today - dt.timedelta(days=300))
        .select_related("product_model")
        .order_by("pk")[: CLAIMS_PER_MONTH * 3]
    )
    made = 0
    for index, unit in enumerate(units):
        if made == CLAIMS_PER_MONTH:
            break
        failure = min(start + dt.timedelta(days=3 + index * 5), end - dt.timedelta(days=2))
        if failure < unit.sale_date:
            continue
        part = unit.product_model.parts.order_by("sku").first()
        price = part and part_price(part=part, price_list="agent", currency=currency, today=failure)
        parts = [{"part": part, "amount": price}] if price else []
        claim = claim_submit(
            unit=unit,
            by=None,
            agent=agent,
            failure_date=failure,
            repair_started=failure,
            repair_finished=failure + dt.timedelta(days=1),
            labour_minutes=60,
            meter=Decimal(120),
            labour_amount=labour,
            travel_amount=travel,
            parts=parts,
            currency=currency,
            external_ref=f"DEMO-{agent.code}-{failure:%m%d}-{index}",
        )
        Claim.objects.filter(pk=claim.pk).update(decided_at=_at(failure + dt.timedelta(days=2)))
        made += 1
    return made


def _purchase(agent, warehouse_code, currency, day) -> bool:
    store = Warehouse.objects.filter(code=warehouse_code).first()
    level = (
        StockLevel.objects.filter(warehouse=store, on_hand__gte=5)
        .filter(part__prices__price_list="agent", part__prices__currency=currency)
        .select_related("part")
        .order_by("part__sku")
        .first()
        if store
        else None
    )
    if level is None:
        return False
    sale = counter_sale_create(
        warehouse=store, lines=[(level.part, 2)], by=None, agent=agent, currency=currency
    )
    CounterSale.objects.filter(pk=sale.pk).update(sold_at=_at(day))
    return True


def load_demo() -> str:
    today = timezone.localdate()
    if not WarrantyPolicy.objects.exists():  # claims are decided by the shipped warranty rules
        load_warranty_defaults()
    manager = User.objects.filter(role=Role.MANAGER).order_by("pk").first()
    finance = User.objects.filter(role=Role.FINANCE).order_by("pk").first()
    settled = []
    claims = 0
    for code, (warehouse, currency, labour, travel) in AGENTS.items():
        agent = Agent.objects.filter(code=code).first()
        if agent is None or Settlement.objects.filter(agent=agent).exists():
            continue
        jalali = periods.uses_jalali(agent)
        this_month = periods.month_of(today, jalali=jalali)
        last = periods.month_of(this_month[0] - dt.timedelta(days=1), jalali=jalali)
        before = periods.month_of(last[0] - dt.timedelta(days=1), jalali=jalali)
        for month in (before, last):
            claims += _claims(agent, currency, labour, travel, month, today=today)
            _purchase(agent, warehouse, currency, month[0] + dt.timedelta(days=10))
        first = services.settlement_draft(
            agent=agent, by=finance, period_start=before[0], period_end=before[1]
        )
        first = services.settlement_approve(settlement=first, by=manager)
        if first.open_amount:
            half = abs(quantize(first.open_amount / 2, currency))
            if half:
                services.payment_record(
                    settlement=first,
                    by=finance,
                    amount=half,
                    paid_on=min(today, before[1] + dt.timedelta(days=7)),
                    reference=f"DEMO-{agent.code}-1",
                )
        services.settlement_draft(agent=agent, by=finance, period_start=last[0], period_end=last[1])
        settled.append(agent.code)
    return (
        f"Settlements: {len(settled) * 2} for {', '.join(settled) or 'no agent'} "
        f"({claims} warranty claims)."
    )
