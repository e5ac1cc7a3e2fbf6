from aftersales.catalog.models import Part
from tests.factories import ProductModelFactory


def test_a_manager_creates_a_part_fitting_several_models(manager, login):
    ac, washer = ProductModelFactory(), ProductModelFactory()
    data = {
        "sku": "CAP-35UF",
        "name": "Capacitor 35 µF",
        "description": "Run capacitor",
        "compatible_models": [ac.pk, washer.pk],
        "is_active": "on",
    }
    response = login(manager).post("/catalog/parts/new/", data)
    part = Part.objects.get(sku="CAP-35UF")
    assert response.status_code == 302 and response.url == part.get_absolute_url()
    assert set(part.compatible_models.all()) == {ac, washer}


def test_a_part_without_a_name_is_refused_and_nothing_is_saved(manager, login):
    response = login(manager).post("/catalog/parts/new/", {"sku": "CAP-X", "name": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Part.objects.filter(sku="CAP-X").exists()
