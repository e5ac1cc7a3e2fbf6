"""The complaints API: idempotent receipt, the steps, scope, and the public tracking by code."""

import pytest
from django.test import Client

from aftersales.complaints.models import Complaint
from aftersales.core.choices import Role

pytestmark = pytest.mark.django_db
BASE = "/api/v1/complaints/"


def test_receive_once_per_key_and_walk_the_steps(login, operator, owner):
    client = login(operator)
    body = {
        "customer_id": owner.pk,
        "subject": "Wrong part",
        "description": "They fitted the wrong filter",
        "remedy_sought": "repair",
    }
    headers = {"HTTP_IDEMPOTENCY_KEY": "k-1"}
    first = client.post(BASE, body, content_type="application/json", **headers)
    again = client.post(BASE, body, content_type="application/json", **headers)
    assert first.status_code == 201, first.content
    assert again.json()["id"] == first.json()["id"]
    assert Complaint.objects.count() == 1
    pk = first.json()["id"]
    step = client.post(
        f"{BASE}{pk}/assess",
        {"severity": 3, "assignee_id": operator.pk},
        content_type="application/json",
    )
    assert step.status_code == 200 and step.json()["stage"] == "investigating"
    bad = client.post(
        f"{BASE}{pk}/investigate",
        {"root_cause": "nope", "findings": ""},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"root_cause", "findings"}
    listed = client.get(BASE, {"stage": "investigating"}).json()
    assert [row["id"] for row in listed["items"]] == [pk]


def test_tracking_by_code_is_public_and_shows_no_personal_data(login, operator, owner):
    client = login(operator)
    created = client.post(
        BASE,
        {"customer_id": owner.pk, "subject": "S", "description": "D", "remedy_sought": "apology"},
        content_type="application/json",
    ).json()
    public = Client().get(f"{BASE}track/{created['code'].lower()}")
    assert public.status_code == 200
    assert set(public.json()) == {
        "code",
        "stage",
        "stage_label",
        "received_on",
        "decision",
        "closed_on",
    }
    assert Client().get(f"{BASE}track/C-ZZZZ-ZZZZ").status_code == 404
    assert Client().get(BASE).status_code == 401


def test_a_customer_sees_only_their_own(login, make_user, operator, owner, stranger):
    client = login(operator)
    created = client.post(
        BASE,
        {"customer_id": owner.pk, "subject": "S", "description": "D", "remedy_sought": "apology"},
        content_type="application/json",
    ).json()
    assert login(owner.user).get(f"{BASE}{created['id']}").status_code == 200
    assert login(stranger.user).get(f"{BASE}{created['id']}").status_code == 404
    assert (
        login(owner.user)
        .post(f"{BASE}{created['id']}/assess", {"severity": 2}, content_type="application/json")
        .status_code
        == 404
    )
    assert make_user(Role.CUSTOMER, username="c2")


def test_bad_input_is_a_422_and_saves_nothing(login, operator, owner):
    client = login(operator)
    base = {"customer_id": owner.pk, "description": "D", "remedy_sought": "apology"}
    for body in (
        {**base, "subject": "x" * 500},
        {**base, "subject": "S", "contact_email": "not-mail"},
        {**base, "subject": "S", "language": "xx"},
        {**base, "subject": "S", "severity": 9},
        {**base, "subject": "S", "channel": "pigeon"},
    ):
        assert client.post(BASE, body, content_type="application/json").status_code == 422, body
    missing = client.post(
        BASE, {**base, "subject": "S", "customer_id": 999999}, content_type="application/json"
    )
    assert missing.status_code == 404
    assert Complaint.objects.count() == 0
