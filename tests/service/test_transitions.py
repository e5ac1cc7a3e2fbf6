"""Only allowed transitions, each by the roles that may make it, every change logged."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aftersales.service import services
from aftersales.service.models import StatusChange

from .factories import open_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(operator, owner, owned_unit):
    return open_request(by=operator, customer=owner, unit=owned_unit)


def test_triage_attaches_the_warranty_decision(request_, operator):
    request_ = services.request_triage(request=request_, by=operator)
    assert request_.status == "triaged"
    assert request_.responded_at is not None
    assert request_.warranty_covered is not None  # the engine decided, one way or the other
    assert request_.warranty_reason


def test_a_new_request_cannot_jump_to_resolved(request_, operator):
    with pytest.raises(ValidationError):
        services.request_transition(request=request_, to="resolved", by=operator)


def test_no_change_is_dated_before_the_request_was_opened(request_, operator):
    earlier = request_.opened_at - dt.timedelta(hours=3)
    with pytest.raises(ValidationError) as refused:
        services.request_triage(request=request_, by=operator, at=earlier)
    assert refused.value.code == "before_opening"
    request_.refresh_from_db()
    assert request_.status == "new" and request_.responded_at is None
    assert not StatusChange.objects.filter(request=request_, to_status="triaged").exists()


def test_a_customer_may_cancel_but_not_triage(request_, owner):
    with pytest.raises(PermissionDenied):
        services.request_transition(request=request_, to="triaged", by=owner.user)
    request_ = services.request_transition(request=request_, to="cancelled", by=owner.user)
    assert request_.status == "cancelled"


def test_every_change_is_logged(request_, operator):
    services.request_triage(request=request_, by=operator)
    services.request_transition(request=request_, to="resolved", by=operator, note="by phone")
    services.request_transition(request=request_, to="closed", by=operator)
    services.request_transition(request=request_, to="reopened", by=operator)
    steps = list(
        StatusChange.objects.filter(request=request_).values_list("from_status", "to_status")
    )
    assert steps == [
        ("", "new"),
        ("new", "triaged"),
        ("triaged", "resolved"),
        ("resolved", "closed"),
        ("closed", "reopened"),
    ]
    request_.refresh_from_db()
    assert request_.first_time_fix is False and request_.closed_at is None


def test_resolved_without_a_visit_is_a_first_time_fix(request_, operator):
    services.request_triage(request=request_, by=operator)
    request_ = services.request_transition(request=request_, to="resolved", by=operator)
    assert request_.first_time_fix is True
