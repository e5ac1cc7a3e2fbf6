"""Demo dispatch: open repair requests for the next working day, in Shiraz for the maker's own
technicians (given a home base there) and in Tehran for the Tehran agent (Pars Sarma), and two
draft plans ready on the board: the maker's dispatcher's and the agent's own."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from aftersales.agents.models import Agent
from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.service import services as service
from aftersales.service.models import ServiceType
from aftersales.units.models import Unit
from aftersales.workforce.models import Technician

from . import services
from .models import Plan

MAKERS_JOBS = 30
AGENTS_JOBS = 20
HOMES = [(29.61, 52.53), (29.65, 52.48), (29.58, 52.56)]  # Shiraz


def next_working_day() -> dt.date:
    day = timezone.localdate() + dt.timedelta(days=1)
    while day.weekday() == 4:  # Friday
        day += dt.timedelta(days=1)
    return day


def _homes() -> None:
    """The maker's Iranian technicians get a home base in Shiraz (the demo has none)."""
    technicians = Technician.objects.filter(
        agent=None, phone__startswith="+98", home_latitude__isnull=True
    ).order_by("pk")
    for number, technician in enumerate(technicians):
        lat, lon = HOMES[number % len(HOMES)]
        # workforce's technician_update does not take the home base yet: a plain, audited save
        technician.home_latitude = Decimal(f"{lat:.6f}")
        technician.home_longitude = Decimal(f"{lon:.6f}")
        technician.save(update_fields=["home_latitude", "home_longitude"])


def _open(units, count: int, day: dt.date) -> int:
    repair = ServiceType.objects.get(code="repair")
    made = 0
    for unit in units:
        if made == count:
            break
        address = unit.owner.addresses.filter(latitude__isnull=False).first()
        if address is None:
            continue
        with transaction.atomic():
            request = service.request_open(
                by=None,
                customer=unit.owner,
                unit=unit,
                service_type=repair,
                channel="phone",
                description="Demo: it stopped working",
                address=address,
                preferred_date=day,
            )
            service.request_triage(request=request, by=None)
        made += 1
    return made


def load_demo() -> str:
    if Plan.objects.exists():
        return "dispatch: already loaded"
    day = next_working_day()
    _homes()
    tehran = Agent.objects.filter(code="AG-THR").first()
    kinds = ["ac", "wm"]
    in_shiraz = Unit.objects.filter(
        owner__addresses__city="شیراز", product_model__category__code__in=kinds, service_agent=None
    ).distinct()
    made = _open(in_shiraz.order_by("pk"), MAKERS_JOBS, day)
    if tehran is not None:
        in_tehran = Unit.objects.filter(
            owner__addresses__city="تهران", product_model__category__code__in=kinds
        ).distinct()
        made += _open(in_tehran.filter(service_agent=tehran).order_by("pk"), AGENTS_JOBS, day)
    dispatcher = User.objects.filter(role=Role.DISPATCHER).order_by("pk").first()
    plans = [services.plan_create(by=dispatcher, first_day=day, seconds=2)]
    agent_user = User.objects.filter(role=Role.AGENT, agent=tehran).order_by("pk").first()
    if tehran is not None:
        plans.append(
            services.plan_create(
                by=agent_user,
                agent=tehran if agent_user is None else None,
                first_day=day,
                seconds=2,
            )
        )
    placed = sum(p.assignments.filter(technician__isnull=False).count() for p in plans)
    bookable = _waiting_for_the_customers_choice()
    return (
        f"dispatch: {made} open repair requests for {day}, {len(plans)} plans, {placed} placed; "
        f"{bookable} request waiting for the demo customer to choose a time"
    )


def _waiting_for_the_customers_choice() -> int:
    """The demo customer's periodic maintenance of her air conditioner, opened on the portal
    and waiting for her to choose a time ("Choose a time" on its page)."""
    unit = Unit.objects.filter(serial="AC-DEMO-0001").select_related("owner").first()
    maintenance = ServiceType.objects.filter(code="maintenance", self_booking=True).first()
    if unit is None or unit.owner is None or maintenance is None:
        return 0
    service.request_open(
        by=None,
        customer=unit.owner,
        unit=unit,
        service_type=maintenance,
        channel="web",
        description="سرویس دوره‌ای کولر گازی پیش از تابستان.",
        address=unit.owner.addresses.first(),
        preferred_date=timezone.localdate() + dt.timedelta(days=7),
    )
    return 1
