"""Clients that talk to /api/v1/ as a real caller would: with a personal token, or a session."""

import json

import pytest
from django.test import Client

from aftersales.core.services import api_token_create


@pytest.fixture
def token_client(db):
    """A client sending `Authorization: Bearer <key>` of a new token of `user` (no session)."""

    def make(user):
        _token, key = api_token_create(user=user, name="test")
        return Client(headers={"authorization": f"Bearer {key}"})

    return make


def post_json(client, path, data, **kwargs):
    return client.post(path, json.dumps(data), content_type="application/json", **kwargs)


def patch_json(client, path, data, **kwargs):
    return client.patch(path, json.dumps(data), content_type="application/json", **kwargs)
