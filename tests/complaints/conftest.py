import datetime as dt

import pytest
from django.utils import timezone

from aftersales.complaints import services
from aftersales.core.choices import Role

T0 = timezone.make_aware(dt.datetime(2026, 3, 1, 9, 0))


@pytest.fixture
def quality(make_user):
    return make_user(Role.QUALITY, username="quality", email="quality@example.com")


@pytest.fixture
def complainant(owner):
    owner.email = "sara@example.com"
    owner.preferred_language = "en"
    owner.save()
    return owner


def receive(*, by, customer=None, at=T0, **kwargs):
    kwargs.setdefault("channel", "phone")
    kwargs.setdefault("subject", "The technician did not come")
    kwargs.setdefault("description", "Nobody came on Tuesday and nobody called.")
    kwargs.setdefault("remedy_sought", "apology")
    return services.complaint_receive(by=by, customer=customer, at=at, **kwargs)


def answered(*, complaint, by, at=T0):
    """Take a complaint from receipt to an answer sent to the customer."""
    services.complaint_assess(complaint=complaint, by=by, severity=2, assignee=by, at=at)
    services.complaint_investigate(
        complaint=complaint, by=by, root_cause="delay", findings="Route overbooked", at=at
    )
    return services.complaint_respond(
        complaint=complaint, by=by, decision="upheld", resolution="We apologise.", at=at
    )
