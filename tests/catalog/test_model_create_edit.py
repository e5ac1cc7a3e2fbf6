from aftersales.catalog.models import ProductModel
from tests.factories import CategoryFactory, ProductModelFactory


def _data(category, **changes):
    data = {
        "code": "AC24-NEW",
        "name": "Inverter 24000",
        "category": category.pk,
        "launch_date": "2025-03-01",
        "end_of_production": "",
        "usage_meter": "hours",
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_a_manager_creates_a_product_model(manager, login):
    category = CategoryFactory()
    response = login(manager).post("/catalog/models/new/", _data(category))
    model = ProductModel.objects.get(code="AC24-NEW")
    assert response.status_code == 302 and response.url == f"/catalog/models/{model.pk}/"
    assert model.category == category and model.usage_meter == "hours"


def test_production_ending_before_launch_is_refused_and_nothing_is_saved(manager, login):
    category = CategoryFactory()
    data = _data(category, end_of_production="2024-01-01")
    response = login(manager).post("/catalog/models/new/", data)
    assert response.status_code == 400
    assert "Production cannot end before the model is launched." in response.content.decode()
    assert not ProductModel.objects.filter(code="AC24-NEW").exists()


def test_a_duplicate_code_is_refused(manager, login):
    existing = ProductModelFactory(code="AC24-NEW")
    response = login(manager).post("/catalog/models/new/", _data(existing.category))
    assert response.status_code == 400
    assert ProductModel.objects.filter(code="AC24-NEW").count() == 1


def test_a_manager_edits_a_model_and_the_change_is_audited(manager, login):
    model = ProductModelFactory(name="Old name")
    client = login(manager)
    data = _data(model.category, code=model.code, name="New name")
    assert client.post(f"/catalog/models/{model.pk}/edit/", data).status_code == 302
    model.refresh_from_db()
    assert model.name == "New name"
    page = client.get(f"/catalog/models/{model.pk}/").content.decode()
    assert 'id="audit"' in page and "Old name" in page


def test_an_invalid_edit_leaves_the_model_as_it_was(manager, login):
    model = ProductModelFactory(name="Keep me")
    data = _data(model.category, code=model.code, name="")
    response = login(manager).post(f"/catalog/models/{model.pk}/edit/", data)
    assert response.status_code == 400
    model.refresh_from_db()
    assert model.name == "Keep me"
