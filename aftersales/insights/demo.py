"""Demo: a year of service history (requests, visits, warranty claims) for the dashboard's
charts, then the facts aggregated. Deterministic; written in bulk (demo data, no audit trail)."""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

REQUESTS_PER_DAY = 2
DAYS = 365
# rials for one euro on the open market on the first of the demo's first month; the rial then
# loses about 2.5% a month (plausible for 2025-26: about 1,150,000 to 1,550,000 a euro)
RIALS_PER_EURO = 1_150_000
MONTHLY_FALL = Decimal("1.025")


def load_rates(today: dt.date | None = None) -> int:
    """A rate of the rial to the euro (or back, when the rial is the reporting currency) on
    the first of each month of the demo's year and the month before it; nothing when there
    are rates already."""
    from .models import ExchangeRate
    from .rates import reporting_currency

    if ExchangeRate.objects.exists():
        return 0
    today = today or timezone.localdate()
    month = (today - dt.timedelta(days=DAYS + 31)).replace(day=1)
    reporting = reporting_currency()
    rates, rials = [], Decimal(RIALS_PER_EURO)
    while month <= today:
        whole = rials.quantize(Decimal(1000))
        if reporting == "EUR":
            currency, rate = "IRR", (Decimal(1) / whole).quantize(Decimal(1).scaleb(-18))
        elif reporting == "IRR":
            currency, rate = "EUR", whole
        else:
            return 0
        rates.append(
            ExchangeRate(currency=currency, valid_from=month, rate=rate, note="Demo: open market")
        )
        rials *= MONTHLY_FALL
        month = (month + dt.timedelta(days=32)).replace(day=1)
    ExchangeRate.objects.bulk_create(rates)
    return len(rates)


@transaction.atomic
def load_demo() -> str:
    from aftersales.service.business import business_add, calendar_for
    from aftersales.service.models import ServiceRequest, ServiceType, SlaTarget, Visit
    from aftersales.units.models import Unit
    from aftersales.warranty.models import Claim
    from aftersales.workforce.models import Technician

    from .aggregation import refresh

    rates = load_rates()
    if ServiceRequest.objects.filter(number__startswith="DEMO-I-").exists():
        return f"Insights: {rates} exchange rates." if rates else ""
    units = list(
        Unit.objects.filter(owner__isnull=False, service_agent__isnull=False)
        .select_related("product_model")
        .order_by("pk")[:600]
    )
    staff = {}
    for technician in Technician.objects.filter(is_active=True, agent__isnull=False):
        staff.setdefault(technician.agent_id, []).append(technician)
    units = [unit for unit in units if unit.service_agent_id in staff]
    types = list(ServiceType.objects.filter(code__in=["repair", "maintenance", "installation"]))
    if not units or not types:
        return "Insights: no units with an agent and technicians, no history generated."
    targets = {(t.service_type_id, t.priority): t for t in SlaTarget.objects.all()}
    calendar = calendar_for("IR")
    rng = random.Random(9)
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    requests, visit_plans = [], []
    number = 0
    for offset in range(DAYS, 0, -1):
        day = today - dt.timedelta(days=offset)
        for _ in range(REQUESTS_PER_DAY):
            number += 1
            unit = rng.choice(units)
            kind = rng.choice(types)
            opened = dt.datetime.combine(
                day, dt.time(8 + rng.randrange(8), rng.randrange(60)), zone
            )
            target = targets.get((kind.pk, 2))
            responded = business_add(opened, Decimal(rng.choice([0.5, 1, 2, 3, 6])), calendar)
            fixed_first = rng.random() < 0.8
            first_visit = business_add(opened, Decimal(rng.choice([4, 8, 16])), calendar)
            second_visit = first_visit + dt.timedelta(days=rng.choice([3, 5, 9, 20]))
            finished = first_visit if fixed_first else second_visit
            resolved = finished + dt.timedelta(hours=1)
            open_still = resolved > timezone.now() - dt.timedelta(hours=2)
            requests.append(
                ServiceRequest(
                    number=f"DEMO-I-{number:05d}",
                    service_type=kind,
                    customer_id=unit.owner_id,
                    unit=unit,
                    channel=rng.choice(["phone", "web", "agent"]),
                    description="Demo history",
                    status="in_progress" if open_still else "closed",
                    agent_id=unit.service_agent_id,
                    calendar="IR",
                    opened_at=opened,
                    responded_at=responded,
                    response_due=business_add(opened, target.response_hours, calendar)
                    if target
                    else None,
                    resolution_due=business_add(opened, target.resolution_hours, calendar)
                    if target
                    else None,
                    resolved_at=None if open_still else resolved,
                    closed_at=None if open_still else resolved,
                    first_time_fix=None if open_still else fixed_first,
                )
            )
            technician = rng.choice(staff[unit.service_agent_id])
            plan = [(first_visit, "fixed" if fixed_first else "needs_parts")]
            if not fixed_first:
                plan.append((second_visit, "fixed"))
            visit_plans.append((technician, plan))
    requests = ServiceRequest.objects.bulk_create(requests)
    visits, claims = [], []
    for request, (technician, plan) in zip(requests, visit_plans, strict=True):
        for index, (start, result) in enumerate(plan):
            done = start < timezone.now()
            visits.append(
                Visit(
                    number=f"DEMO-IV-{request.number[7:]}-{index}",
                    request=request,
                    technician=technician,
                    window_start=start,
                    window_end=start + dt.timedelta(hours=2),
                    status="done" if done else "planned",
                    checked_in_at=start if done else None,
                    checked_out_at=start + dt.timedelta(minutes=60) if done else None,
                    labour_minutes=rng.choice([30, 45, 60, 90]) if done else 0,
                    result=result if done else "",
                )
            )
        if request.service_type.code == "repair" and rng.random() < 0.3:
            approved = Decimal(rng.choice([1_500_000, 2_800_000, 4_200_000]))
            claims.append(
                Claim(
                    number=f"DEMO-IC-{request.number[7:]}",
                    unit=request.unit,
                    agent_id=request.agent_id,
                    failure_date=timezone.localdate(request.opened_at),
                    claimed_total=approved,
                    approved_total=approved,
                    status="approved",
                    decided_at=request.opened_at + dt.timedelta(days=7),
                )
            )
    Visit.objects.bulk_create(visits)
    Claim.objects.bulk_create(claims)
    log = refresh(full=True)
    # the demos of the apps that come after this one (quality's claims, dispatch's requests)
    # are written in bulk with past dates, which an incremental refresh cannot find: count
    # everything again once the whole demo is in
    transaction.on_commit(lambda: refresh(full=True))
    return (
        f"Insights: {len(requests)} service requests, {len(visits)} visits and {len(claims)} "
        f"warranty claims over the past year; {log.days} days of figures aggregated; "
        f"{rates} exchange rates."
    )
