"""A safety issue is fast-tracked to quality (level 1). Handing it to an investigator, or
answering it, moves its stage on but does not drop it back to the desk's level."""

import datetime as dt

import pytest

from aftersales.complaints import services

from .conftest import T0, receive

pytestmark = pytest.mark.django_db


def test_the_level_stays_at_quality_through_the_stages(operator, quality, owner):
    complaint = receive(by=operator, customer=owner)
    complaint = services.complaint_assess(
        complaint=complaint,
        by=operator,
        severity=2,
        is_safety=True,
        assignee=operator,
        at=T0 + dt.timedelta(hours=1),
    )
    assert complaint.stage == "investigating" and complaint.severity == 4
    assert complaint.escalation_level == 1
    complaint = services.complaint_investigate(
        complaint=complaint,
        by=operator,
        root_cause="product_design",
        findings="The hinge gives way.",
    )
    complaint = services.complaint_respond(
        complaint=complaint, by=operator, decision="upheld", resolution="We replace the door."
    )
    assert complaint.stage == "responded" and complaint.escalation_level == 1


def test_an_ordinary_complaint_starts_each_stage_at_the_desk(operator, quality, owner):
    complaint = receive(by=operator, customer=owner)
    complaint = services.complaint_assess(
        complaint=complaint, by=operator, severity=2, assignee=operator
    )
    assert complaint.stage == "investigating" and complaint.escalation_level == 0


def test_the_list_shows_the_level_in_persian_digits(login, manager, operator, quality, owner):
    receive(by=operator, customer=owner, is_safety=True)
    manager.language = "fa"
    manager.save()
    html = login(manager).get("/complaints/").content.decode()
    body = html[html.index("<tbody") : html.index("</tbody>")]
    assert "<td>۱</td>" in body and "<td>1</td>" not in body
