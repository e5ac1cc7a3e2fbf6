"""The customer hears about key transitions, after commit, in their language."""

import pytest
from django.core import mail

from aftersales.service import services

from .factories import open_request

pytestmark = pytest.mark.django_db


def test_opening_and_resolving_send_mail_after_commit(
    operator, owner, owned_unit, django_capture_on_commit_callbacks
):
    owner.email = "sara@example.com"
    owner.preferred_language = "en"
    owner.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        request = open_request(by=operator, customer=owner, unit=owned_unit)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert request.number in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        services.request_triage(request=request, by=operator)  # not a notified step
        services.request_transition(request=request, to="resolved", by=operator)
    assert len(mail.outbox) == 2
    assert "Resolved" in mail.outbox[1].body


def test_no_address_no_mail(operator, owner, owned_unit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        open_request(by=operator, customer=owner, unit=owned_unit)
    assert mail.outbox == []
