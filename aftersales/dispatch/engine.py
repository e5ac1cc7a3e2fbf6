"""Our small interface to a vehicle-routing engine, and the engines behind it.

The planner describes a `Problem` (jobs, workers, a travel matrix) and gets back a `Solution`
(one route per worker, the jobs left out). Nothing else in the project imports an engine's
package, so the choice stays swappable:

- `VroomEngine` (pyvroom): skills, priorities, several time windows per job, shifts and breaks,
  natively. It plans the technicians' field days.
- `PyVrpEngine` (PyVRP): the best quality on pure VRPTW (capacity and time windows, one depot);
  used for the Solomon / Gehring-Homberger instances of the benchmark.

Times are whole seconds from the start of the planning horizon; distances whole metres (or any
integer unit the caller chooses, e.g. tenths for the VRPTW instances).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class Window:
    start: int
    end: int


@dataclass(frozen=True)
class Break:
    window: Window
    duration: int


@dataclass
class Job:
    """One visit to place: `location` is an index into the matrix; service may start inside any
    of `windows`; only a worker holding every skill in `skills` may take it."""

    id: int
    location: int
    duration: int
    windows: list[Window]
    skills: frozenset[int] = frozenset()
    priority: int = 0  # 0 (lowest) .. 100
    demand: int = 0
    due: int | None = None  # the SLA deadline for the end of service; late is a breach, not a rule
    worker: int | None = None  # pinned: only this worker may take it
    prefer: frozenset[int] = frozenset()  # skills wanted, not required (e.g. the part in the van)


@dataclass
class Worker:
    """One technician on one day (or one vehicle): where the day starts and ends, the shift."""

    id: int
    start: int
    end: int
    shift: Window
    skills: frozenset[int] = frozenset()
    breaks: list[Break] = field(default_factory=list)
    capacity: int = 0


@dataclass
class Problem:
    jobs: list[Job]
    workers: list[Worker]
    durations: np.ndarray  # seconds, square, int
    distances: np.ndarray  # metres, square, int


@dataclass(frozen=True)
class Stop:
    job: int
    arrival: int
    start: int
    end: int


@dataclass
class Route:
    worker: int
    stops: list[Stop]
    distance: int
    travel: int


@dataclass
class Solution:
    routes: list[Route]
    unassigned: list[int]
    seconds: float = 0.0

    @property
    def distance(self) -> int:
        return sum(route.distance for route in self.routes)


class Engine(Protocol):
    name: str

    def solve(self, problem: Problem, *, seconds: float) -> Solution: ...


def route_distance(problem: Problem, worker: Worker, jobs: list[int]) -> tuple[int, int]:
    """Distance and travel time of a worker's route through `jobs` (indexes into problem.jobs)."""
    locations = [worker.start, *(problem.jobs[j].location for j in jobs), worker.end]
    pairs = list(zip(locations, locations[1:], strict=False))
    distance = sum(int(problem.distances[a, b]) for a, b in pairs)
    travel = sum(int(problem.durations[a, b]) for a, b in pairs)
    return distance, travel


PIN = 1_000_000  # skills from here on mean "this very worker"


def _job_skills(job: Job, index_of: dict[int, int]) -> set[int] | None:
    skills = set(job.skills)
    if job.worker is not None:
        skills.add(PIN + index_of.get(job.worker, PIN))  # an absent worker: no one may take it
    return skills or None


