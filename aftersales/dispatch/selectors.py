"""Reads of dispatch: the board of a plan (a timeline per technician and day), its figures."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from aftersales.core import calendars
from aftersales.service.models import ServiceRequest
from aftersales.workforce.models import Technician
from aftersales.workforce.selectors import qualified

from . import planner
from .models import Assignment, Plan


@dataclass
class Bar:
    """A piece of a timeline in minutes from the board's first hour (SVG units)."""

    x: int
    width: int
    kind: str  # travel, visit, pinned, started, late, away
    assignment: Assignment | None = None
    label: str = ""


@dataclass
class Lane:
    technician: object
    day: dt.date
    bars: list[Bar] = field(default_factory=list)
    visits: int = 0
    service_minutes: int = 0
    travel_minutes: int = 0
    travel_km: float = 0.0
    shift_minutes: int = 0
    away: list = field(default_factory=list)  # the technician's approved time off that day

    @property
    def away_all_day(self) -> bool:
        return bool(self.away) and self.shift_minutes <= 0

    @property
    def away_kinds(self) -> str:
        return ", ".join(dict.fromkeys(str(a.get_kind_display()) for a in self.away))

    @property
    def utilization(self) -> float:
        return self.service_minutes / self.shift_minutes if self.shift_minutes else 0.0


@dataclass
class Held:
    """A request of the plan's scope whose unit a workshop holds: where, since when, its state,
    and its delivery's assignment in this plan when it is ready to be delivered."""

    request: object
    custody: object  # service.planning.Custody
    assignment: Assignment | None = None


@dataclass
class Board:
    plan: Plan
    lanes: list[Lane]
    unplaced: list[Assignment]
    first_hour: int
    hours: list[int]
    held: list[Held] = field(default_factory=list)

    @property
    def width(self) -> int:
        return len(self.hours) * 60

    @property
    def several_days(self) -> bool:
        return len({lane.day for lane in self.lanes}) > 1


def assignments_of(plan: Plan, user):
    return (
        Assignment.objects.restrict(user, "view")
        .filter(plan=plan)
        .select_related("request__customer", "request__service_type", "technician", "visit")
    )


