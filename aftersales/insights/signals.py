"""Mark the days whose facts a saved or deleted record changes (see `aggregation`)."""

from __future__ import annotations

import datetime as dt

from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from . import sources
from .aggregation import mark_days


def _day(value) -> dt.date | None:
    if value is None:
        return None
    return timezone.localdate(value) if isinstance(value, dt.datetime) else value


def _request_days(request) -> set:
    return {_day(request.opened_at)}


def _visit_days(visit) -> set:
    """The visit's day, its request's day, and the days of the earlier visits to the same unit
    that this one may make repeat visits of."""
    from aftersales.service.models import ServiceRequest, Visit

    days = {_day(visit.window_start)}
    request = ServiceRequest.objects.filter(pk=visit.request_id).values("opened_at", "unit")
    row = request.first()
    if row:
        days.add(_day(row["opened_at"]))
        if row["unit"] and visit.window_start:
            earlier = Visit.objects.filter(
                request__unit=row["unit"],
                window_start__lt=visit.window_start,
                window_start__gte=visit.window_start - dt.timedelta(days=sources.REPEAT_DAYS),
            ).values_list("window_start", flat=True)
            days |= {_day(value) for value in earlier}
    return days


def _claim_days(claim) -> set:
    return {claim.failure_date}


def _unit_days(unit) -> set:
    return {unit.sale_date}


def _demand_days(line) -> set:
    return {_day(line.at)}


def _complaint_days(complaint) -> set:
    return {_day(getattr(complaint, "received_at", None))}


def _response_days(response) -> set:
    return {_day(getattr(response, "submitted_at", None))}


def _with_old(days_of):
    """Also the days of the row as it was before this save (a rescheduled visit leaves a day)."""

    def handler(sender, instance, **kwargs):
        if instance.pk is None or kwargs.get("raw"):
            return
        old = sender._default_manager.filter(pk=instance.pk).first()
        if old is not None:
            mark_days(days_of(old))

    return handler


def _marker(days_of):
    def handler(sender, instance, **kwargs):
        if kwargs.get("raw"):
            return
        mark_days(days_of(instance))

    return handler


RECENT = dt.timedelta(minutes=1)


def _request_marker(sender, instance, created=False, **kwargs):
    """A request opened just now needs no mark: the next refresh finds it by its opening time
    (`scan.changed_days`), and opening requests stays one write lighter. A request logged with
    an earlier opening time (late data) is marked."""
    if created and instance.opened_at and instance.opened_at >= timezone.now() - RECENT:
        return
    _marker(_request_days)(sender, instance, **kwargs)


HANDLERS = []


def connect() -> None:
    from aftersales.parts.models import DemandLine
    from aftersales.service.models import ServiceRequest, Visit
    from aftersales.units.models import Unit
    from aftersales.warranty.models import Claim

    watched = [
        (ServiceRequest, _request_days, False),
        (Visit, _visit_days, True),
        (Claim, _claim_days, True),
        (Unit, _unit_days, True),
        (DemandLine, _demand_days, False),
    ]
    for label, days_of in (
        ("complaints.Complaint", _complaint_days),
        ("surveys.Response", _response_days),
    ):
        model = sources.optional_model(label)
        if model is not None:
            watched.append((model, days_of, False))
    for model, days_of, before in watched:
        marker = _request_marker if model is ServiceRequest else _marker(days_of)
        HANDLERS.append(marker)
        post_save.connect(marker, sender=model, weak=False, dispatch_uid=f"insights-{model}")
        post_delete.connect(marker, sender=model, weak=False, dispatch_uid=f"insights-d-{model}")
        if before:
            pre_save.connect(
                _with_old(days_of), sender=model, weak=False, dispatch_uid=f"insights-p-{model}"
            )
