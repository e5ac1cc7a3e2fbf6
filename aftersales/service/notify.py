"""Notifications to the customer at the key transitions, through pluggable back-ends.

A back-end is any class with `send(self, *, customer, subject: str, body: str) -> None`. The list
comes from `settings.SERVICE_NOTIFICATION_BACKENDS` (dotted paths), by default the e-mail one,
which uses Django's mail (the console in development). To plug an SMS gateway, write

    class KavenegarSms:
        def send(self, *, customer, subject, body):
            phone = customer.primary_phone
            if customer.consent_sms and phone:
                requests.post(GATEWAY_URL, data={"receptor": phone.number, "message": body})

and add its dotted path to the setting. Messages are composed in the customer's language and
sent only after the transaction that caused them commits (`transaction.on_commit`).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from aftersales.core.calendars import show_date

from .choices import Status

log = logging.getLogger(__name__)
DEFAULT_BACKENDS = ["aftersales.service.notify.EmailBackend"]
EVENTS = {
    Status.NEW,
    Status.SCHEDULED,
    Status.RESOLVED,
    Status.CANCELLED,
    Status.WAITING_CUSTOMER,
}


class EmailBackend:
    """E-mail through Django's mail settings, to customers who have an address."""

    def send(self, *, customer, subject: str, body: str) -> None:
        if customer.email:
            send_mail(subject, body, None, [customer.email])


class ConsoleSmsBackend:
    """Writes the SMS to the log: a stand-in for a real gateway."""

    def send(self, *, customer, subject: str, body: str) -> None:
        phone = customer.primary_phone
        if customer.consent_sms and phone:
            log.info("SMS to %s: %s", phone.number, body)


def backends() -> list:
    paths = getattr(settings, "SERVICE_NOTIFICATION_BACKENDS", DEFAULT_BACKENDS)
    return [import_string(path)() for path in paths]


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


def notify_on_commit(request, status: str, *, instance=None) -> None:
    """Tell the customer about `status` once the current transaction commits. `instance`: the
    request as committed, when the caller knows it (a new request), saving a query."""
    if status not in EVENTS:
        return
    pk = request.pk

    def send():
        from .models import ServiceRequest

        if instance is not None:
            fresh = instance
        else:
            fresh = ServiceRequest.objects.select_related("customer").get(pk=pk)
        customer = fresh.customer
        with translation.override(customer.preferred_language or settings.LANGUAGE_CODE):
            subject, body = compose(fresh, status)
            for backend in backends():
                try:
                    backend.send(customer=customer, subject=subject, body=body)
                except Exception:  # a failing gateway must not break the others
                    log.exception("notification back-end %r failed", backend)

    transaction.on_commit(send)
