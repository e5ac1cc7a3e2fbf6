"""A customer lists their own complaints and sees the public page, never the internal record;
quality raises a corrective action from a complaint (the quality app's CAPA, linked by code)."""

import pytest
from django.urls import reverse

from aftersales.core.choices import Role

from .conftest import receive

pytestmark = pytest.mark.django_db


def test_a_customer_sees_their_own_complaints_only(login, operator, owner, stranger):
    mine = receive(by=operator, customer=owner, subject="Mine")
    receive(by=operator, customer=stranger, subject="Theirs")
    client = login(owner.user)
    html = client.get(reverse("complaints:mine")).content.decode()
    assert mine.code in html and "Theirs" not in html
    assert reverse("complaints:track", args=[mine.code]) in html
    assert client.get(reverse("complaints:list")).status_code == 404  # the staff's list
    page = client.get(mine.get_absolute_url())
    assert page.status_code == 302
    assert page["Location"] == reverse("complaints:track", args=[mine.code])
    assert client.get(reverse("complaints:create")).status_code == 302  # to the public form


def test_a_logged_in_customer_complains_as_themselves(login, owner):
    client = login(owner.user)
    response = client.post(
        reverse("complaints:submit"),
        {
            "contact_name": "Sara",
            "subject": "S",
            "description": "D",
            "remedy_sought": "apology",
            "contact_email": "sara@example.com",
        },
    )
    assert response.status_code == 302
    assert owner.complaints.get().created_by == owner.user


def test_quality_raises_a_corrective_action_from_a_complaint(login, make_user, operator, owner):
    complaint = receive(by=operator, customer=owner)
    quality = make_user(Role.QUALITY, username="q")
    html = login(quality).get(complaint.get_absolute_url()).content.decode()
    assert f"?complaint={complaint.code}" in html and 'id="raise-capa"' in html
    assert (
        'id="raise-capa"' not in login(operator).get(complaint.get_absolute_url()).content.decode()
    )
