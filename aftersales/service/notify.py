"""What the customer is told at the key transitions of a request (sent by `core.notify`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from aftersales.core.calendars import show_date, show_time
from aftersales.core.notify import in_language_of, notify

from .choices import Status, VisitPurpose, VisitStatus

EVENTS = {
    Status.NEW,
    Status.SCHEDULED,
    Status.RESOLVED,
    Status.CANCELLED,
    Status.WAITING_CUSTOMER,
}


def compose(request, status: str) -> tuple[str, str]:
    params = {"number": request.number, "status": request.get_status_display()}
    subject = _("Your service request %(number)s: %(status)s") % params
    if status == Status.NEW:
        body = _("We have received your service request %(number)s.") % params
    elif status == Status.SCHEDULED:
        visit = request.visits.order_by("-pk").first()
        params["when"] = show_date(visit.window_start, with_time=True) if visit else ""
        body = _("A technician will visit you for request %(number)s at %(when)s.") % params
    elif status == Status.WAITING_CUSTOMER:
        body = _("Request %(number)s is waiting for your answer; please contact us.") % params
    else:
        body = _("Your service request %(number)s is now: %(status)s.") % params
    return subject, body


def status_message(*, request_id: int, status: str):
    """The message for `status` of the request, or None if the request is gone."""
    from .models import ServiceRequest

    request = ServiceRequest.objects.select_related("customer").filter(pk=request_id).first()
    if request is None:
        return None
    if status == Status.SCHEDULED and _on_the_bench(request):
        return None  # the unit is in our workshop: no one comes to the customer
    with in_language_of(request.customer):
        subject, body = compose(request, status)
    return request.customer, subject, body


def _on_the_bench(request) -> bool:
    """Whether the request's latest visit is bench work in a workshop (aftersales.workshop)."""
    visit = request.visits.order_by("-pk").first()
    return visit is not None and visit.purpose == VisitPurpose.BENCH


def notify_on_commit(request, status: str) -> None:
    """Tell the customer about `status` once the current transaction commits."""
    if status in EVENTS:
        notify("aftersales.service.notify.status_message", request_id=request.pk, status=status)


def on_the_way_message(*, visit_id: int):
    """The message that the technician is on the way; None once the visit no longer waits."""
    from .models import Visit

    visit = (
        Visit.objects.select_related("request__customer", "technician__user")
        .filter(pk=visit_id, status=VisitStatus.PLANNED)
        .first()
    )
    if visit is None or visit.expected_at is None:
        return None
    customer = visit.request.customer
    with in_language_of(customer):
        params = {
            "number": visit.request.number,
            "name": visit.technician.user.get_short_name() or visit.technician.user.username,
            "when": show_time(visit.expected_at),
        }
        subject = _("Your technician is on the way (request %(number)s)") % params
        body = (
            _(
                "%(name)s is on the way to you for request %(number)s and should arrive at "
                "about %(when)s."
            )
            % params
        )
    return customer, subject, body


def notify_on_the_way(visit) -> None:
    notify("aftersales.service.notify.on_the_way_message", visit_id=visit.pk)
