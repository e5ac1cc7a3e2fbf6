"""The figures of a plan: travel, SLA breaches, utilisation. The same for every engine."""

from __future__ import annotations

from dataclasses import dataclass

from .engine import Problem, Solution


@dataclass(frozen=True)
class Figures:
    jobs: int
    assigned: int
    unassigned: int
    km: float
    travel_hours: float
    breaches: int
    utilization: float  # service time over the workers' working time (shift less breaks), 0..1
    seconds: float


def figures(problem: Problem, solution: Solution, *, metres_per_unit: float = 1.0) -> Figures:
    """Breaches: visits that end after their SLA deadline, and unplaced visits whose deadline
    falls before the end of the horizon (they will be late whatever happens next)."""
    jobs = {job.id: job for job in problem.jobs}
    horizon = max((worker.shift.end for worker in problem.workers), default=0)
    stops = [stop for route in solution.routes for stop in route.stops]
    late = sum(1 for s in stops if jobs[s.job].due is not None and s.end > jobs[s.job].due)
    missed = sum(
        1 for j in solution.unassigned if jobs[j].due is not None and jobs[j].due <= horizon
    )
    working = sum(
        w.shift.end - w.shift.start - sum(b.duration for b in w.breaks) for w in problem.workers
    )
    service = sum(s.end - s.start for s in stops)
    return Figures(
        jobs=len(problem.jobs),
        assigned=len(stops),
        unassigned=len(solution.unassigned),
        km=solution.distance * metres_per_unit / 1000,
        travel_hours=sum(route.travel for route in solution.routes) / 3600,
        breaches=late + missed,
        utilization=service / working if working else 0.0,
        seconds=solution.seconds,
    )
