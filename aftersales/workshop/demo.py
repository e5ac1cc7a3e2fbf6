"""Demo workshop: the maker's service centre in Tehran (its parts from the central warehouse) and
the demo agent's workshop, with units carried in over the last days: some waiting for the bench,
one ready for collection; so the queue, a job's page and the portal have something to show."""

import contextlib
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aftersales.core.models import User
from aftersales.parts.models import Warehouse
from aftersales.service import services as service
from aftersales.service.choices import OPEN_STATUSES
from aftersales.service.models import ServiceType
from aftersales.units.models import Unit

from . import services
from .models import Workshop

# (days ago, condition, accessories): what the counter wrote down
INTAKES = [
    (6, "خط‌وخش روی بدنه، درب سالم", "کنترل از راه دور"),
    (3, "بدون آسیب ظاهری", "سیم برق، جعبه"),
    (1, "ترک روی درپوش پشتی", ""),
]
DESCRIPTION = "دستگاه روشن نمی‌شود؛ مشتری آن را به تعمیرگاه آورد"


def _units(**filters):
    busy = Unit.objects.filter(service_requests__status__in=OPEN_STATUSES)
    return (
        Unit.objects.filter(owner__isnull=False, owner__addresses__isnull=False, **filters)
        .exclude(pk__in=busy)
        .exclude(owner__user__username="customer")  # her units have the other demos' visits
        .select_related("owner")
        .order_by("pk")
        .distinct()
    )


@transaction.atomic
def _carry_in(*, unit, workshop, days_ago: int, condition: str, accessories: str):
    """A walk-in repair request for `unit` and its intake, together or not at all."""
    at = timezone.now() - dt.timedelta(days=days_ago, hours=2)
    request = service.request_open(
        by=None,
        customer=unit.owner,
        unit=unit,
        service_type=ServiceType.objects.get(code="repair"),
        channel="walk_in",
        description=DESCRIPTION,
        address=unit.owner.addresses.first(),
        at=at,
    )
    return services.job_receive(
        request=request,
        workshop=workshop,
        by=None,
        arrival="carried_in",
        condition=condition,
        accessories=accessories,
        at=at + dt.timedelta(minutes=10),
    )


@transaction.atomic
def load_demo() -> str:
    if Workshop.objects.exists():
        return "workshop: already loaded"
    centre = Workshop.objects.create(
        code="WS-TEH",
        name="مرکز خدمات تهران",
        warehouse=Warehouse.objects.filter(code="CEN").first(),
        address="تهران، خیابان آزادی، پلاک ۱۲",
        phone="+982166001234",
        opening_hours="شنبه تا چهارشنبه ۸ تا ۱۷",
    )
    workshops = [centre]
    agent = getattr(User.objects.filter(username="agent").first(), "agent", None)
    if agent is not None:
        workshops.append(
            Workshop.objects.create(
                code=f"WS-{agent.code}",
                name=agent.name,
                agent=agent,
                warehouse=Warehouse.objects.filter(agent=agent).first(),
                address=agent.address,
                phone=agent.phone,
            )
        )
    jobs = []
    units = iter(_units(owner__country="IR"))
    for (days_ago, condition, accessories), unit in zip(INTAKES, units, strict=False):
        try:
            jobs.append(
                _carry_in(
                    unit=unit,
                    workshop=centre,
                    days_ago=days_ago,
                    condition=condition,
                    accessories=accessories,
                )
            )
        except ValidationError:
            continue
    if jobs:
        # the oldest: the customer declined the repair, it waits for collection
        with contextlib.suppress(ValidationError):
            services.job_ready(
                job=jobs[0],
                by=None,
                handover="collection",
                repaired=False,
                reason="مشتری هزینهٔ تعمیر را نپذیرفت",
                at=jobs[0].received_at + dt.timedelta(days=2),
            )
    if agent is not None:
        unit = _units(service_agent=agent).first()
        if unit is not None:
            with contextlib.suppress(ValidationError):
                jobs.append(
                    _carry_in(
                        unit=unit,
                        workshop=workshops[-1],
                        days_ago=2,
                        condition="بدون آسیب ظاهری",
                        accessories="",
                    )
                )
    return f"workshop: {len(workshops)} workshops, {len(jobs)} units in the workshop"
