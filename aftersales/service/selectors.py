"""Reads of service delivery: the queue, today's visits, the SLA clock."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .business import business_between, calendar_for
from .choices import AWAY_PURPOSES, OPEN_STATUSES, SlaState, Status, SupportOutcome, VisitStatus
from .models import ServiceRequest, SlaTarget, Visit

WARNING_SHARE = 0.25  # warn when a quarter of the target or less is left


def requests_for(user) -> QuerySet[ServiceRequest]:
    return ServiceRequest.objects.restrict(user, "view").select_related(
        "service_type", "customer", "unit", "unit__product_model", "agent"
    )


def open_requests_of_unit(*, user, unit) -> QuerySet[ServiceRequest]:
    return requests_for(user).filter(unit=unit, status__in=OPEN_STATUSES)


def visits_today(*, user, day: dt.date | None = None) -> QuerySet[Visit]:
    """The user's own visits of the day (a technician), in the order of their windows. "Today"
    is in the user's time zone (else the active one)."""
    zone = _zone_of(user)
    day = day or timezone.localdate(timezone=zone)
    start = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return (
        Visit.objects.restrict(user, "view")
        .filter(technician__user=user, window_start__lt=end, window_end__gt=start)
        .exclude(status=VisitStatus.CANCELLED)
        .select_related(
            "request",
            "request__customer",
            "request__unit__installation_address",
            "request__address",
        )
        .prefetch_related("request__customer__addresses")
        .order_by("window_start", "pk")
    )


def _zone_of(user) -> dt.tzinfo:
    name = getattr(user, "time_zone", "")
    if name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return timezone.get_current_timezone()


def breached_q(now: dt.datetime | None = None) -> Q:
    """Open requests past a due time they have not met."""
    now = now or timezone.now()
    return Q(status__in=OPEN_STATUSES) & (
        Q(responded_at__isnull=True, response_due__lt=now)
        | Q(resolved_at__isnull=True, resolution_due__lt=now)
    )


def sla_flag(request: ServiceRequest, now: dt.datetime | None = None) -> SlaState:
    """A quick flag for lists (no business-hour arithmetic): breached, paused, on time or met."""
    now = now or timezone.now()
    if not request.is_open:
        late = (
            request.resolved_at
            and request.resolution_due
            and request.resolved_at > request.resolution_due
        )
        return SlaState.BREACHED if late else SlaState.MET
    if (request.responded_at is None and request.response_due and request.response_due < now) or (
        request.resolution_due and request.resolution_due < now
    ):
        return SlaState.BREACHED
    if request.paused_at:
        return SlaState.PAUSED
    return SlaState.OK


@dataclass(frozen=True)
class Clock:
    """One SLA clock: what is due, when, how many business hours are left, and its state."""

    label: str
    due: dt.datetime | None
    remaining_hours: float | None
    state: str

    @property
    def remaining_text(self) -> str:
        if self.remaining_hours is None:
            return ""
        minutes = int(round(abs(self.remaining_hours) * 60))
        sign = "-" if self.remaining_hours < 0 else ""
        return f"{sign}{minutes // 60}:{minutes % 60:02d}"


def _clock(label, due, done_at, target_hours, request, now, calendar) -> Clock:
    if due is None:
        return Clock(label, None, None, SlaState.OK)
    if done_at is not None:
        state = SlaState.MET if done_at <= due else SlaState.BREACHED
        return Clock(label, due, None, state)
    moment = request.paused_at or now
    remaining = business_between(moment, due, calendar)
    if remaining < 0:
        state = SlaState.BREACHED
    elif request.paused_at:
        state = SlaState.PAUSED
    elif target_hours and remaining <= float(target_hours) * WARNING_SHARE:
        state = SlaState.WARNING
    else:
        state = SlaState.OK
    return Clock(label, due, remaining, state)


def sla_clocks(request: ServiceRequest, *, now: dt.datetime | None = None) -> list[Clock]:
    """The response and resolution clocks of a request, in business hours."""
    now = now or timezone.now()
    calendar = calendar_for(request.calendar)
    target = SlaTarget.objects.filter(
        service_type_id=request.service_type_id, priority=request.priority
    ).first()
    finished = request.status in (Status.CANCELLED,)
    if finished:
        return []
    return [
        _clock(
            _("Response"),
            request.response_due,
            request.responded_at,
            target and target.response_hours,
            request,
            now,
            calendar,
        ),
        _clock(
            _("Resolution"),
            request.resolution_due,
            request.resolved_at,
            target and target.resolution_hours,
            request,
            now,
            calendar,
        ),
    ]


def usual_address(customer, unit):
    """The address a new request of `customer` most likely goes to, chosen for the operator:
    the unit's installation address, else the customer's default one, else their only one."""
    if unit is not None and unit.installation_address_id:
        return unit.installation_address_id
    addresses = list(customer.addresses.all())
    usual = next((a for a in addresses if a.is_default), None)
    if usual is None and len(addresses) == 1:
        usual = addresses[0]
    return usual.pk if usual else None


def visit_expected(request) -> bool:
    """Whether a visit may be planned for `request`: its type usually needs one, or a support
    session found it does (a consultation that could not be solved on the phone), or it has had
    one already."""
    return (
        request.service_type.needs_visit
        or request.support_sessions.filter(outcome=SupportOutcome.NEEDS_VISIT).exists()
        or request.visits.exists()
    )


def coming(visits):
    """Of `visits`, those planned still to come at the customer's, soonest first."""
    return visits.filter(
        status=VisitStatus.PLANNED,
        purpose__in=sorted(AWAY_PURPOSES),
        window_end__gte=timezone.now(),
    ).order_by("window_start")


def with_coming_visit(requests):
    """`requests` with `coming`: the list of their visits still to come at the customer's (the
    first is the one a customer waits for), in one query."""
    return requests.prefetch_related(
        Prefetch("visits", queryset=coming(Visit.objects.all()), to_attr="coming")
    )
