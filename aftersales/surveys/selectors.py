"""Reads of the surveys: the scores for scorecards (CSAT, NPS, CES, response rate) overall, per
agent and per technician, by month."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncMonth

from .choices import FollowUpStatus
from .models import Invitation, Response

TWO = Decimal("0.01")


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(TWO)


def _summary(invitations, responses) -> dict:
    sent = invitations.count()
    row = responses.aggregate(
        answered=Count("pk"),
        csat=Avg("csat"),
        ces=Avg("ces"),
        nps_answers=Count("pk", filter=Q(nps__isnull=False)),
        promoters=Count("pk", filter=Q(nps__gte=9)),
        detractors=Count("pk", filter=Q(nps__lte=6)),
    )
    nps = None
    if row["nps_answers"]:
        nps = Decimal(100 * (row["promoters"] - row["detractors"])) / row["nps_answers"]
    return {
        "sent": sent,
        "answered": row["answered"],
        "response_rate": _decimal(Decimal(row["answered"]) / sent) if sent else None,
        "csat": _decimal(row["csat"]),
        "ces": _decimal(row["ces"]),
        "nps": _decimal(nps),
    }


def scores(*, start: dt.date, end: dt.date, agent=None, technician=None, invitations=None) -> dict:
    """Scores of the invitations sent from `start` to `end` (inclusive): sent, answered,
    response_rate (0..1), csat (mean 1-5), ces (mean 1-7), nps (-100..100); None when nothing
    to measure. `invitations` narrows to a restricted queryset."""
    scope = Invitation.objects.all() if invitations is None else invitations
    scope = scope.filter(sent_at__date__gte=start, sent_at__date__lte=end)
    if agent is not None:
        scope = scope.filter(agent=agent)
    if technician is not None:
        scope = scope.filter(technician=technician)
    return _summary(scope, Response.objects.filter(invitation__in=scope))


def scorecards(invitations, *, start: dt.date, end: dt.date, by: str) -> list[dict]:
    """One row of scores per agent (`by="agent"`) or technician (`by="technician"`)."""
    scope = invitations.filter(sent_at__date__gte=start, sent_at__date__lte=end).exclude(
        **{f"{by}__isnull": True}
    )
    rows = []
    ids = scope.values_list(by, flat=True).distinct()
    model = Invitation._meta.get_field(by).related_model
    for subject in model.objects.filter(pk__in=ids):
        mine = scope.filter(**{by: subject})
        rows.append(
            {"subject": subject, **_summary(mine, Response.objects.filter(invitation__in=mine))}
        )
    rows.sort(key=lambda row: (row["nps"] is None, -(row["nps"] or 0)))
    return rows


def by_month(invitations, *, start: dt.date, end: dt.date) -> list[dict]:
    scope = invitations.filter(sent_at__date__gte=start, sent_at__date__lte=end)
    months = scope.annotate(month=TruncMonth("sent_at")).values_list("month", flat=True).distinct()
    rows = []
    for month in sorted({m.date() if isinstance(m, dt.datetime) else m for m in months}):
        mine = scope.filter(sent_at__year=month.year, sent_at__month=month.month)
        rows.append(
            {"month": month, **_summary(mine, Response.objects.filter(invitation__in=mine))}
        )
    return rows


def open_follow_ups(queryset):
    return queryset.filter(status=FollowUpStatus.OPEN)
