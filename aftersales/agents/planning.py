"""Network planning (R3.1): demand per region against the agents' capacity there.

For each region over a period:

- demand: the units in service installed there (the installation address's region, else the
  servicing agent's), the service requests opened there per month, and the work they make in
  hours (requests × the mean labour of the period's done visits, `DEFAULT_JOB_MINUTES` when no
  visit was done);
- capacity: the active agents of the region, their active technicians, and those technicians'
  hours in the period (shift less break, on the working days of the agent's country calendar,
  Thursday in Iran counting as the half day it is);
- load: demand hours / capacity hours. Above `UNDER_SERVED` (or demand with no capacity) the
  region is under-served; below `OVER_SERVED` it is over-served.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Q, Value
from django.db.models.functions import Coalesce, NullIf

from .choices import AgentStatus
from .models import Agent

DEFAULT_JOB_MINUTES = 120
UNDER_SERVED = Decimal("0.85")
OVER_SERVED = Decimal("0.40")
UNKNOWN = ""


@dataclass
class Region:
    name: str
    units: int = 0
    requests: int = 0
    requests_per_month: Decimal = Decimal(0)
    demand_hours: Decimal = Decimal(0)
    agents: list[Agent] = field(default_factory=list)
    technicians: int = 0
    capacity_hours: Decimal = Decimal(0)

    @property
    def load(self) -> Decimal | None:
        if not self.capacity_hours:
            return None
        return (self.demand_hours / self.capacity_hours).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def verdict(self) -> str:
        """under, over, balanced or idle (neither demand nor capacity)."""
        if not self.capacity_hours:
            return "under" if self.demand_hours else "idle"
        if self.load > UNDER_SERVED:
            return "under"
        if self.load < OVER_SERVED:
            return "over"
        return "balanced"

    @property
    def units_per_technician(self) -> Decimal | None:
        if not self.technicians:
            return None
        return (Decimal(self.units) / self.technicians).quantize(Decimal("0.1"), ROUND_HALF_UP)


def months_between(start: dt.date, end: dt.date) -> Decimal:
    return Decimal((end - start).days + 1) / Decimal("30.4375")


def working_days(country: str, start: dt.date, end: dt.date) -> Decimal:
    """Working days of the country's business calendar in the period (part days as fractions)."""
    from aftersales.service.business import calendar_for

    calendar = calendar_for(country)
    longest = max(
        (dt.datetime.combine(start, b) - dt.datetime.combine(start, a)).seconds
        for a, b in calendar.week.values()
    )
    days = Decimal(0)
    day = start
    while day <= end:
        window = calendar.window(day)
        if window is not None:
            days += Decimal((window[1] - window[0]).seconds) / Decimal(longest)
        day += dt.timedelta(days=1)
    return days


def _shift_hours(technician) -> Decimal:
    start = dt.datetime.combine(dt.date.min, technician.shift_start)
    end = dt.datetime.combine(dt.date.min, technician.shift_end)
    minutes = max(0, (end - start).seconds // 60 - technician.break_minutes)
    return Decimal(minutes) / 60


def network_plan(*, start: dt.date, end: dt.date, country: str | None = None) -> list[Region]:
    """Every region's demand and capacity in the period, the most under-served first."""
    from aftersales.service.choices import Status, VisitStatus
    from aftersales.service.models import ServiceRequest, Visit
    from aftersales.units.choices import UnitStatus
    from aftersales.units.models import Unit
    from aftersales.workforce.models import Technician

    regions: dict[str, Region] = {}

    def region(name: str | None) -> Region:
        key = (name or UNKNOWN).strip()
        return regions.setdefault(key, Region(key))

    units = Unit.objects.filter(status=UnitStatus.ACTIVE)
    if country:
        units = units.filter(
            Q(installation_address__country=country)
            | Q(installation_address__isnull=True, service_agent__country=country)
        )
    rows = (
        units.annotate(
            where=Coalesce(
                NullIf(F("installation_address__region"), Value("")), F("service_agent__region")
            )
        )
        .values("where")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        region(row["where"]).units += row["n"]

    tz_start = dt.datetime.combine(start, dt.time.min)
    tz_end = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)
    from django.utils import timezone

    zone = timezone.get_current_timezone()
    since, until = tz_start.replace(tzinfo=zone), tz_end.replace(tzinfo=zone)
    requests = ServiceRequest.objects.filter(opened_at__gte=since, opened_at__lt=until).exclude(
        status=Status.CANCELLED
    )
    if country:
        requests = requests.filter(
            Q(address__country=country) | Q(address__isnull=True, agent__country=country)
        )
    rows = (
        requests.annotate(
            where=Coalesce(
                NullIf(F("address__region"), Value("")),
                NullIf(F("unit__installation_address__region"), Value("")),
                F("agent__region"),
            )
        )
        .values("where")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        region(row["where"]).requests += row["n"]
    mean = Visit.objects.filter(
        status=VisitStatus.DONE,
        window_start__gte=since,
        window_start__lt=until,
        labour_minutes__gt=0,
    ).aggregate(mean=Avg("labour_minutes"))["mean"]
    job_hours = Decimal(str(mean or DEFAULT_JOB_MINUTES)) / 60
    months = months_between(start, end)

    agents = Agent.objects.filter(status=AgentStatus.ACTIVE).order_by("name")
    if country:
        agents = agents.filter(country=country)
    days_of: dict[str, Decimal] = {}
    technicians = defaultdict(list)
    for technician in Technician.objects.filter(is_active=True, agent__in=agents):
        technicians[technician.agent_id].append(technician)
    for agent in agents:
        place = region(agent.region)
        place.agents.append(agent)
        if agent.country not in days_of:
            days_of[agent.country] = working_days(agent.country, start, end)
        for technician in technicians[agent.pk]:
            place.technicians += 1
            place.capacity_hours += _shift_hours(technician) * days_of[agent.country]

    for place in regions.values():
        place.requests_per_month = (
            (Decimal(place.requests) / months).quantize(Decimal("0.1"), ROUND_HALF_UP)
            if months
            else Decimal(0)
        )
        place.demand_hours = (place.requests * job_hours).quantize(Decimal("0.1"), ROUND_HALF_UP)
        place.capacity_hours = place.capacity_hours.quantize(Decimal("0.1"), ROUND_HALF_UP)
    order = {"under": 0, "balanced": 1, "over": 2, "idle": 3}
    return sorted(
        regions.values(),
        key=lambda r: (order[r.verdict], -(r.load or Decimal(10**6)), r.name),
    )
