"""Days touched by writes since a moment, read from the records' own time stamps: the safety net
for writes that bypass the signals (bulk imports, the claims adjudicated in bulk ...)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from . import sources


def _local_days(values) -> set[dt.date]:
    days = set()
    for value in values:
        if value is None:
            continue
        days.add(timezone.localdate(value) if isinstance(value, dt.datetime) else value)
    return days


def changed_days(*, since: dt.datetime) -> set[dt.date]:
    from aftersales.parts.models import DemandLine
    from aftersales.service.models import ServiceRequest, Visit
    from aftersales.units.models import Unit
    from aftersales.warranty.models import Claim

    days: set[dt.date] = set()
    touched = (
        Q(opened_at__gte=since)
        | Q(responded_at__gte=since)
        | Q(resolved_at__gte=since)
        | Q(closed_at__gte=since)
        # still open when their resolution target passed: now judged as breaches
        | Q(resolution_due__gte=since, resolution_due__lt=timezone.now(), resolved_at__isnull=True)
    )
    days |= _local_days(ServiceRequest.objects.filter(touched).values_list("opened_at", flat=True))
    visits = Visit.objects.filter(Q(checked_in_at__gte=since) | Q(checked_out_at__gte=since))
    days |= _local_days(visits.values_list("window_start", flat=True))
    days |= _local_days(visits.values_list("request__opened_at", flat=True))
    claims = Claim.objects.filter(Q(submitted_at__gte=since) | Q(decided_at__gte=since))
    days |= _local_days(claims.values_list("failure_date", flat=True))
    days |= _local_days(
        Unit.objects.filter(created_at__gte=since).values_list("sale_date", flat=True)
    )
    days |= _local_days(DemandLine.objects.filter(at__gte=since).values_list("at", flat=True))
    Complaint = sources.optional_model("complaints.Complaint")
    if Complaint is not None:
        days |= _local_days(
            Complaint.objects.filter(received_at__gte=since).values_list("received_at", flat=True)
        )
    Response = sources.optional_model("surveys.Response")
    if Response is not None:
        days |= _local_days(
            Response.objects.filter(submitted_at__gte=since).values_list("submitted_at", flat=True)
        )
    return days
