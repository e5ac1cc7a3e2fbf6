"""Two copies of one create sent at the same moment still create one record."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from aftersales.core.services import api_token_create
from aftersales.customers.models import Customer

from .conftest import post_json

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs concurrent connections to one database (PostgreSQL)",
)


@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_with_one_key_create_one_customer(make_user):
    operator = make_user("operator")
    _token, key = api_token_create(user=operator, name="race")
    start = threading.Barrier(4)
    answers = []

    def send():
        try:
            client = Client(headers={"authorization": f"Bearer {key}", "idempotency-key": "race"})
            start.wait()
            response = post_json(client, "/api/v1/customers/", {"last_name": "Rezaei"})
            answers.append((response.status_code, response.json()))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Customer.objects.count() == 1
    assert [status for status, _body in answers] == [201] * 4
    assert len({body["id"] for _status, body in answers}) == 1
