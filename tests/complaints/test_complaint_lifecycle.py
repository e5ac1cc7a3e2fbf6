"""A complaint through ISO 10002: receive, assess, assign, investigate, answer, accept, follow
up, close; links fill each other in; the customer hears at each step that concerns them."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from aftersales.complaints import services
from aftersales.surveys.models import Invitation

from .conftest import T0, answered, receive

pytestmark = pytest.mark.django_db


def test_the_whole_way(operator, complainant, owned_unit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = receive(by=operator, customer=complainant, unit=owned_unit)
    assert complaint.code.startswith("C-") and len(complaint.code) == 11
    assert complaint.agent == owned_unit.service_agent
    assert complaint.product_model == owned_unit.product_model
    assert "received your complaint" in mail.outbox[0].body

    with pytest.raises(ValidationError):  # no answer before an investigation
        services.complaint_respond(
            complaint=complaint, by=operator, decision="upheld", resolution="x"
        )

    with django_capture_on_commit_callbacks(execute=True):
        complaint = answered(complaint=complaint, by=operator)
    assert complaint.stage == "responded"
    assert complaint.root_cause == "delay"
    assert "Upheld" in mail.outbox[-1].body and "We apologise." in mail.outbox[-1].body

    complaint = services.complaint_accept(complaint=complaint)
    assert complaint.stage == "follow_up"
    with pytest.raises(ValidationError):  # no closing before the follow-up
        services.complaint_close(complaint=complaint, by=operator)
    services.complaint_follow_up(
        complaint=complaint, by=operator, note="Visit done, all good", satisfied=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        complaint = services.complaint_close(complaint=complaint, by=operator)
    assert complaint.stage == "closed" and complaint.closed_at > T0
    assert complaint.due_at is None
    invitation = Invitation.objects.get(complaint=complaint)
    assert invitation.customer == complainant
    assert invitation.token in mail.outbox[-1].body
    kinds = list(complaint.events.values_list("kind", flat=True))
    assert kinds[:2] == ["received", "acknowledged"] and kinds[-1] == "closed"


def test_a_complaint_needs_a_way_to_answer(operator):
    with pytest.raises(ValidationError) as error:
        receive(by=operator)
    assert "contact_email" in error.value.message_dict


def test_an_agent_records_complaints_about_its_own_work_only(agent_user, strangers_unit):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        receive(by=agent_user, unit=strangers_unit)