def _minutes(moment: dt.datetime, day: dt.date, first_hour: int) -> int:
    local = timezone.localtime(moment)
    origin = dt.datetime.combine(day, dt.time(first_hour), tzinfo=local.tzinfo)
    return int((local - origin).total_seconds() // 60)


def board(plan: Plan, user) -> Board:
    rows = list(assignments_of(plan, user))
    technicians = planner.technicians_of(plan)
    shifts = planner.shifts_of(plan, technicians)
    first = min([s.technician.shift_start.hour for s in shifts] + [8]) - 1
    last = max([s.technician.shift_end.hour + 1 for s in shifts] + [18]) + 1
    lanes = {(s.technician.pk, s.day): Lane(s.technician, s.day) for s in shifts}
    for lane in lanes.values():
        start, end = lane.technician.shift_start, lane.technician.shift_end
        lane.shift_minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
        lane.shift_minutes -= lane.technician.break_minutes
    _show_time_off(plan, technicians, lanes, shifts, first, last)
    placed = defaultdict(list)
    unplaced = []
    for row in rows:
        if row.technician_id is None or row.starts_at is None:
            unplaced.append(row)
            continue
        placed[(row.technician_id, timezone.localtime(row.starts_at).date())].append(row)
    for key, items in placed.items():
        lane = lanes.get(key)
        if lane is None:  # a technician no longer on duty: show the lane anyway
            lane = lanes[key] = Lane(items[0].technician, key[1])
        for row in sorted(items, key=lambda r: r.starts_at):
            arrive = _minutes(row.arrives_at or row.starts_at, lane.day, first)
            begin = _minutes(row.starts_at, lane.day, first)
            end = _minutes(row.ends_at, lane.day, first)
            if row.travel_minutes:
                lane.bars.append(
                    Bar(max(0, arrive - row.travel_minutes), row.travel_minutes, "travel")
                )
            kind = (
                "started"
                if row.started
                else "late"
                if row.is_late
                else "pinned"
                if row.pinned
                else "visit"
            )
            lane.bars.append(Bar(begin, max(1, end - begin), kind, row))
            lane.visits += 1
            lane.service_minutes += end - begin
            lane.travel_minutes += row.travel_minutes
            lane.travel_km += float(row.travel_km)
    ordered = sorted(lanes.values(), key=lambda lane: (lane.day, str(lane.technician)))
    unplaced.sort(key=lambda r: (-r.request.priority, r.request.number))
    return Board(
        plan, ordered, unplaced, first, list(range(first, last)), held_units(plan, user, rows)
    )


def held_units(plan: Plan, user, rows: list[Assignment]) -> list[Held]:
    """The open requests of the plan's scope whose unit a workshop holds (no one is sent to
    repair them at the customer's), with the delivery's assignment of those ready to go back."""
    custody = planner.held(plan)
    if not custody:
        return []
    requests = (
        ServiceRequest.objects.restrict(user, "view")
        .filter(pk__in=custody)
        .select_related("customer")
        .order_by("number")
    )
    by_request = {row.request_id: row for row in rows}
    return [Held(r, custody[r.pk], by_request.get(r.pk)) for r in requests]


def _show_time_off(plan, technicians, lanes: dict, shifts, first: int, last: int) -> None:
    """A technician away on a working day keeps a lane, marked away (with why): a day away has
    no shift left, a part of a day shows the time off on the timeline and shortens the shift."""
    away = planner.absences_of(plan, technicians)
    working = set(planner.working_days(plan))
    by_id = {t.pk: t for t in technicians}
    left = defaultdict(int)
    for shift in shifts:
        left[(shift.technician.pk, shift.day)] += int(
            (shift.end - shift.start).total_seconds() // 60
        )
    for key, absences in away.items():
        technician_id, day = key
        if day not in working or technician_id not in by_id:
            continue
        lane = lanes.get(key)
        if lane is None:
            lane = lanes[key] = Lane(by_id[technician_id], day)
        lane.away = absences
        worked = left.get(key, 0)
        lane.shift_minutes = max(0, worked - lane.technician.break_minutes) if worked else 0
        for absence in absences:
            begin = max(0, _minutes(absence.starts_at, day, first))
            end = min((last - first) * 60, _minutes(absence.ends_at, day, first))
            if end > begin:
                lane.bars.append(Bar(begin, end - begin, "away", label=absence.get_kind_display()))


def chart(board: Board) -> dict:
    """Hours of service and of travel per technician and day, for the board's bar chart."""
    several = len({lane.day for lane in board.lanes}) > 1
    labels = [
        f"{lane.technician} · {calendars.show_date(lane.day)}" if several else str(lane.technician)
        for lane in board.lanes
    ]
    return {
        "labels": labels,
        "service": [round(lane.service_minutes / 60, 2) for lane in board.lanes],
        "travel": [round(lane.travel_minutes / 60, 2) for lane in board.lanes],
        "utilization": [round(lane.utilization * 100, 1) for lane in board.lanes],
    }


def movable_to(assignment: Assignment, user):
    """The technicians `user` may move `assignment` to: active, of the plan's agent, qualified
    for its work on its day, and with a place to start from (a home base or their agent's)."""
    request = assignment.request
    model = request.unit.product_model if request.unit_id else None
    day = (
        timezone.localtime(assignment.starts_at).date()
        if assignment.starts_at
        else assignment.plan.first_day
    )
    technicians = qualified(
        Technician.objects.restrict(user, "view").filter(agent=assignment.plan.agent),
        category=model.category if model else None,
        product_model=model,
        service_type=request.service_type,
        on=day,
    )
    placed = Q(home_latitude__isnull=False, home_longitude__isnull=False) | Q(
        agent__latitude__isnull=False, agent__longitude__isnull=False
    )
    return technicians.filter(placed).order_by("last_name", "first_name")
