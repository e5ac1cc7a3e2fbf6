"""A stage whose deadline passes escalates to the next level, which is told (bar of issue 8)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from aftersales.complaints import services
from aftersales.complaints.models import Complaint, StageDeadline
from aftersales.core.choices import Role

from .conftest import T0, receive

pytestmark = pytest.mark.django_db


def test_an_overdue_stage_escalates_and_alerts_the_next_level(
    operator, quality, manager, owner, django_capture_on_commit_callbacks
):
    manager.email = "boss@example.com"
    manager.save()
    complaint = receive(by=operator, customer=owner)
    assert complaint.due_at == T0 + dt.timedelta(hours=24)  # received, normal severity

    assert services.complaints_escalate_overdue(at=T0 + dt.timedelta(hours=23)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.complaints_escalate_overdue(at=T0 + dt.timedelta(hours=25)) == 1
    complaint.refresh_from_db()
    assert complaint.escalation_level == 1
    assert complaint.due_at == T0 + dt.timedelta(hours=25 + 24)  # the new level's own time
    assert complaint.events.filter(kind="escalated", level=1).count() == 1
    assert [m.to for m in mail.outbox] == [["quality@example.com"]]
    assert complaint.code in mail.outbox[0].subject

    # still nobody acts: the manager is next
    with django_capture_on_commit_callbacks(execute=True):
        services.complaints_escalate_overdue(at=T0 + dt.timedelta(hours=50))
    complaint.refresh_from_db()
    assert complaint.escalation_level == 2
    assert mail.outbox[-1].to == ["boss@example.com"]


def test_acting_on_the_stage_starts_a_new_deadline_at_the_handler(operator, owner):
    complaint = receive(by=operator, customer=owner)
    services.complaints_escalate_overdue(at=T0 + dt.timedelta(hours=25))
    later = T0 + dt.timedelta(hours=26)
    complaint = services.complaint_assess(complaint=complaint, by=operator, severity=3, at=later)
    assert complaint.stage == "assessed"
    assert complaint.escalation_level == 0
    assert complaint.due_at == later + dt.timedelta(hours=24)  # assessed, high severity


def test_deadlines_are_configured_per_severity(operator, owner):
    StageDeadline.objects.create(severity=2, stage="received", hours=4)
    complaint = receive(by=operator, customer=owner)
    assert complaint.due_at == T0 + dt.timedelta(hours=4)


def test_a_safety_issue_is_fast_tracked(
    operator, quality, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = receive(by=operator, customer=owner, is_safety=True, severity=1)
    assert complaint.severity == 4
    assert complaint.escalation_level == 1
    assert complaint.due_at == T0 + dt.timedelta(hours=2)
    assert any(m.to == ["quality@example.com"] for m in mail.outbox)


def test_the_periodic_command_escalates(operator, owner, quality):
    receive(by=operator, customer=owner, at=T0 - dt.timedelta(days=30))
    call_command("complaints_escalate")
    assert Complaint.objects.get().escalation_level == 1


def test_a_closed_complaint_never_escalates(operator, owner):
    complaint = receive(by=operator, customer=owner)
    Complaint.objects.filter(pk=complaint.pk).update(stage="closed")
    assert services.complaints_escalate_overdue(at=T0 + dt.timedelta(days=90)) == 0


def test_only_complaint_handlers_act(owner, make_user, operator):
    complaint = receive(by=operator, customer=owner)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.complaint_assess(
            complaint=complaint, by=make_user(Role.TECHNICIAN, username="t"), severity=2
        )


def test_the_assignee_is_told(operator, quality, owner, django_capture_on_commit_callbacks):
    complaint = receive(by=operator, customer=owner)
    with django_capture_on_commit_callbacks(execute=True):
        services.complaint_assess(complaint=complaint, by=operator, severity=2, assignee=quality)
    assert [m.to for m in mail.outbox if "assigned to you" in m.body] == [["quality@example.com"]]
