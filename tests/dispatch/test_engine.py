"""The engine interface on small problems made here: hard rules (skills, windows, pins) hold,
an SLA deadline is a wish not a rule, the optimiser beats the greedy baseline, and the travel
matrix is the straight line x road factor at the average speed."""

from pathlib import Path

import numpy as np
import pytest

from aftersales.dispatch.engine import Job, Problem, VroomEngine, Window, Worker, engine
from aftersales.dispatch.greedy import GreedyEngine
from aftersales.dispatch.matrix import Osrm, Place, StraightLine, provider
from aftersales.dispatch.metrics import figures
from aftersales.dispatch.optimizer import plan_field

DAY = Window(8 * 3600, 17 * 3600)


def _line(n):
    """Places on a line, 1 km apart: index i is at i km."""
    km = np.abs(np.subtract.outer(np.arange(n), np.arange(n))) * 1000
    return km * 0.1, km  # 36 km/h


def _problem(jobs, workers, n=12):
    seconds, metres = _line(n)
    return Problem(jobs=jobs, workers=workers, durations=seconds, distances=metres)


def test_skills_windows_and_pins_are_hard_rules():
    workers = [
        Worker(id=0, start=0, end=0, shift=DAY, skills=frozenset({1})),
        Worker(id=1, start=11, end=11, shift=DAY, skills=frozenset({2})),
    ]
    jobs = [
        Job(id=10, location=1, duration=1800, windows=[DAY], skills=frozenset({2})),
        Job(id=11, location=10, duration=1800, windows=[Window(9 * 3600, 9 * 3600)], worker=0),
        Job(id=12, location=5, duration=1800, windows=[DAY], skills=frozenset({3})),
        Job(id=13, location=2, duration=1800, windows=[Window(14 * 3600, 15 * 3600)]),
    ]
    solution = VroomEngine().solve(_problem(jobs, workers), seconds=2)
    where = {stop.job: (route.worker, stop) for route in solution.routes for stop in route.stops}
    assert where[10][0] == 1  # the skill, though worker 0 lives next door
    assert where[11][0] == 0 and where[11][1].start == 9 * 3600  # pinned worker and time
    assert 14 * 3600 <= where[13][1].start <= 15 * 3600
    assert solution.unassigned == [12]  # nobody has skill 3


def test_a_deadline_that_cannot_be_met_makes_the_visit_late_not_dropped():
    workers = [Worker(id=0, start=0, end=0, shift=DAY)]
    jobs = [
        Job(id=1, location=3, duration=4 * 3600, windows=[DAY], due=12 * 3600 + 1800, priority=50),
        Job(id=2, location=4, duration=4 * 3600, windows=[DAY], due=12 * 3600 + 1800, priority=80),
    ]
    problem = _problem(jobs, workers)
    solution = plan_field(problem, seconds=2)
    assert solution.unassigned == []
    result = figures(problem, solution)
    assert result.breaches == 1  # one of the two could be on time
    first = min((s for r in solution.routes for s in r.stops), key=lambda s: s.start)
    assert first.job == 2  # the urgent one


def test_the_part_in_a_van_is_preferred_but_not_required():
    workers = [
        Worker(id=0, start=1, end=1, shift=DAY, skills=frozenset()),
        Worker(id=1, start=9, end=9, shift=DAY, skills=frozenset({500_000})),
    ]
    jobs = [Job(id=1, location=1, duration=1800, windows=[DAY], prefer=frozenset({500_000}))]
    solution = plan_field(_problem(jobs, workers), seconds=1)
    assert [r.worker for r in solution.routes if r.stops] == [1]
    jobs = [Job(id=1, location=1, duration=1800, windows=[DAY], prefer=frozenset({500_001}))]
    solution = plan_field(_problem(jobs, workers), seconds=1)
    assert solution.unassigned == []


def test_the_optimiser_drives_less_than_the_greedy_baseline():
    from bench._dispatch_field import field_day

    problem = field_day(jobs=60, technicians=6, seed=3)
    greedy = figures(problem, GreedyEngine().solve(problem))
    planned = figures(problem, plan_field(problem, seconds=2))
    assert planned.assigned >= greedy.assigned
    assert planned.km <= greedy.km * 0.85
    assert planned.breaches <= greedy.breaches


def test_greedy_takes_the_nearest_qualified_worker_most_urgent_first():
    workers = [
        Worker(id=0, start=0, end=0, shift=DAY, skills=frozenset({1})),
        Worker(id=1, start=5, end=5, shift=DAY, skills=frozenset({1})),
        Worker(id=2, start=6, end=6, shift=DAY),
    ]
    jobs = [Job(id=1, location=6, duration=600, windows=[DAY], skills=frozenset({1}))]
    solution = GreedyEngine().solve(_problem(jobs, workers))
    assert [r.worker for r in solution.routes if r.stops] == [1]


DATA = Path(__file__).parent / "data"  # Solomon's RC208 and its best-known cost (PyVRP/PyVRP)


@pytest.mark.parametrize("name", ["pyvrp", "vroom"])
def test_both_engines_solve_a_vrptw_instance_within_its_windows(name):
    from bench._dispatch_vrptw import best_known, load

    problem = load("RC208", DATA)
    solution = engine(name).solve(problem, seconds=2)
    windows = {job.id: job.windows[0] for job in problem.jobs}
    stops = [stop for route in solution.routes for stop in route.stops]
    assert len(stops) == 100 and not solution.unassigned
    assert all(windows[s.job].start <= s.start <= windows[s.job].end for s in stops)
    assert solution.distance / 10 <= best_known("RC208", DATA) * 1.35


def test_the_straight_line_matrix_uses_the_regions_road_factor_and_speed():
    tehran = Place(35.6892, 51.3890, "Tehran")
    karaj = Place(35.8400, 50.9391, "Alborz")
    seconds, metres = StraightLine(speed_kmh=36, road_factor=1.0, factors={"alborz": 1.5}).matrix(
        [tehran, karaj]
    )
    assert 43_000 < metres[0, 1] < 45_000  # about 44 km as the crow flies
    assert metres[1, 0] == pytest.approx(metres[0, 1] * 1.5, rel=1e-6)
    assert seconds[0, 1] == pytest.approx(metres[0, 1] / 10, abs=1)  # 36 km/h = 10 m/s


def test_osrm_is_used_where_configured(monkeypatch, settings):
    monkeypatch.setenv("DISPATCH_OSRM_URL", "http://127.0.0.1:5000")
    assert isinstance(provider(), Osrm)
    monkeypatch.delenv("DISPATCH_OSRM_URL")
    monkeypatch.setenv("DISPATCH_ROAD_FACTORS", "Gilan=1.6,Tehran=1.4")
    chosen = provider()
    assert isinstance(chosen, StraightLine) and chosen.factors == {"gilan": 1.6, "tehran": 1.4}
