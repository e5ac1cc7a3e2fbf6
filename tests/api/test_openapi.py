import json

from django.test import Client


def test_the_openapi_document_is_json_listing_the_paths():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = json.loads(response.content)
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for path in (
        "/api/v1/customers/",
        "/api/v1/customers/{customer_id}",
        "/api/v1/units/",
        "/api/v1/units/lookup",
        "/api/v1/units/{unit_id}",
        "/api/v1/units/{unit_id}/transfer",
        "/api/v1/units/{unit_id}/readings",
    ):
        assert path in paths
    assert set(paths["/api/v1/customers/{customer_id}"]) == {"get", "patch"}
    schemes = spec["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}


def test_creates_document_the_idempotency_key_header():
    spec = Client().get("/api/v1/openapi.json").json()
    for path in ("/api/v1/customers/", "/api/v1/units/", "/api/v1/units/{unit_id}/readings"):
        headers = [
            p["name"] for p in spec["paths"][path]["post"]["parameters"] if p["in"] == "header"
        ]
        assert headers == ["Idempotency-Key"]
    error = spec["paths"]["/api/v1/units/"]["post"]["responses"]["409"]
    assert error["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")


def test_the_docs_page_answers():
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content