class VroomEngine:
    """VROOM through pyvroom: the field-service engine (skills, priorities, breaks, shifts)."""

    name = "vroom"

    LARGE = 300  # jobs from which the search is kept light (see `exploration_for`)

    def __init__(self, *, exploration: int | None = None, threads: int = 2):
        self.exploration = exploration
        self.threads = threads

    def exploration_for(self, problem: Problem) -> int:
        """VROOM's exploration level (0-5) unless one was given: 5 for a day of up to 300 jobs,
        2 above. On the 1,000 jobs x 100 technicians bench day, level 5 overran an 8 s limit
        (13 s) and level 2 finished in 5 s with 18 % shorter routes: a search that completes
        beats a broader one cut off by the time limit."""
        if self.exploration is not None:
            return self.exploration
        return 5 if len(problem.jobs) <= self.LARGE else 2

    def solve(self, problem: Problem, *, seconds: float) -> Solution:
        import time

        import vroom

        began = time.perf_counter()
        if not problem.jobs or not problem.workers:
            return Solution([], [job.id for job in problem.jobs])
        task = vroom.Input()
        task.set_durations_matrix("car", problem.durations.astype(np.uint32))
        task.set_costs_matrix("car", problem.distances.astype(np.uint32))
        index_of = {worker.id: index for index, worker in enumerate(problem.workers)}
        for index, worker in enumerate(problem.workers):
            task.add_vehicle(
                vroom.Vehicle(
                    index,
                    start=worker.start,
                    end=worker.end,
                    capacity=[worker.capacity] if worker.capacity else (),
                    skills={*worker.skills, PIN + index},
                    time_window=vroom.TimeWindow(worker.shift.start, worker.shift.end),
                    breaks=[
                        vroom.Break(
                            number,
                            time_windows=[vroom.TimeWindow(b.window.start, b.window.end)],
                            service=b.duration,
                        )
                        for number, b in enumerate(worker.breaks)
                    ],
                )
            )
        for index, job in enumerate(problem.jobs):
            task.add_job(
                vroom.Job(
                    index,
                    location=job.location,
                    default_service=job.duration,
                    delivery=[job.demand] if problem.workers[0].capacity else (),
                    skills=_job_skills(job, index_of),
                    priority=job.priority,
                    time_windows=[vroom.TimeWindow(w.start, w.end) for w in job.windows],
                )
            )
        found = task.solve(
            exploration_level=self.exploration_for(problem),
            nb_threads=self.threads,
            timeout=dt.timedelta(seconds=seconds),
        )
        return self._read(problem, found, time.perf_counter() - began)

    def _read(self, problem: Problem, found, seconds: float) -> Solution:
        answer = found.to_dict()
        routes = []
        for route in answer.get("routes", []):
            worker = problem.workers[route["vehicle"]]
            stops, previous = [], worker.start
            distance = travel = 0
            for step in route["steps"]:
                if step["type"] != "job":
                    continue
                job = problem.jobs[step["id"]]
                arrival = int(step["arrival"])
                start = arrival + int(step.get("waiting_time", 0))
                stops.append(
                    Stop(job=job.id, arrival=arrival, start=start, end=start + job.duration)
                )
                distance += int(problem.distances[previous, job.location])
                travel += int(problem.durations[previous, job.location])
                previous = job.location
            distance += int(problem.distances[previous, worker.end])
            travel += int(problem.durations[previous, worker.end])
            routes.append(Route(worker=worker.id, stops=stops, distance=distance, travel=travel))
        unassigned = [problem.jobs[u["id"]].id for u in answer.get("unassigned", [])]
        return Solution(routes, unassigned, seconds)


class PyVrpEngine:
    """PyVRP's hybrid genetic search: the best quality on VRPTW (one depot, capacity, windows).

    It has no skills or breaks; every worker must start and end at the same depot, location 0.
    """

    name = "pyvrp"

    def __init__(self, *, seed: int = 1):
        self.seed = seed

    def solve(self, problem: Problem, *, seconds: float) -> Solution:
        import time

        import pyvrp
        from pyvrp.stop import MaxRuntime

        began = time.perf_counter()
        first = problem.workers[0]
        horizon = first.shift
        depot = pyvrp.Depot(location=0, tw_early=horizon.start, tw_late=horizon.end)
        locations = [job.location for job in problem.jobs]
        clients = [
            pyvrp.Client(
                location=number + 1,
                delivery=[job.demand],
                service_duration=job.duration,
                tw_early=job.windows[0].start,
                tw_late=job.windows[0].end,
            )
            for number, job in enumerate(problem.jobs)
        ]
        order = [first.start, *locations]
        vehicle = pyvrp.VehicleType(
            num_available=len(problem.workers),
            capacity=[first.capacity],
            tw_early=horizon.start,
            tw_late=horizon.end,
        )
        data = pyvrp.ProblemData(
            locations=[pyvrp.Location(x=0, y=0) for _ in order],
            clients=clients,
            depots=[depot],
            vehicle_types=[vehicle],
            distance_matrices=[problem.distances[np.ix_(order, order)].astype(np.int64)],
            duration_matrices=[problem.durations[np.ix_(order, order)].astype(np.int64)],
        )
        result = pyvrp.solve(data, stop=MaxRuntime(seconds), seed=self.seed, display=False)
        best = result.best
        routes, served = [], set()
        for number, route in enumerate(best.routes()):
            stops = []
            for activity in route.schedule():
                if not activity.is_client():
                    continue
                job = problem.jobs[activity.idx]
                served.add(job.id)
                start = int(activity.start_time)
                stops.append(
                    Stop(
                        job=job.id,
                        arrival=start - int(activity.wait_duration),
                        start=start,
                        end=int(activity.end_time),
                    )
                )
            routes.append(
                Route(
                    worker=problem.workers[number].id,
                    stops=stops,
                    distance=int(route.distance()),
                    travel=int(route.duration()),
                )
            )
        unassigned = [job.id for job in problem.jobs if job.id not in served]
        return Solution(routes, unassigned, time.perf_counter() - began)


ENGINES: dict[str, type] = {"vroom": VroomEngine, "pyvrp": PyVrpEngine}


def engine(name: str = "vroom", **options) -> Engine:
    """The engine called `name` ("vroom" or "pyvrp")."""
    return ENGINES[name](**options)
