"""The read-only catalogue API: JSON shapes, filters, pagination and 404s."""

from tests.factories import CategoryFactory, FailureCodeFactory, PartFactory, ProductModelFactory

API = "/api/v1/catalog"


def test_categories_list_and_detail(operator, login):
    category = CategoryFactory(code="cooling", name_en="Cooling", peak_months=[6, 7])
    CategoryFactory(code="laundry", name_en="Laundry")
    client = login(operator)
    body = client.get(f"{API}/categories", {"q": "cool"}).json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["code"] == "cooling" and item["name"] == "Cooling"
    assert item["peak_months"] == [6, 7]
    assert client.get(f"{API}/categories/{category.pk}").json()["id"] == category.pk


def test_models_are_filtered_by_category_code_and_paginated(operator, login):
    cooling = CategoryFactory(code="cooling")
    ProductModelFactory.create_batch(3, category=cooling)
    ProductModelFactory(code="WM-1")
    client = login(operator)
    body = client.get(f"{API}/models", {"category": "cooling", "limit": 2}).json()
    assert body["count"] == 3 and len(body["items"]) == 2
    assert {item["category_code"] for item in body["items"]} == {"cooling"}
    rest = client.get(f"{API}/models", {"category": "cooling", "limit": 2, "offset": 2}).json()
    assert len(rest["items"]) == 1
    item = body["items"][0]
    assert set(item) == {
        "id",
        "code",
        "name",
        "category_id",
        "category_code",
        "launch_date",
        "end_of_production",
        "usage_meter",
        "has_manual",
        "is_active",
    }
    assert item["launch_date"] == "2022-01-01" and item["has_manual"] is False


def test_a_part_names_its_models_its_successor_and_the_current_sku(operator, login):
    model = ProductModelFactory(code="AC-1")
    newest = PartFactory(sku="V3")
    middle = PartFactory(sku="V2", superseded_by=newest)
    old = PartFactory(sku="V1", superseded_by=middle)
    old.compatible_models.set([model])
    body = login(operator).get(f"{API}/parts/{old.pk}").json()
    assert body["sku"] == "V1"
    assert body["compatible_models"] == ["AC-1"]
    assert body["superseded_by"] == "V2"
    assert body["current_sku"] == "V3"


def test_parts_are_searched_and_filtered_by_category(operator, login):
    cooling = CategoryFactory(code="cooling")
    PartFactory(sku="FAN-1", name="Fan motor").compatible_models.set(
        [ProductModelFactory(category=cooling)]
    )
    PartFactory(sku="PUMP-1", name="Drain pump")
    client = login(operator)
    assert [p["sku"] for p in client.get(f"{API}/parts", {"q": "pump"}).json()["items"]] == [
        "PUMP-1"
    ]
    body = client.get(f"{API}/parts", {"category": "cooling"}).json()
    assert [p["sku"] for p in body["items"]] == ["FAN-1"]
    assert body["items"][0]["superseded_by"] is None and body["items"][0]["current_sku"] == "FAN-1"


def test_failure_codes_list_with_their_category_codes(operator, login):
    cooling = CategoryFactory(code="cooling")
    FailureCodeFactory(code="S-1", level="symptom").categories.set([cooling])
    FailureCodeFactory(code="D-1", level="defect")
    client = login(operator)
    body = client.get(f"{API}/failure-codes", {"level": "symptom"}).json()
    assert [(c["code"], c["categories"]) for c in body["items"]] == [("S-1", ["cooling"])]
    assert client.get(f"{API}/failure-codes", {"level": "nonsense"}).status_code == 422


def test_missing_records_answer_a_json_404(operator, login):
    client = login(operator)
    for path in ("categories", "models", "parts", "failure-codes"):
        response = client.get(f"{API}/{path}/999999")
        assert response.status_code == 404, path
        assert response.json()["detail"]


def test_a_customer_gets_404_for_a_failure_code_and_an_empty_list(owner, login):
    code = FailureCodeFactory()
    client = login(owner.user)
    assert client.get(f"{API}/failure-codes/{code.pk}").status_code == 404
    assert client.get(f"{API}/failure-codes").json() == {"items": [], "count": 0}


def test_the_api_needs_a_login(client):
    assert client.get(f"{API}/parts").status_code == 401
