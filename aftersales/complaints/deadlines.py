"""How long each stage may take, per severity, and who is alerted at each escalation level.

Managers change the hours on the deadlines page (`StageDeadline` rows); a stage without a row
uses `DEFAULT_HOURS`. Hours are wall-clock hours: a complaint does not wait for office hours.
"""

from __future__ import annotations

import datetime as dt

from aftersales.core.choices import Role

from .choices import TIMED_STAGES, Severity, Stage

S, V = Stage, Severity
DEFAULT_HOURS: dict[int, dict[str, int]] = {
    V.CRITICAL: {
        S.RECEIVED: 2,
        S.ASSESSED: 4,
        S.INVESTIGATING: 24,
        S.APPEALED: 24,
        S.FOLLOW_UP: 48,
    },
    V.HIGH: {S.RECEIVED: 8, S.ASSESSED: 24, S.INVESTIGATING: 72, S.APPEALED: 72, S.FOLLOW_UP: 120},
    V.NORMAL: {
        S.RECEIVED: 24,
        S.ASSESSED: 48,
        S.INVESTIGATING: 168,
        S.APPEALED: 120,
        S.FOLLOW_UP: 240,
    },
    V.LOW: {
        S.RECEIVED: 48,
        S.ASSESSED: 72,
        S.INVESTIGATING: 240,
        S.APPEALED: 168,
        S.FOLLOW_UP: 336,
    },
}

# Escalation level -> the role alerted. Level 0 is the handler (the assignee, else the desk).
LEVELS: dict[int, str] = {0: Role.OPERATOR, 1: Role.QUALITY, 2: Role.MANAGER}
TOP_LEVEL = max(LEVELS)


def hours_for(severity: int, stage: str) -> int | None:
    """The hours `stage` may take at `severity`; None for a stage without a deadline."""
    from .models import StageDeadline

    if stage not in TIMED_STAGES:
        return None
    row = StageDeadline.objects.filter(severity=severity, stage=stage).first()
    if row is not None:
        return row.hours
    return DEFAULT_HOURS[severity][stage]


def due_for(severity: int, stage: str, start: dt.datetime) -> dt.datetime | None:
    hours = hours_for(severity, stage)
    return None if hours is None else start + dt.timedelta(hours=hours)


def matrix() -> list[tuple[int, str, int]]:
    """Every (severity, stage, hours) in force, highest severity first."""
    return [
        (severity, stage, hours_for(severity, stage))
        for severity in sorted(Severity.values, reverse=True)
        for stage in TIMED_STAGES
    ]
