"""The baseline: give each visit, most urgent first, to the nearest available qualified worker.

No optimisation at all: a worker's day grows only at its end, in the order the visits are taken.
It is what a dispatcher with a calendar does, and what the benchmark compares the engine with.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .engine import Job, Problem, Route, Solution, Stop, Worker

NEVER = 2**62


@dataclass
class _Day:
    worker: Worker
    position: int
    clock: int
    breaks: list = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)


def _urgency(job: Job) -> tuple:
    return (-job.priority, job.due if job.due is not None else NEVER, job.windows[0].start, job.id)


def _fits(problem: Problem, day: _Day, job: Job) -> tuple[int, int, list] | None:
    """(travel, start, breaks taken on the way) if `day` can still take `job` after its last
    stop, else None. A break is taken on the way once its window has opened."""
    if job.worker is not None and job.worker != day.worker.id:
        return None
    if not job.skills <= day.worker.skills:
        return None
    travel = int(problem.durations[day.position, job.location])
    arrival = day.clock + travel
    taken = [b for b in day.breaks if b.window.start <= arrival]
    arrival += sum(b.duration for b in taken)
    for window in job.windows:
        start = max(arrival, window.start)
        if start > window.end:
            continue
        home = start + job.duration + int(problem.durations[job.location, day.worker.end])
        later = sum(b.duration for b in day.breaks if b.window.start > arrival)
        if home + later <= day.worker.shift.end:
            return travel, start, taken
    return None


class GreedyEngine:
    """Nearest available qualified worker, the most urgent visit first."""

    name = "greedy"

    def solve(self, problem: Problem, *, seconds: float = 0) -> Solution:
        began = time.perf_counter()
        days = [
            _Day(worker=w, position=w.start, clock=w.shift.start, breaks=list(w.breaks))
            for w in problem.workers
        ]
        unassigned = []
        for job in sorted(problem.jobs, key=_urgency):
            best = None
            for day in days:
                fit = _fits(problem, day, job)
                if fit is not None and (best is None or fit[:2] < best[0][:2]):
                    best = (fit, day)
            if best is None:
                unassigned.append(job.id)
                continue
            (travel, start, taken), day = best
            arrival = day.clock + travel
            day.breaks = [b for b in day.breaks if b not in taken]
            day.stops.append(
                Stop(job=job.id, arrival=arrival, start=start, end=start + job.duration)
            )
            day.clock, day.position = start + job.duration, job.location
        routes = []
        by_id = {job.id: job for job in problem.jobs}
        for day in days:
            locations = [
                day.worker.start,
                *(by_id[s.job].location for s in day.stops),
                day.worker.end,
            ]
            pairs = list(zip(locations, locations[1:], strict=False))
            routes.append(
                Route(
                    worker=day.worker.id,
                    stops=day.stops,
                    distance=sum(int(problem.distances[a, b]) for a, b in pairs),
                    travel=sum(int(problem.durations[a, b]) for a, b in pairs),
                )
            )
        return Solution(routes, unassigned, time.perf_counter() - began)
