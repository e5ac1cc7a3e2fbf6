"""`Idempotency-Key`: a retried create answers the first answer and creates nothing more."""

from aftersales.core.models import IdempotencyRecord
from aftersales.customers.models import Customer
from aftersales.units.models import MeterReading

from .conftest import post_json

KEY = {"idempotency-key": "7d3f9a6c-0b1e-4c2a-9f51-2b7e8d4c6a10"}
CUSTOMER = {"first_name": "Ali", "last_name": "Rezaei", "phones": ["09123456789"]}


def test_the_same_post_twice_creates_one_customer_and_answers_the_same(operator, token_client):
    client = token_client(operator)
    first = post_json(client, "/api/v1/customers/", CUSTOMER, headers=KEY)
    second = post_json(client, "/api/v1/customers/", CUSTOMER, headers=KEY)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert Customer.objects.count() == 1
    record = IdempotencyRecord.objects.get()
    assert (record.user, record.status, record.body) == (operator, 201, first.json())


def test_the_same_key_with_another_body_is_a_422(operator, token_client):
    client = token_client(operator)
    post_json(client, "/api/v1/customers/", CUSTOMER, headers=KEY)
    other = post_json(
        client, "/api/v1/customers/", {**CUSTOMER, "last_name": "Karimi"}, headers=KEY
    )
    assert other.status_code == 422
    assert "different request" in other.json()["detail"]
    assert list(other.json()["errors"]) == ["Idempotency-Key"]
    assert list(Customer.objects.values_list("last_name", flat=True)) == ["Rezaei"]


def test_the_same_key_on_another_endpoint_is_a_422(operator, owned_unit, token_client):
    owned_unit.product_model.usage_meter = "hours"
    owned_unit.product_model.save()
    client = token_client(operator)
    post_json(client, "/api/v1/customers/", CUSTOMER, headers=KEY)
    reading = post_json(
        client, f"/api/v1/units/{owned_unit.pk}/readings", {"value": 5}, headers=KEY
    )
    assert reading.status_code == 422
    assert not MeterReading.objects.exists()


def test_keys_belong_to_their_user(operator, make_user, token_client):
    colleague = make_user("operator", username="colleague")
    post_json(token_client(operator), "/api/v1/customers/", CUSTOMER, headers=KEY)
    theirs = post_json(token_client(colleague), "/api/v1/customers/", CUSTOMER, headers=KEY)
    assert theirs.status_code == 201 and "Idempotent-Replayed" not in theirs
    assert Customer.objects.count() == 2


def test_an_error_is_not_stored_so_the_corrected_request_may_reuse_the_key(operator, token_client):
    client = token_client(operator)
    wrong = post_json(
        client, "/api/v1/customers/", {**CUSTOMER, "national_id": "0499370898"}, headers=KEY
    )
    assert wrong.status_code == 422
    assert not IdempotencyRecord.objects.exists()
    right = post_json(client, "/api/v1/customers/", CUSTOMER, headers=KEY)
    assert right.status_code == 201
    assert Customer.objects.count() == 1


def test_without_a_key_every_post_creates(operator, token_client):
    client = token_client(operator)
    post_json(client, "/api/v1/customers/", CUSTOMER)
    post_json(client, "/api/v1/customers/", CUSTOMER)
    assert Customer.objects.count() == 2
    assert not IdempotencyRecord.objects.exists()


def test_a_key_longer_than_200_characters_is_a_422(operator, token_client):
    response = post_json(
        token_client(operator),
        "/api/v1/customers/",
        CUSTOMER,
        headers={"idempotency-key": "k" * 201},
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["Idempotency-Key"]
    assert not Customer.objects.exists()


def test_a_replay_works_for_a_session_too(operator, login):
    client = login(operator)
    first = post_json(client, "/api/v1/customers/", CUSTOMER, headers=KEY)
    second = post_json(client, "/api/v1/customers/", CUSTOMER, headers=KEY)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert Customer.objects.count() == 1
