from aftersales.catalog.models import Category
from tests.factories import CategoryFactory


def test_peak_months_are_ticked_and_stored_as_numbers(manager, login):
    client = login(manager)
    form = client.get("/catalog/categories/new/").content.decode()
    assert form.count('type="checkbox" class="form-check-input" name="peak_months"') == 12
    data = {
        "code": "cooling",
        "name_en": "Air conditioners",
        "peak_months": ["8", "6", "7"],
        "peak_weight": "2.5",
    }
    response = client.post("/catalog/categories/new/", data)
    category = Category.objects.get(code="cooling")
    assert response.status_code == 302
    assert category.peak_months == [6, 7, 8]
    page = client.get(response.url).content.decode()
    assert "June, July, August" in page


def test_a_weight_below_one_is_refused_and_nothing_is_saved(manager, login):
    data = {"code": "cooling", "name_en": "Air conditioners", "peak_weight": "0.5"}
    response = login(manager).post("/catalog/categories/new/", data)
    assert response.status_code == 400
    assert "is-invalid" in response.content.decode()
    assert not Category.objects.filter(code="cooling").exists()


def test_editing_clears_the_peak_months(manager, login):
    category = CategoryFactory(code="heating", name_en="Heaters", peak_months=[12, 1])
    data = {"code": "heating", "name_en": "Heaters", "peak_weight": "2"}
    response = login(manager).post(f"/catalog/categories/{category.pk}/edit/", data)
    assert response.status_code == 302
    category.refresh_from_db()
    assert category.peak_months == []
