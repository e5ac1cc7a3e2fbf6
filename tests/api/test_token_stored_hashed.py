import io

from django.core.management import call_command
from django.test import Client

from aftersales.core.models import ApiToken
from aftersales.core.services import api_token_create

from .conftest import post_json


def test_only_the_hash_of_a_token_is_stored(operator):
    token, key = api_token_create(user=operator, name="ERP")
    client = Client(headers={"authorization": f"Bearer {key}"})
    # Use it, so that every table it may touch (last use, audit log, idempotency) has a row.
    response = post_json(
        client, "/api/v1/customers/", {"last_name": "Rossi"}, headers={"idempotency-key": "k1"}
    )
    assert response.status_code == 201

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert key not in dump.getvalue()
    assert key[3:] not in dump.getvalue()  # not even without its "as_" prefix
    assert ApiToken.objects.get().digest == ApiToken.hash(key) != key
    assert len(token.prefix) < len(key) / 3  # the shown prefix is too short to be the key
