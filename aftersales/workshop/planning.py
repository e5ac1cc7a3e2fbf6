"""The workshop's check on the planning of a visit (registered with `service.planning` in
`WorkshopConfig.ready`): no one is sent to repair a unit at the customer's while a workshop holds
it. Its delivery or pick-up may be planned, and bench work is the workshop's own."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from aftersales.core.calendars import show_date
from aftersales.service.choices import VisitPurpose
from aftersales.service.planning import Custody, PlannedVisit

from .choices import ACTIVE_STATUSES, Handover, JobStatus
from .models import WorkshopJob


def held_jobs(unit_ids) -> dict[int, WorkshopJob]:
    """The job of each of `unit_ids` that a workshop holds now (received, not yet returned)."""
    jobs = WorkshopJob.objects.filter(
        unit_id__in=set(unit_ids), status__in=ACTIVE_STATUSES
    ).select_related("workshop")
    return {job.unit_id: job for job in jobs}


def unit_in_workshop(planned: Sequence[PlannedVisit]) -> dict[int, str]:
    """Refuse a visit at the customer's for a unit in a workshop, saying where and since when."""
    field = [
        visit
        for visit in planned
        if visit.purpose == VisitPurpose.FIELD and visit.request.unit_id is not None
    ]
    if not field:
        return {}
    held = held_jobs(visit.request.unit_id for visit in field)
    refused = {}
    for visit in field:
        job = held.get(visit.request.unit_id)
        if job is None:
            continue
        refused[visit.request.pk] = _(
            "The unit of %(request)s is in the workshop %(workshop)s since %(since)s (job "
            "%(job)s): no one can be sent to repair it at the customer's. Plan its delivery or "
            "pick-up instead, or wait until it is handed back."
        ) % {
            "request": visit.request.number,
            "workshop": job.workshop.name,
            "since": show_date(job.received_at),
            "job": job.number,
        }
    return refused


def units_held(requests) -> dict[int, Custody]:
    """The custody of the units of `requests` a workshop holds (registered with
    `service.planning.register_custody`): the dispatcher sees them, and plans the delivery of a
    unit ready to go back by delivery."""
    jobs = WorkshopJob.objects.filter(
        request__in=requests, status__in=ACTIVE_STATUSES
    ).select_related("workshop")
    answer = {}
    for job in jobs:
        deliver = job.status == JobStatus.READY and job.handover == Handover.DELIVERY
        if job.status == JobStatus.READY:
            state = job.get_handover_display() if job.handover else job.get_status_display()
            state = _("Ready: %(handover)s") % {"handover": state}
        else:
            state = job.get_status_display()
        answer[job.request_id] = Custody(
            place=job.workshop.name,
            since=job.received_at,
            state=str(state),
            url=job.get_absolute_url(),
            deliver=deliver,
        )
    return answer
