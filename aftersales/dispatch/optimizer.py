"""Field days on top of any engine: an SLA breach is a cost, a part in the van a preference,
never hard rules.

Pass 1 asks every visit with an SLA deadline to end by it (its windows cut at the deadline) and
every visit needing parts to go to a technician whose van holds them, so the engine places as
much work as it can on time and stocked, the highest priority first. Pass 2 takes the visits
pass 1 left out with those wishes dropped (a late visit shows as a breach) while every visit of
pass 1 keeps its technician and stays on time.
"""

from __future__ import annotations

import time
from dataclasses import replace

from .engine import Engine, Job, Problem, Solution, VroomEngine, Window

KEEP = 100  # VROOM's top priority: pass 1's visits are kept before any late one


def on_time(job: Job) -> Job | None:
    """`job` as wished: ending by its deadline, with the preferred skills; None if it cannot."""
    job = replace(job, skills=job.skills | job.prefer)
    if job.due is None:
        return job
    latest = job.due - job.duration
    windows = [Window(w.start, min(w.end, latest)) for w in job.windows if w.start <= latest]
    return replace(job, windows=windows) if windows else None


def _relaxes(job: Job) -> bool:
    return job.due is not None or bool(job.prefer)


def plan_field(problem: Problem, *, seconds: float, engine: Engine | None = None) -> Solution:
    """Plan `problem` within about `seconds`: as wished where possible, else late or elsewhere."""
    engine = engine or VroomEngine()
    began = time.perf_counter()
    wished = {job.id: on_time(job) for job in problem.jobs}
    first = engine.solve(
        replace(problem, jobs=[job for job in wished.values() if job is not None]),
        seconds=seconds * 0.6,
    )
    left = set(first.unassigned) | {job_id for job_id, job in wished.items() if job is None}
    retry = [job for job in problem.jobs if job.id in left and _relaxes(job)]
    if not retry:
        first.unassigned = sorted(left)
        first.seconds = time.perf_counter() - began
        return first
    worker_of = {stop.job: route.worker for route in first.routes for stop in route.stops}
    kept = [replace(wished[j], worker=w, priority=KEEP) for j, w in worker_of.items()]
    rest = max(seconds - (time.perf_counter() - began), seconds * 0.2)
    second = engine.solve(replace(problem, jobs=kept + retry), seconds=rest)
    tried = {job.id for job in retry} | set(worker_of)
    second.unassigned += [job.id for job in problem.jobs if job.id not in tried]
    second.seconds = time.perf_counter() - began
    return second
