"""The desk's pages: list (search, filter, export), intake, the record with the action of each
stage, the analysis with charts, the deadlines; out of scope is a 404."""

import pytest
from django.urls import reverse

from aftersales.complaints.models import Complaint, StageDeadline
from aftersales.core.choices import Role

from .conftest import answered, receive

pytestmark = pytest.mark.django_db


def test_the_desk_takes_a_complaint_on_the_phone(login, operator, owner, owned_unit):
    client = login(operator)
    form = client.get(reverse("complaints:create"), {"serial": owned_unit.serial})
    assert form.status_code == 200
    assert form.context["form"].initial["serial"] == owned_unit.serial  # prefilled from a link
    response = client.post(
        reverse("complaints:create"),
        {
            "channel": "phone",
            "serial": owned_unit.serial,
            "subject": "Rude technician",
            "description": "He shouted at my mother.",
            "remedy_sought": "apology",
            "severity": "3",
        },
    )
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and response["Location"] == complaint.get_absolute_url()
    assert complaint.customer == owner and complaint.severity == 3

    bad = client.post(reverse("complaints:create"), {"channel": "phone", "serial": "NOPE-1"})
    assert bad.status_code == 400
    assert "No unit has this serial number." in bad.content.decode()
    assert Complaint.objects.count() == 1


def test_each_stage_offers_its_action(login, operator, owner, quality):
    complaint = receive(by=operator, customer=owner)
    client = login(operator)
    page = client.get(complaint.get_absolute_url()).content.decode()
    assert 'id="form-assess"' in page and 'id="form-respond"' not in page
    response = client.post(
        reverse("complaints:act", args=[complaint.pk, "assess"]),
        {"assess-severity": "2", "assess-assignee": str(quality.pk)},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.stage == "investigating" and complaint.assignee == quality
    refused = client.post(
        reverse("complaints:act", args=[complaint.pk, "respond"]),
        {"respond-decision": "upheld", "respond-resolution": "Sorry"},
    )
    assert refused.status_code == 400
    assert "Record the investigation" in refused.content.decode()
    client.post(
        reverse("complaints:act", args=[complaint.pk, "investigate"]),
        {"investigate-root_cause": "behaviour", "investigate-findings": "Confirmed"},
    )
    client.post(
        reverse("complaints:act", args=[complaint.pk, "respond"]),
        {"respond-decision": "upheld", "respond-resolution": "Sorry"},
    )
    complaint.refresh_from_db()
    assert complaint.stage == "responded"
    client.post(reverse("complaints:act", args=[complaint.pk, "accept"]), {})
    complaint.refresh_from_db()
    assert complaint.stage == "follow_up"


def test_the_list_searches_filters_and_exports(login, operator, owner):
    first = receive(by=operator, customer=owner, subject="Noisy fan")
    receive(by=operator, customer=owner, subject="Late visit", severity=4)
    client = login(operator)
    html = client.get(reverse("complaints:list"), {"q": "noisy"}).content.decode()
    assert first.code in html and "Late visit" not in html
    html = client.get(reverse("complaints:list"), {"severity": "4"}).content.decode()
    assert "Late visit" in html and "Noisy fan" not in html
    csv = client.get(reverse("complaints:list"), {"export": "csv"})
    assert csv.status_code == 200 and first.code
    assert first.code in b"".join(csv.streaming_content).decode()
    xlsx = client.get(reverse("complaints:list"), {"export": "xlsx"})
    assert xlsx.status_code == 200


def test_the_analysis_counts_by_cause_product_and_agent(
    login, manager, operator, owner, owned_unit
):
    complaint = receive(by=operator, customer=owner, unit=owned_unit)
    answered(complaint=complaint, by=operator)
    receive(by=operator, customer=owner)
    response = login(manager).get(reverse("complaints:analysis"))
    assert response.status_code == 200
    result = response.context["result"]
    assert result.total == 2
    assert ("Delay or missed appointment", 1) in result.by_cause
    assert (owned_unit.product_model.code, 1) in result.by_product
    assert (owned_unit.service_agent.name, 1) in result.by_agent
    assert 'data-chart="data-cause"' in response.content.decode()


def test_managers_set_the_deadlines(login, manager, operator):
    client = login(manager)
    page = client.get(reverse("complaints:deadlines"))
    assert page.status_code == 200
    data = {name: field.initial for name, field in page.context["form"].fields.items()}
    data["h_4_received"] = 1
    assert client.post(reverse("complaints:deadlines"), data).status_code == 302
    assert StageDeadline.objects.get(severity=4, stage="received").hours == 1
    data["h_4_received"] = 0
    assert client.post(reverse("complaints:deadlines"), data).status_code == 400
    assert login(operator).get(reverse("complaints:deadlines")).status_code == 404


def test_out_of_scope_is_a_404(login, make_user, operator, owner, agent, other_agent, owned_unit):
    complaint = receive(by=operator, customer=owner, unit=owned_unit)  # the unit's agent: agent
    mine = make_user(Role.AGENT, username="mine", agent=agent)
    theirs = make_user(Role.AGENT, username="theirs", agent=other_agent)
    assert login(mine).get(complaint.get_absolute_url()).status_code == 200
    assert login(theirs).get(complaint.get_absolute_url()).status_code == 404
    assert (
        login(make_user(Role.TECHNICIAN, username="t"))
        .get(complaint.get_absolute_url())
        .status_code
        == 404
    )
    post = login(mine).post(
        reverse("complaints:act", args=[complaint.pk, "assess"]), {"assess-severity": "2"}
    )
    assert post.status_code == 404  # agents read, the maker's desk decides
