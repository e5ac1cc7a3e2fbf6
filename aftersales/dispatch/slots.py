"""The times a customer may choose for a visit: the windows of the coming business days in which
at least one technician who may do the work has room for it.

    offer = slots_for(request)            # Offer(slots=[Slot(start, end, technician), ...])
    slot = slot_at(request, start)        # the same reasoning for one window, or None

A window (the company's, `BOOKING_WINDOWS`, in the request's business-calendar time zone) of a
working day of that calendar (no holiday, no weekly day off) is offered when a technician of the
responsible agent (the maker's own when none):
- qualifies for the work that day (`workforce.selectors.qualified`: skills, service types and the
  certifications the work needs, as the dispatch planner and the assign form choose);
- has room in it: the part of their shift inside the window, less the visits already promised in
  it, each with its estimated length (`planner.visit_minutes`) and a travel allowance
  (`BOOKING_TRAVEL_MINUTES`), holds the new visit and its travel; and the whole day, less the
  break and every visit of the day, holds it too;
- passes every `service.planning` check for that technician and window (an address to go to, the
  workshop's custody of the unit, a technician's time off ... whatever the apps register).

Read-only; `booking.visit_book` books a slot (and re-checks it under lock).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.service import planning
from aftersales.service.business import calendar_for
from aftersales.service.choices import (
    AWAY_PURPOSES,
    OPEN_STATUSES,
    Status,
    VisitPurpose,
    VisitStatus,
)
from aftersales.service.models import ServiceRequest, Visit
from aftersales.workforce.models import Technician
from aftersales.workforce.selectors import Work, qualified

from .planner import visit_minutes

DEFAULT_WINDOWS = ("08:00-12:00", "12:00-16:00", "16:00-20:00")
DEFAULT_DAYS = 10  # business days offered
DEFAULT_CUTOFF_HOURS = 24  # a booking may be moved until this long before its window
DEFAULT_LEAD_HOURS = 2  # the earliest window offered starts at least this long from now
DEFAULT_TRAVEL_MINUTES = 30  # allowed for the way to each visit
MAX_SCAN = 60  # calendar days looked through to find the business days
# a request the customer may book a first time (the operator schedules from the same states)
UNSCHEDULED = (Status.NEW, Status.TRIAGED, Status.REOPENED)
BUSY = (VisitStatus.PLANNED, VisitStatus.ON_SITE)


# --- settings -----------------------------------------------------------------------------------


def _parse_time(text: str) -> dt.time:
    hours, _sep, minutes = str(text).strip().partition(":")
    return dt.time(int(hours), int(minutes or 0))


def windows() -> list[tuple[dt.time, dt.time]]:
    """The windows of a day offered to customers, from `BOOKING_WINDOWS` ("08:00-12:00", ...)."""
    answer = []
    for item in getattr(settings, "BOOKING_WINDOWS", None) or DEFAULT_WINDOWS:
        if isinstance(item, str):
            start, _sep, end = item.partition("-")
        else:
            start, end = item
        start, end = _parse_time(start), _parse_time(end)
        if end <= start:
            raise ValueError(f"BOOKING_WINDOWS: {item!r} ends before it starts")
        answer.append((start, end))
    return sorted(answer)


def days_ahead() -> int:
    return int(getattr(settings, "BOOKING_DAYS", DEFAULT_DAYS))


def cutoff() -> dt.timedelta:
    return dt.timedelta(
        hours=float(getattr(settings, "BOOKING_CUTOFF_HOURS", DEFAULT_CUTOFF_HOURS))
    )


def lead() -> dt.timedelta:
    return dt.timedelta(hours=float(getattr(settings, "BOOKING_LEAD_HOURS", DEFAULT_LEAD_HOURS)))


def travel_minutes() -> int:
    return int(getattr(settings, "BOOKING_TRAVEL_MINUTES", DEFAULT_TRAVEL_MINUTES))


# --- what may be booked -------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    start: dt.datetime
    end: dt.datetime
    technician: Technician  # who would come: the least busy qualified technician with room

    @property
    def key(self) -> str:
        """How a form or the API names the window: its start, ISO 8601 with the offset."""
        return self.start.isoformat()


@dataclass
class Offer:
    slots: list[Slot] = field(default_factory=list)
    reason: str = ""  # why no time can be offered at all (empty when it may be booked)

    def by_day(self) -> list[tuple[dt.date, list[Slot]]]:
        """The slots grouped by their day in the reader's time zone (the active one)."""
        days: dict[dt.date, list[Slot]] = defaultdict(list)
        for slot in self.slots:
            days[timezone.localtime(slot.start).date()].append(slot)
        return sorted(days.items())


