"""Messages to customers by e-mail and SMS, through pluggable back-ends, sent by the task worker.

A message is a *composer*: a function, named by its dotted path, that takes JSON-serializable
keyword arguments and returns `(customer, subject, body)` written `with in_language_of(customer)`,
or None when there is nothing to say any more. `notify(composer, **kwargs)` queues it once the
current transaction commits; the worker calls the composer and hands the text to every back-end.
So a slow SMS gateway never delays the user who caused the message, and a rolled-back change
sends nothing.

A back-end is any class with `send(self, *, customer, subject: str, body: str) -> None`. The list
comes from `settings.NOTIFICATION_BACKENDS` (dotted paths), by default the e-mail one, which uses
Django's mail (the console in development). To plug an SMS gateway, write

    class KavenegarSms:
        def send(self, *, customer, subject, body):
            phone = customer.primary_phone
            if customer.consent_sms and phone:
                requests.post(GATEWAY_URL, data={"receptor": phone.number, "message": body})

and add its dotted path to the setting.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from .calendars import country_time_zone

log = logging.getLogger(__name__)
DEFAULT_BACKENDS = ["aftersales.core.notify.EmailBackend"]


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
    paths = getattr(settings, "NOTIFICATION_BACKENDS", DEFAULT_BACKENDS)
    return [import_string(path)() for path in paths]


def send_now(*, customer, subject: str, body: str) -> None:
    """Hand one message to every back-end; a failing gateway does not stop the others."""
    for backend in backends():
        try:
            backend.send(customer=customer, subject=subject, body=body)
        except Exception:
            log.exception("notification back-end %r failed", backend)


@contextmanager
def in_language_of(customer):
    """A context in which messages to `customer` are written: their language (else the default)
    and the time of their country, so a visit at 10:00 in Milan is not told as 12:30."""
    with (
        translation.override(customer.preferred_language or settings.LANGUAGE_CODE),
        timezone.override(country_time_zone(getattr(customer, "country", None))),
    ):
        yield


@task()
def deliver(composer: str, kwargs: dict) -> bool:
    """Compose the message and send it; False if there was nothing to send."""
    message = import_string(composer)(**kwargs)
    if message is None:
        return False
    customer, subject, body = message
    send_now(customer=customer, subject=subject, body=body)
    return True


def notify(composer: str, **kwargs) -> None:
    """Queue the message `composer(**kwargs)` once the current transaction commits."""
    transaction.on_commit(lambda: deliver.enqueue(composer, kwargs))
