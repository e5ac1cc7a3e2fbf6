"""Demo service: the demo technician's day, three repair visits today in the order of their
windows, the first of them at the demo customer's home for her washing machine; so the
technician's phone page and the customer's portal each show work to follow."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aftersales.units.models import Unit
from aftersales.workforce.models import Technician

from . import services
from .models import ServiceType, Visit

VISITS = 3
WINDOW_HOURS = 2
FIRST_HOUR = 9
# what the calls said, for an Iranian and for an Italian customer
DESCRIPTION = ("هنگام آبگیری صدای ضربه می‌دهد", "Fa rumore di colpi durante il carico dell'acqua")


def _units():
    """The demo customer's washing machine (the billing demo repairs her air conditioner), then
    other owned units in her region (Tehran)."""
    owned = Unit.objects.filter(owner__isnull=False, owner__addresses__isnull=False)
    owned = owned.select_related("owner", "product_model__category").distinct()
    hers = list(owned.filter(owner__user__username="customer").order_by("-serial")[:1])
    yield from hers
    region = hers[0].owner.addresses.values_list("region", flat=True).first() if hers else None
    others = owned.exclude(owner__user__username="customer").order_by("pk")
    if region:
        others = others.filter(owner__addresses__region=region)
    yield from others[: VISITS * 10]


def book_repair(*, unit, technician, start: dt.datetime, description: str) -> Visit:
    """A repair the owner phoned in the day before `start`, triaged, its visit planned at
    `start` for two hours (the demos of service and billing)."""
    opened = start - dt.timedelta(days=1)
    request = services.request_open(
        by=None,
        customer=unit.owner,
        unit=unit,
        service_type=ServiceType.objects.get(code="repair"),
        channel="phone",
        description=description,
        address=unit.owner.addresses.first(),
        at=opened,
    )
    request = services.request_triage(request=request, by=None, at=opened + dt.timedelta(hours=1))
    return services.visit_schedule(
        request=request,
        technician=technician,
        window_start=start,
        window_end=start + dt.timedelta(hours=WINDOW_HOURS),
        by=None,
    )


def load_demo() -> str:
    technician = Technician.objects.filter(user__username="technician").first()
    repair = ServiceType.objects.filter(code="repair").first()
    if technician is None or repair is None:
        return ""
    if Visit.objects.filter(technician=technician).exists():
        return "Service: already loaded."
    today = timezone.localdate()
    made = 0
    for unit in _units():
        if made == VISITS:
            break
        start = timezone.make_aware(
            dt.datetime.combine(today, dt.time(FIRST_HOUR + made * (WINDOW_HOURS + 1)))
        )
        try:
            with transaction.atomic():
                book_repair(
                    unit=unit,
                    technician=technician,
                    start=start,
                    description=DESCRIPTION[unit.owner.country == "IT"],
                )
        except ValidationError:
            continue
        made += 1
    return f"Service: {made} visits today for the demo technician."
