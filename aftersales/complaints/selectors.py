"""Reads of complaint handling: the public view of a complaint, and the analysis by cause,
product, agent and time to close."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import OPEN_STAGES, TIMED_STAGES, RootCause, Stage
from .models import Complaint
from .services import normalize_code

# the buckets of time to close, in days: (upper bound, label)
CLOSE_BUCKETS = [
    (1, _("within a day")),
    (3, _("1-3 days")),
    (7, _("3-7 days")),
    (14, _("1-2 weeks")),
    (30, _("2-4 weeks")),
    (None, _("over 4 weeks")),
]


def by_code(code: str) -> Complaint | None:
    """A complaint by its public tracking code (typed in any case, with or without dashes)."""
    normalized = normalize_code(code)
    if not normalized:
        return None
    return Complaint.objects.filter(code=normalized).first()


def public_steps(complaint: Complaint) -> list[dict]:
    """The stages for the public page: each with done/current and the date reached, nothing
    else (no names, no texts)."""
    reached = {}
    for event in complaint.events.order_by("at", "pk"):
        reached.setdefault(event.stage, event.at)
    order = [Stage.RECEIVED, Stage.ASSESSED, Stage.INVESTIGATING, Stage.RESPONDED]
    if complaint.appealed_at:
        order.append(Stage.APPEALED)
    order += [Stage.FOLLOW_UP, Stage.CLOSED]
    current = order.index(complaint.stage) if complaint.stage in order else 0
    return [
        {
            "label": Stage(stage).label,
            "at": reached.get(stage),
            "done": index < current,
            "current": index == current,
        }
        for index, stage in enumerate(order)
    ]


def overdue(queryset, *, at=None):
    return queryset.filter(stage__in=TIMED_STAGES, due_at__lt=at or timezone.now())


@dataclass
class Analysis:
    total: int
    open: int
    overdue: int
    closed: int
    median_days_to_close: Decimal | None
    appealed: int
    safety: int
    by_cause: list[tuple[str, int]]
    by_product: list[tuple[str, int]]
    by_agent: list[tuple[str, int]]
    by_month: list[tuple[dt.date, int]]
    close_times: list[tuple[str, int]]


def analysis(queryset, *, start: dt.date, end: dt.date, top: int = 10) -> Analysis:
    """Complaints received from `start` to `end` (inclusive) among `queryset` (restricted)."""
    scope = queryset.filter(received_at__date__gte=start, received_at__date__lte=end)
    counts = scope.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(stage__in=OPEN_STAGES)),
        closed=Count("pk", filter=Q(stage=Stage.CLOSED)),
        appealed=Count("pk", filter=Q(appealed_at__isnull=False)),
        safety=Count("pk", filter=Q(is_safety=True)),
    )
    causes = dict(RootCause.choices)
    by_cause = [
        (str(causes.get(row["root_cause"], _("Not investigated yet"))), row["n"])
        for row in scope.values("root_cause").annotate(n=Count("pk")).order_by("-n")
    ]
    by_product = [
        (row["product_model__code"] or str(_("No product")), row["n"])
        for row in scope.values("product_model__code").annotate(n=Count("pk")).order_by("-n")[:top]
    ]
    by_agent = [
        (row["agent__name"] or str(_("The maker's own service")), row["n"])
        for row in scope.values("agent__name").annotate(n=Count("pk")).order_by("-n")[:top]
    ]
    by_month = [
        (row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"], row["n"])
        for row in scope.annotate(month=TruncMonth("received_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    ]
    days = [
        (closed - received).total_seconds() / 86400
        for received, closed in scope.filter(closed_at__isnull=False).values_list(
            "received_at", "closed_at"
        )
    ]
    buckets = []
    lower = 0
    for upper, label in CLOSE_BUCKETS:
        n = sum(1 for d in days if d >= lower and (upper is None or d < upper))
        buckets.append((str(label), n))
        lower = upper or lower
    return Analysis(
        total=counts["total"],
        open=counts["open"],
        overdue=overdue(scope).count(),
        closed=counts["closed"],
        median_days_to_close=(Decimal(str(round(median(days), 1))) if days else None),
        appealed=counts["appealed"],
        safety=counts["safety"],
        by_cause=by_cause,
        by_product=by_product,
        by_agent=by_agent,
        by_month=by_month,
        close_times=buckets,
    )