def planned_visit(request: ServiceRequest) -> Visit | None:
    """The request's planned visit at the customer's that a booking would move, if any."""
    return (
        request.visits.filter(status=VisitStatus.PLANNED, purpose__in=sorted(AWAY_PURPOSES))
        .order_by("window_start", "pk")
        .first()
    )


def offered(request: ServiceRequest) -> bool:
    """Whether choosing a time belongs on the request's pages at all: a type customers book,
    not yet scheduled, or scheduled with a visit the customer may move."""
    service_type = request.service_type
    if not (service_type.self_booking and service_type.needs_visit):
        return False
    return request.status in UNSCHEDULED or (
        request.status == Status.SCHEDULED and planned_visit(request) is not None
    )


def refusal(request: ServiceRequest, *, now: dt.datetime | None = None, desk: bool = False) -> str:
    """Why no time may be chosen for `request` now (empty when one may): a first booking of an
    open, unscheduled request, or the move of its planned visit up to the cut-off (which the
    desk, `desk=True`, is not held to)."""
    service_type = request.service_type
    if not (service_type.self_booking and service_type.needs_visit):
        return _("The time of this kind of visit is agreed with you on the phone.")
    if request.status not in OPEN_STATUSES:
        return _("This request is no longer open.")
    if request.status in UNSCHEDULED:
        return ""
    if request.status != Status.SCHEDULED:
        return _("A visit cannot be booked for this request now.")
    visit = planned_visit(request)
    if visit is None or visit.departed_at or visit.checked_in_at:
        return _("A visit cannot be booked for this request now.")
    if request.visits.filter(status=VisitStatus.PLANNED).count() > 1:
        return _("A visit cannot be booked for this request now.")
    if not desk and visit.window_start - (now or timezone.now()) < cutoff():
        return _("It is too late to move this visit online; call us and we will find another time.")
    return ""


def business_days(request: ServiceRequest, *, now: dt.datetime) -> list[dt.date]:
    """The next `days_ahead()` working days of the request's calendar, from today; today only
    while one of its windows can still be offered (it starts at least `lead()` from now)."""
    calendar = calendar_for(request.calendar)
    day = now.astimezone(calendar.tz).date()
    last_start = max(start for start, _end in windows())
    earliest = now + lead()
    days = []
    for _step in range(MAX_SCAN):
        too_late = dt.datetime.combine(day, last_start, tzinfo=calendar.tz) < earliest
        if calendar.window(day) is not None and not too_late:
            days.append(day)
            if len(days) >= days_ahead():
                break
        day += dt.timedelta(days=1)
    return days


# --- the finder ---------------------------------------------------------------------------------


def _length(visit_request, on: dt.date, cache: dict) -> int:
    model_id = visit_request.unit.product_model_id if visit_request.unit_id else None
    key = (visit_request.service_type_id, model_id)
    if key not in cache:
        cache[key] = visit_minutes(visit_request, on)
    return cache[key]


def _overlap(a0, a1, b0, b1) -> dt.timedelta:
    return max(dt.timedelta(0), min(a1, b1) - max(a0, b0))


