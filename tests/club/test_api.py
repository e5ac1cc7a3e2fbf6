"""The club API: a customer reads their own points (another's is a 404), the desk adjusts with an
Idempotency-Key (a retry adds nothing) and an overdraft is a 422 in the caller's language."""

import pytest

from aftersales.club import services
from aftersales.club.models import PointsEntry
from aftersales.core.choices import Role
from tests.api.conftest import post_json

pytestmark = pytest.mark.django_db


def test_a_customer_reads_only_their_own_points(owner, stranger, token_client):  # noqa: F811
    services.award(customer=owner, event="registration", reference="REG-1")
    client = token_client(owner.user)
    mine = client.get(f"/api/v1/club/customers/{owner.pk}")
    assert mine.status_code == 200
    body = mine.json()
    assert (body["balance"], body["entries"][0]["reference"]) == (100, "REG-1")
    assert client.get(f"/api/v1/club/customers/{stranger.pk}").status_code == 404
    assert (
        post_json(
            client, f"/api/v1/club/customers/{owner.pk}/adjust", {"points": 5, "reason": "x"}
        ).status_code
        == 403
    )


def test_the_desk_adjusts_once_per_key(owner, operator, token_client):  # noqa: F811
    services.award(customer=owner, event="registration", reference="REG-1")
    client = token_client(operator)
    url = f"/api/v1/club/customers/{owner.pk}/adjust"
    data = {"points": -30, "reason": "Mug"}
    first = post_json(client, url, data, HTTP_IDEMPOTENCY_KEY="k-1")
    again = post_json(client, url, data, HTTP_IDEMPOTENCY_KEY="k-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json() and first.json()["points"] == -30
    assert services.balance(owner) == 70 and PointsEntry.objects.count() == 2


def test_an_overdraft_is_refused_in_the_callers_language(owner, make_user, token_client):  # noqa: F811
    desk = make_user(Role.OPERATOR, username="desk-it", language="it")
    answer = post_json(
        token_client(desk),
        f"/api/v1/club/customers/{owner.pk}/adjust",
        {"points": -1, "reason": "Mug"},
    )
    assert answer.status_code == 422
    assert answer.json()["errors"]["points"] == ["Il cliente ha solo 0 punti."]
    assert not PointsEntry.objects.exists()
