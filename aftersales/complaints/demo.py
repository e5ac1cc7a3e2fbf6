"""Demo complaints: a year of them across stages, causes, products and agents (most closed, a
few open, one of them the `customer` login's, answered and waiting for them to accept or appeal),
so the list, the analysis and its charts have something to show."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.units.models import Unit

from . import services
from .choices import Channel, Decision, Remedy, RootCause
from .models import Complaint

COUNT = 36
SUBJECTS = [
    ("The technician came late", RootCause.DELAY, Remedy.APOLOGY),
    ("The same fault came back", RootCause.WORKMANSHIP, Remedy.REPAIR),
    ("Water leaks from the indoor unit", RootCause.INSTALLATION, Remedy.REPAIR),
    ("The compressor failed twice", RootCause.MANUFACTURING, Remedy.REPLACEMENT),
    ("I was charged for a warranty repair", RootCause.BILLING, Remedy.REFUND),
    ("Nobody called me back", RootCause.COMMUNICATION, Remedy.EXPLANATION),
    ("The spare part took a month", RootCause.PARTS, Remedy.COMPENSATION),
    ("The door does not close well", RootCause.PRODUCT_DESIGN, Remedy.REPAIR),
]


def _at(rng, days_ago: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days_ago, hours=rng.randint(0, 8))


@transaction.atomic
def load_demo() -> str:
    if Complaint.objects.exists():
        return "complaints: already loaded"
    rng = random.Random(10002)
    desk = User.objects.filter(role=Role.OPERATOR, is_active=True).order_by("pk").first()
    quality = User.objects.filter(role=Role.QUALITY, is_active=True).order_by("pk").first()
    desk = desk or quality or User.objects.filter(role=Role.MANAGER).order_by("pk").first()
    if desk is None:
        return "complaints: no staff login to handle them"
    handler = quality or desk
    units = list(
        Unit.objects.filter(owner__isnull=False)
        .select_related("owner", "product_model", "service_agent")
        .order_by("pk")[:400]
    )
    made = closed = 0
    for index in range(COUNT):
        subject, cause, remedy = rng.choice(SUBJECTS)
        unit = rng.choice(units) if units else None
        days_ago = rng.randint(20, 360) if index < COUNT - 6 else rng.randint(0, 2)
        received = _at(rng, days_ago)
        complaint = services.complaint_receive(
            by=desk,
            channel=rng.choice([Channel.PHONE, Channel.WEB, Channel.EMAIL, Channel.AGENT]),
            subject=subject,
            description=subject + ".",
            remedy_sought=remedy,
            unit=unit,
            contact_email="" if unit else "demo@example.com",
            severity=rng.choice([1, 2, 2, 2, 3, 3, 4]),
            at=received,
        )
        made += 1
        if index >= COUNT - 6:
            continue  # the recent ones stay open at their first stages
        step = received + dt.timedelta(hours=rng.randint(2, 20))
        services.complaint_assess(
            complaint=complaint, by=desk, severity=complaint.severity, assignee=handler, at=step
        )
        step += dt.timedelta(days=rng.randint(1, 6))
        services.complaint_investigate(
            complaint=complaint, by=handler, root_cause=cause, findings="Checked on site.", at=step
        )
        services.complaint_respond(
            complaint=complaint,
            by=handler,
            decision=rng.choice(
                [Decision.UPHELD, Decision.UPHELD, Decision.PARTLY_UPHELD, Decision.REJECTED]
            ),
            resolution="We have put it right and apologise for the trouble.",
            at=step,
        )
        if rng.random() < 0.15:
            services.complaint_appeal(complaint=complaint, reason="Not enough.", at=step)
            step += dt.timedelta(days=rng.randint(1, 4))
            services.complaint_respond(
                complaint=complaint,
                by=handler,
                decision=Decision.UPHELD,
                resolution="On review we replace the unit.",
                at=step,
            )
        services.complaint_accept(complaint=complaint, at=step + dt.timedelta(days=1))
        step += dt.timedelta(days=rng.randint(3, 20))
        services.complaint_follow_up(
            complaint=complaint,
            by=desk,
            note="Customer confirms all is well.",
            satisfied=True,
            at=step,
        )
        services.complaint_close(complaint=complaint, by=desk, at=step)
        closed += 1
    customer = User.objects.filter(username="customer").select_related("customer").first()
    if customer is not None and getattr(customer, "customer", None) is not None:
        complaint = services.complaint_receive(
            by=desk,
            channel=Channel.PHONE,
            customer=customer.customer,
            subject="The installer scratched the wall",
            description="The wall by the outdoor unit was scratched during installation.",
            remedy_sought=Remedy.COMPENSATION,
            at=timezone.now() - dt.timedelta(days=3),
        )
        services.complaint_assess(complaint=complaint, by=desk, severity=2, assignee=handler)
        services.complaint_investigate(
            complaint=complaint,
            by=handler,
            root_cause=RootCause.INSTALLATION,
            findings="Confirmed.",
        )
        services.complaint_respond(
            complaint=complaint,
            by=handler,
            decision=Decision.UPHELD,
            resolution="A painter will repair the wall at our cost.",
        )
        made += 1
    return f"complaints: {made} complaints over a year ({closed} closed, the rest open)"
