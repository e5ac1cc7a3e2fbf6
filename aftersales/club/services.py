"""Every write of the customer club: points earned by events, and the desk's adjustments (a
reward redeemed, a goodwill gift, a correction). Entries are never edited or deleted."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.models import User
from aftersales.customers.models import Customer

from .choices import EARNING, Event
from .models import EarningRule, PointsEntry

MAX_ADJUSTMENT = 1_000_000


def balance(customer: Customer) -> int:
    return (
        PointsEntry.objects.filter(customer=customer).aggregate(total=Sum("points"))["total"] or 0
    )


def award(
    *, customer: Customer, event: str, reference: str, at: dt.datetime | None = None
) -> PointsEntry | None:
    """The points `event` earns, once per customer, event and reference (e.g. a registration's
    number); None when no active rule gives points for it or it was already awarded."""
    if event not in EARNING:
        raise ValueError(f"{event!r} earns no points")
    rule = EarningRule.objects.filter(event=event, is_active=True, points__gt=0).first()
    if rule is None:
        return None
    try:
        with transaction.atomic():  # a savepoint: the constraint refuses a second award quietly
            return PointsEntry.objects.create(
                customer=customer,
                event=event,
                points=rule.points,
                reference=reference[:60],
                at=at or timezone.now(),
            )
    except IntegrityError:
        return None


@transaction.atomic
def adjust(*, customer: Customer, points: int, reason: str, by: User | None) -> PointsEntry:
    """The desk adds points (a gift, a correction) or takes them (a reward redeemed); the balance
    never goes below zero."""
    if by is not None and not PointsEntry.policy.allows(by, "add"):
        raise PermissionDenied(_("You may not make this change."))
    errors = {}
    if not points:
        errors["points"] = _("Enter a number of points other than zero.")
    elif abs(points) > MAX_ADJUSTMENT:
        errors["points"] = _("At most %(limit)s points at a time.") % {"limit": MAX_ADJUSTMENT}
    if not (reason or "").strip():
        errors["reason"] = _("Say why, e.g. the reward redeemed.")
    if errors:
        raise ValidationError(errors)
    Customer.objects.select_for_update().filter(pk=customer.pk).first()  # one change at a time
    available = balance(customer)
    if available + points < 0:
        raise ValidationError(
            {"points": _("The customer has only %(points)s points.") % {"points": available}}
        )
    return PointsEntry.objects.create(
        customer=customer,
        event=Event.ADJUSTMENT,
        points=points,
        reason=reason.strip()[:300],
        at=timezone.now(),
        created_by=by,
    )
