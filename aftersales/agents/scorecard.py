"""An agent's scorecard: its KPIs for a period, the points they earn and the grade they reach.

The jobs of a period are the agent's service requests opened in it and not cancelled. The KPIs:

- from `aftersales.insights.kpis.kpi_values(agent=...)`, so that the dashboards and the
  scorecard never disagree (see the definitions there): `first_time_fix_rate`,
  `sla_compliance`, `repeat_visit_rate` (visits followed within 30 days by another visit to the
  same unit), `csat` (the share of survey answers scoring 4 or 5 of 5) and `nps` (-100..100);
- measured here: `complaints_per_100_jobs` (complaints about the agent received in the period per
  100 jobs); `claim_rejection_rate` (the agent's warranty claims decided in the period that were
  rejected / decided: approved, partly approved or rejected); `part_return_compliance`
  (defective-part returns authorized in the period from the agent's warehouses and vans shipped
  within `RETURN_DAYS` days / authorized); `certified_share` (the agent's active technicians
  holding a certification valid on the period's last day / its active technicians).

A KPI with nothing to measure is None and does not count in the score. With fewer than
`MIN_JOBS` jobs in the period there is no score (and so no grade): too little to judge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Q
from django.utils import timezone

from aftersales.insights.kpis import kpi_values

from .choices import Metric
from .models import Agent, Grade, ScorecardMetric

RETURN_DAYS = 14
MIN_JOBS = 5  # fewer jobs than this are too few to judge: no score, no grade
PLACES = Decimal("0.0001")
FROM_INSIGHTS = (
    Metric.FIRST_TIME_FIX,
    Metric.SLA,
    Metric.REPEAT,
    Metric.CSAT,
    Metric.NPS,
)


@dataclass(frozen=True)
class Result:
    """What a scorecard computation found."""

    jobs: int
    values: dict[str, Decimal | None]
    points: dict[str, Decimal | None]
    score: Decimal | None
    grade: Grade | None


def _rate(part: int, whole: int) -> Decimal | None:
    return None if not whole else (Decimal(part) / Decimal(whole)).quantize(PLACES, ROUND_HALF_UP)


def _day_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, the day after end 00:00) in the project's time zone."""
    zone = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )


def jobs_of(agent: Agent, start: dt.date, end: dt.date):
    from aftersales.service.choices import Status
    from aftersales.service.models import ServiceRequest

    since, until = _day_bounds(start, end)
    return ServiceRequest.objects.filter(
        agent=agent, opened_at__gte=since, opened_at__lt=until
    ).exclude(status=Status.CANCELLED)


def kpis(agent: Agent, *, start: dt.date, end: dt.date) -> tuple[int, dict[str, Decimal | None]]:
    """The number of jobs and every scorecard KPI of `agent` from `start` to `end` (inclusive)."""
    job_count = jobs_of(agent, start, end).count()
    shared = kpi_values(start=start, end=end, agent=agent)
    values: dict[str, Decimal | None] = {
        **{str(key): shared.get(str(key)) for key in FROM_INSIGHTS},
        Metric.COMPLAINTS: _complaints(agent, start, end, job_count),
        Metric.CLAIM_REJECTION: _claim_rejections(agent, start, end),
        Metric.PART_RETURNS: _part_returns(agent, start, end),
        Metric.CERTIFIED: _certified(agent, end),
    }
    return job_count, {str(key): value for key, value in values.items()}


def _complaints(agent: Agent, start: dt.date, end: dt.date, job_count: int) -> Decimal | None:
    if not job_count:
        return None
    from aftersales.complaints.models import Complaint

    since, until = _day_bounds(start, end)
    count = Complaint.objects.filter(
        agent=agent, received_at__gte=since, received_at__lt=until
    ).count()
    return (Decimal(100) * count / Decimal(job_count)).quantize(PLACES, ROUND_HALF_UP)


def _claim_rejections(agent: Agent, start: dt.date, end: dt.date) -> Decimal | None:
    from aftersales.warranty.choices import ClaimStatus
    from aftersales.warranty.models import Claim

    since, until = _day_bounds(start, end)
    decided = Claim.objects.filter(
        agent=agent,
        decided_at__gte=since,
        decided_at__lt=until,
        status__in=(ClaimStatus.APPROVED, ClaimStatus.PARTLY, ClaimStatus.REJECTED),
    )
    return _rate(decided.filter(status=ClaimStatus.REJECTED).count(), decided.count())


def _part_returns(agent: Agent, start: dt.date, end: dt.date) -> Decimal | None:
    from aftersales.parts.models import DefectiveReturn

    since, until = _day_bounds(start, end)
    returns = DefectiveReturn.objects.filter(
        Q(source__agent=agent) | Q(source__technician__agent=agent),
        authorized_at__gte=since,
        authorized_at__lt=until,
    )
    on_time = returns.filter(
        shipped_at__isnull=False,
        shipped_at__lte=F("authorized_at") + dt.timedelta(days=RETURN_DAYS),
    )
    return _rate(on_time.count(), returns.count())


def _certified(agent: Agent, day: dt.date) -> Decimal | None:
    from aftersales.workforce.models import Technician

    technicians = Technician.objects.filter(agent=agent, is_active=True)
    certified = technicians.filter(
        Q(certifications__expires_on__isnull=True) | Q(certifications__expires_on__gte=day),
        certifications__issued_on__lte=day,
    ).distinct()
    return _rate(certified.count(), technicians.count())


def points_for(metric: ScorecardMetric, value: Decimal | None) -> Decimal | None:
    """0..1: how far `value` goes from the metric's zero-points value to its full-points one."""
    if value is None:
        return None
    span = metric.target - metric.floor
    share = (Decimal(value) - metric.floor) / span
    return min(Decimal(1), max(Decimal(0), share)).quantize(PLACES, ROUND_HALF_UP)


def score(values: dict[str, Decimal | None]) -> tuple[dict[str, Decimal | None], Decimal | None]:
    """The points of each KPI and the weighted score (0-100) over the KPIs that have a value."""
    points: dict[str, Decimal | None] = {}
    weighted = Decimal(0)
    weights = Decimal(0)
    for metric in ScorecardMetric.objects.filter(is_active=True):
        earned = points_for(metric, values.get(metric.metric))
        points[metric.metric] = earned
        if earned is not None and metric.weight > 0:
            weighted += metric.weight * earned
            weights += metric.weight
    if not weights:
        return points, None
    return points, (Decimal(100) * weighted / weights).quantize(Decimal("0.01"), ROUND_HALF_UP)


def grade_for(score_: Decimal | None) -> Grade | None:
    """The best active grade whose minimum score `score_` reaches."""
    if score_ is None:
        return None
    return Grade.objects.filter(is_active=True, min_score__lte=score_).order_by("rank").first()


def compute(agent: Agent, *, start: dt.date, end: dt.date) -> Result:
    """Measure, score and grade `agent` for the period (nothing is saved)."""
    job_count, values = kpis(agent, start=start, end=end)
    points, total = score(values)
    if job_count < MIN_JOBS:
        total = None
    return Result(jobs=job_count, values=values, points=points, score=total, grade=grade_for(total))
