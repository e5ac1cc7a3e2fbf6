"""Every error is JSON `{"detail": ..., "errors": {...}}`."""

from django.test import Client

from aftersales.customers.models import Customer

from .conftest import post_json


def test_no_authentication_is_a_401(owned_unit):
    client = Client()
    for response in (
        client.get("/api/v1/units/"),
        client.get(f"/api/v1/units/{owned_unit.pk}"),
        post_json(client, "/api/v1/customers/", {"last_name": "Rossi"}),
    ):
        assert response.status_code == 401
        assert response["Content-Type"].startswith("application/json")
        assert response.json() == {"detail": "Authentication required.", "errors": {}}


def test_a_bad_query_parameter_is_a_422_naming_it(operator, token_client):
    response = token_client(operator).get("/api/v1/units/", {"page": 0, "status": "lost"})
    assert response.status_code == 422
    assert response.json()["detail"] == "Invalid input."
    assert set(response.json()["errors"]) == {"page", "status"}


def test_a_body_that_is_not_json_is_a_400(operator, token_client):
    response = token_client(operator).post(
        "/api/v1/customers/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body", "errors": {}}


def test_a_missing_required_field_is_named(operator, token_client):
    response = post_json(token_client(operator), "/api/v1/units/", {"serial": "X"})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["model"]


def test_a_session_post_needs_the_csrf_token(operator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(operator)
    refused = post_json(client, "/api/v1/customers/", {"last_name": "Rossi"})
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("CSRF check failed")
    assert not Customer.objects.exists()

    client.get("/account/")  # any page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = post_json(
        client, "/api/v1/customers/", {"last_name": "Rossi"}, headers={"x-csrftoken": token}
    )
    assert accepted.status_code == 201, accepted.content
    assert Customer.objects.count() == 1


def test_a_session_get_needs_no_csrf_token(operator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(operator)
    assert client.get("/api/v1/customers/").status_code == 200


def test_an_unknown_path_under_the_api_is_a_json_404(operator, token_client):
    client = token_client(operator)
    for path in ("/api/v1/nothing-here", "/api/v1/customers/not-a-number"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found.", "errors": {}}
