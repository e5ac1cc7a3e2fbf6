"""Generated field-service days: technicians with homes, skills, shifts and a lunch break, and
visits across a city with windows, durations, required skills, priorities and SLA deadlines.

A day in seconds from midnight: shifts 08:00-17:00 with a 30-minute break between 12:00 and
14:00; windows are the whole day (half the visits), the morning or the afternoon; a tenth are
urgent (any time, due by 13:00), a fifth high (due by the end of the day). Travel: the straight
line x 1.35 at 35 km/h, as `aftersales.dispatch.matrix.StraightLine` computes it by default.
"""

from __future__ import annotations

import random

from aftersales.dispatch.engine import Break, Job, Problem, Window, Worker
from aftersales.dispatch.matrix import Place, StraightLine

HOUR = 3600
SKILLS = (1, 2, 3, 4, 5)  # product categories
CENTRE = (35.70, 51.40)  # Tehran
SPREAD = (0.16, 0.20)  # about 36 x 36 km


def _place(rng: random.Random) -> Place:
    return Place(
        CENTRE[0] + rng.uniform(-SPREAD[0], SPREAD[0]),
        CENTRE[1] + rng.uniform(-SPREAD[1], SPREAD[1]),
        "Tehran",
    )


def field_day(*, jobs: int, technicians: int, seed: int = 7) -> Problem:
    rng = random.Random(seed)
    homes = [_place(rng) for _ in range(technicians)]
    sites = [_place(rng) for _ in range(jobs)]
    seconds, metres = StraightLine().matrix(homes + sites)
    shift = Window(8 * HOUR, 17 * HOUR)
    lunch = Break(Window(12 * HOUR, 14 * HOUR), 30 * 60)
    workers = []
    for t in range(technicians):
        skills = frozenset(rng.sample(SKILLS, rng.choice((2, 3))) + [SKILLS[t % len(SKILLS)]])
        workers.append(Worker(id=t, start=t, end=t, shift=shift, skills=skills, breaks=[lunch]))
    slots = [shift] * 2 + [Window(8 * HOUR, 12 * HOUR), Window(13 * HOUR, 17 * HOUR)]
    problem_jobs = []
    for j in range(jobs):
        window = rng.choice(slots)
        duration = rng.randrange(15, 50, 5) * 60
        draw = rng.random()
        if draw < 0.1:
            priority, due, window = 80, 13 * HOUR, shift
        elif draw < 0.3:
            priority, due = 50, 17 * HOUR
        else:
            priority, due = 10, None
        problem_jobs.append(
            Job(
                id=j,
                location=technicians + j,
                duration=duration,
                windows=[Window(window.start, window.end - duration)],
                skills=frozenset({rng.choice(SKILLS)}),
                priority=priority,
                due=due,
            )
        )
    return Problem(jobs=problem_jobs, workers=workers, durations=seconds, distances=metres)