def _find(
    request: ServiceRequest,
    *,
    now: dt.datetime,
    only: dt.datetime | None = None,
    ignore: Visit | None = None,
) -> list[Slot]:
    calendar = calendar_for(request.calendar)
    tz = calendar.tz
    days = business_days(request, now=now)
    if only is not None:
        days = [day for day in days if day == only.astimezone(tz).date()]
    if not days:
        return []
    earliest = now + lead()
    work = Work.of_request(request)
    team = Technician.objects.filter(is_active=True, agent_id=request.agent_id)
    on_duty = {
        day: set(qualified(team, **work.kwargs(), on=day).values_list("pk", flat=True))
        for day in days
    }
    ids = set().union(*on_duty.values())
    if not ids:
        return []
    technicians = {t.pk: t for t in Technician.objects.filter(pk__in=ids).select_related("agent")}
    begin = dt.datetime.combine(days[0], dt.time(0), tzinfo=tz)
    finish = dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time(0), tzinfo=tz)
    busy = (
        Visit.objects.filter(
            technician_id__in=ids,
            status__in=BUSY,
            window_start__lt=finish,
            window_end__gt=begin,
        )
        .exclude(purpose=VisitPurpose.BENCH)
        .select_related("request__service_type", "request__unit")
    )
    if ignore is not None:
        busy = busy.exclude(pk=ignore.pk)
    lengths: dict = {}
    travel = dt.timedelta(minutes=travel_minutes())
    needed = dt.timedelta(minutes=_length(request, days[0], lengths)) + travel
    # each visit takes its length and its way, counted where the middle of its window falls
    taken: dict[int, list[tuple[dt.datetime, dt.timedelta]]] = defaultdict(list)
    for visit in busy:
        middle = visit.window_start + (visit.window_end - visit.window_start) / 2
        length = dt.timedelta(minutes=_length(visit.request, days[0], lengths)) + travel
        taken[visit.technician_id].append((middle.astimezone(tz), length))
    slots = []
    for day in days:
        day_start = dt.datetime.combine(day, dt.time(0), tzinfo=tz)
        day_end = day_start + dt.timedelta(days=1)
        loads = {}
        for pk in on_duty[day]:
            technician = technicians[pk]
            shift = (
                dt.datetime.combine(day, technician.shift_start, tzinfo=tz),
                dt.datetime.combine(day, technician.shift_end, tzinfo=tz),
            )
            used = sum(
                (length for middle, length in taken[pk] if day_start <= middle < day_end),
                dt.timedelta(0),
            )
            free = shift[1] - shift[0] - dt.timedelta(minutes=technician.break_minutes) - used
            loads[pk] = (shift, used, free)
        order = sorted(on_duty[day], key=lambda pk: (loads[pk][1], pk))  # the least busy first
        for start_time, end_time in windows():
            start = dt.datetime.combine(day, start_time, tzinfo=tz)
            end = dt.datetime.combine(day, end_time, tzinfo=tz)
            if start < earliest or (only is not None and start != only):
                continue
            for pk in order:
                shift, _used, free = loads[pk]
                if free < needed:
                    continue  # the day is full
                inside = _overlap(start, end, *shift)
                used_here = sum(
                    (length for middle, length in taken[pk] if start <= middle < end),
                    dt.timedelta(0),
                )
                if inside - used_here < needed:
                    continue
                technician = technicians[pk]
                candidate = planning.PlannedVisit(
                    request=request,
                    purpose=VisitPurpose.FIELD,
                    technician=technician,
                    window_start=start,
                    window_end=end,
                )
                if planning.refusals([candidate]):
                    continue
                slots.append(Slot(start=start, end=end, technician=technician))
                break
    return slots


def slots_for(request: ServiceRequest, *, now: dt.datetime | None = None, desk=False) -> Offer:
    """The windows the customer (or the operator on the phone, `desk=True`) may choose."""
    now = now or timezone.now()
    reason = refusal(request, now=now, desk=desk)
    if reason:
        return Offer(reason=reason)
    refused = planning.refusals([planning.PlannedVisit(request=request)])
    if refused:
        return Offer(reason=" ".join(refused[request.pk]))
    slots = _find(request, now=now, ignore=planned_visit(request))
    if not slots:
        return Offer(
            reason=_("No time is free in the coming days; we will call you to agree on one.")
        )
    return Offer(slots=slots)


def slot_at(request: ServiceRequest, start: dt.datetime, *, now=None) -> Slot | None:
    """The slot beginning at `start` if it is still free for `request` (the booking's re-check)."""
    now = now or timezone.now()
    found = _find(request, now=now, only=start, ignore=planned_visit(request))
    return found[0] if found else None
