"""Reads of dispatch: the board of a plan (a timeline per technician and day), its figures."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from aftersales.core import calendars

from . import planner
from .models import Assignment, Plan


@dataclass
class Bar:
    """A piece of a timeline in minutes from the board's first hour (SVG units)."""

    x: int
    width: int
    kind: str  # travel, visit, pinned, started, late
    assignment: Assignment | None = None


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

    @property
    def utilization(self) -> float:
        return self.service_minutes / self.shift_minutes if self.shift_minutes else 0.0


@dataclass
class Board:
    plan: Plan
    lanes: list[Lane]
    unplaced: list[Assignment]
    first_hour: int
    hours: list[int]

    @property
    def width(self) -> int:
        return len(self.hours) * 60


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
    return Board(plan, ordered, unplaced, first, list(range(first, last)))


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
