"""What the customer is told at the key transitions of a request (sent by `core.notify`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from aftersales.core.calendars import show_date
from aftersales.core.notify import in_language_of, notify

from .choices import Status

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
    with in_language_of(request.customer):
        subject, body = compose(request, status)
    return request.customer, subject, body


def notify_on_commit(request, status: str) -> None:
    """Tell the customer about `status` once the current transaction commits."""
    if status in EVENTS:
        notify("aftersales.service.notify.status_message", request_id=request.pk, status=status)
