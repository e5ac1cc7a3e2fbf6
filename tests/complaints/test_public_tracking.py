"""The public form and tracking page: no login; the page shows the stage and no personal data
(bar of issue 8)."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from aftersales.complaints.models import Complaint
from tests.factories import PhoneFactory

from .conftest import answered, receive

pytestmark = pytest.mark.django_db


def test_the_tracking_page_shows_the_stage_and_no_personal_data(operator, complainant, owned_unit):
    complainant.phones.create(number="+989121234567", is_primary=True)
    complaint = receive(
        by=operator,
        customer=complainant,
        unit=owned_unit,
        contact_phone="09127654321",
        description="My neighbour Ali Rezaei saw the leak at Valiasr 12",
    )
    page = Client().get(reverse("complaints:track", args=[complaint.code]))
    assert page.status_code == 200
    html = page.content.decode()
    assert complaint.code in html
    assert "Received" in html
    for private in (
        "Sara",
        "Karimi",
        "sara@example.com",
        "7654321",
        "1234567",
        "Ali Rezaei",
        "Valiasr",
        owned_unit.serial,
        "The technician did not come",  # the subject is the customer's own words
    ):
        assert private not in html, private


def test_the_code_is_found_in_any_case_and_without_dashes(operator, complainant):
    complaint = receive(by=operator, customer=complainant)
    typed = complaint.code.replace("-", " ").lower()
    response = Client().get(reverse("complaints:track_form"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:track", args=[complaint.code])
    assert Client().get(reverse("complaints:track", args=["C-AAAA-AAAA"])).status_code == 404


def test_anyone_can_complain_without_a_login_and_is_acknowledged(
    complainant, owned_unit, django_capture_on_commit_callbacks
):
    client = Client()
    assert client.get(reverse("complaints:submit")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("complaints:submit"),
            {
                "contact_name": "Mina",
                "contact_email": "mina@example.com",
                "serial": owned_unit.serial.lower(),
                "subject": "Noisy after repair",
                "description": "It rattles since the visit.",
                "remedy_sought": "repair",
            },
        )
    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert complaint.channel == "web"
    assert complaint.unit == owned_unit
    assert complaint.product_model == owned_unit.product_model
    assert complaint.customer is None  # a typed serial does not make the owner the complainant
    assert complaint.stage == "received"
    assert mail.outbox[0].to == ["mina@example.com"]
    assert complaint.code in mail.outbox[0].body
    page = client.get(response["Location"])
    assert complaint.code in page.content.decode()  # shown once, right after sending


def test_bad_input_is_refused_with_a_message_and_nothing_saved():
    response = Client().post(
        reverse("complaints:submit"),
        {"contact_name": "Mina", "subject": "x", "description": "", "remedy_sought": "nope"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give an e-mail address or a phone number." in html
    assert Complaint.objects.count() == 0


def test_the_customer_accepts_or_appeals_on_the_tracking_page(
    operator, quality, complainant, django_capture_on_commit_callbacks
):
    complaint = answered(complaint=receive(by=operator, customer=complainant), by=operator)
    page = Client().get(reverse("complaints:track", args=[complaint.code]))
    assert 'id="accept"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            reverse("complaints:track_answer", args=[complaint.code]),
            {"reason": "The apology is not enough; I want a refund."},
        )
    complaint.refresh_from_db()
    assert complaint.stage == "appealed"
    assert complaint.escalation_level == 1
    assert mail.outbox[-1].to == ["quality@example.com"]


def test_a_signed_in_customer_finds_their_details_filled_in(login, owner):
    PhoneFactory(customer=owner, number="+989121112233")
    page = login(owner.user).get("/complaints/submit/").content.decode()
    assert 'name="contact_name" value="Sara Karimi"' in page
    assert "989121112233" in page.split('name="contact_phone"')[1].split(">")[0]
