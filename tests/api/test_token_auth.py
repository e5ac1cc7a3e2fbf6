from django.test import Client

from aftersales.core.models import ApiToken
from aftersales.core.services import api_token_create, api_token_revoke

from .conftest import post_json


def test_a_valid_token_authenticates_and_is_marked_used(operator, owned_unit):
    token, key = api_token_create(user=operator, name="ERP")
    client = Client(headers={"authorization": f"Bearer {key}"})
    response = client.get("/api/v1/units/")
    assert response.status_code == 200
    assert [unit["serial"] for unit in response.json()["items"]] == ["AC18-000123"]
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_is_refused_with_401(operator):
    token, key = api_token_create(user=operator, name="old")
    api_token_revoke(token=token)
    client = Client(headers={"authorization": f"Bearer {key}"})
    listing = client.get("/api/v1/customers/")
    creating = post_json(client, "/api/v1/customers/", {"last_name": "Rossi"})
    for response in (listing, creating):
        assert response.status_code == 401
        assert response.json() == {"detail": "Authentication required.", "errors": {}}
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_unknown_token_is_refused_even_with_a_session(operator, login):
    client = login(operator)
    response = client.get("/api/v1/customers/", headers={"authorization": "Bearer as_nonsense"})
    assert response.status_code == 401


def test_a_token_of_a_deactivated_user_is_refused(operator):
    _token, key = api_token_create(user=operator, name="ERP")
    operator.is_active = False
    operator.save()
    response = Client(headers={"authorization": f"Bearer {key}"}).get("/api/v1/units/")
    assert response.status_code == 401


def test_a_token_post_needs_no_csrf_token(operator):
    _token, key = api_token_create(user=operator, name="ERP")
    client = Client(enforce_csrf_checks=True, headers={"authorization": f"Bearer {key}"})
    response = post_json(client, "/api/v1/customers/", {"last_name": "Rossi"})
    assert response.status_code == 201, response.content
    assert ApiToken.objects.count() == 1
