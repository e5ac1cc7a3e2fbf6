"""Booking a visit in a window the customer chose (on the portal, or read out by an operator on
the phone): the one write of self-scheduling. Keyword-only and atomic.

The visit is planned through `service.services.visit_schedule`, so it passes every check an
operator's plan passes and the request moves, and the customer is told, as when an operator plans
it. Two customers choosing the last room of a window at once: the booking locks the responsible
agent's technicians (in one order, before any other lock) before it re-checks the window, so the
second waits for the first, then finds the window taken and is refused (`code="taken"`).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.choices import Role
from aftersales.core.models import User
from aftersales.service import services
from aftersales.service.choices import Status
from aftersales.service.models import ServiceRequest, StatusChange, Visit
from aftersales.workforce.models import Technician

from . import slots

TAKEN = "taken"


def taken_message() -> str:
    return _("That time was just taken; choose another.")


@transaction.atomic
def visit_book(*, request: ServiceRequest, start: dt.datetime, by: User) -> Visit:
    """Plan `request`'s visit in the window beginning at `start`, with a technician who has room
    then; move its planned visit there when it has one (a customer only until the cut-off).
    Booking the window the visit already has changes nothing (a retried booking)."""
    if timezone.is_naive(start):
        raise ValidationError({"start": _("Choose one of the times offered.")})
    # Every booking for the agent's technicians waits here for the one before it. Taken first,
    # before any other lock, so a waiting booking holds nothing the one ahead of it may need.
    agent_id = ServiceRequest.objects.values_list("agent_id", flat=True).get(pk=request.pk)
    list(
        Technician.objects.select_for_update()
        .filter(agent_id=agent_id, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    request = ServiceRequest.objects.select_for_update().get(pk=request.pk)
    customer = by.role == Role.CUSTOMER and not by.is_superuser
    if customer and request.customer.user_id != by.pk:
        raise PermissionDenied(_("You may not make this change."))
    current = slots.planned_visit(request)
    if current is not None and current.window_start == start:
        return current  # booked already: the same answer again
    now = timezone.now()
    reason = slots.refusal(request, now=now, desk=not customer)
    if reason:
        raise ValidationError(reason, code="not_bookable")
    slot = slots.slot_at(request, start, now=now)
    if slot is None:
        raise ValidationError(taken_message(), code=TAKEN)
    acting = None if customer else by  # the customer may not plan visits: the system does it
    since = StatusChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    if current is not None:  # moved: the old visit is cancelled the way the desk cancels one
        services.visit_cancel(visit=current, by=acting)
        StatusChange.objects.filter(request=request, pk__gt=since).update(
            note=_("Visit %(number)s moved to another time.") % {"number": current.number}
        )
        request.refresh_from_db()
    if request.status == Status.NEW:
        request = services.request_triage(
            request=request, by=None, note=_("Triaged for the customer's own booking.")
        )
    visit = services.visit_schedule(
        request=request,
        technician=slot.technician,
        window_start=slot.start,
        window_end=slot.end,
        by=acting,
    )
    if customer:
        Visit.objects.filter(pk=visit.pk).update(created_by=by)
        visit.created_by = by
        StatusChange.objects.filter(request=request, pk__gt=since, by__isnull=True).update(by=by)
        StatusChange.objects.filter(
            request=request, pk__gt=since, to_status=Status.SCHEDULED
        ).update(note=_("Booked by the customer."))
    return visit
