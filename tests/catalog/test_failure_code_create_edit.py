from aftersales.catalog.models import FailureCode
from tests.factories import CategoryFactory, FailureCodeFactory


def test_a_quality_engineer_creates_a_failure_code_for_two_categories(make_user, login):
    cooling, heating = CategoryFactory(), CategoryFactory()
    data = {
        "code": "S-NOISE",
        "level": "symptom",
        "name_en": "Noisy",
        "name_fa": "صدا",
        "categories": [cooling.pk, heating.pk],
        "is_active": "on",
    }
    response = login(make_user("quality")).post("/catalog/failure-codes/new/", data)
    code = FailureCode.objects.get(code="S-NOISE")
    assert response.status_code == 302
    assert set(code.categories.all()) == {cooling, heating}


def test_an_unknown_level_is_refused_and_nothing_is_saved(manager, login):
    data = {"code": "X-1", "level": "guess", "name_en": "Guess"}
    response = login(manager).post("/catalog/failure-codes/new/", data)
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not FailureCode.objects.filter(code="X-1").exists()


def test_editing_a_failure_code_replaces_its_categories(manager, login):
    old, new = CategoryFactory(), CategoryFactory()
    code = FailureCodeFactory(code="D-1", level="defect", name_en="Leak")
    code.categories.set([old])
    data = {"code": "D-1", "level": "defect", "name_en": "Refrigerant leak", "categories": [new.pk]}
    response = login(manager).post(f"/catalog/failure-codes/{code.pk}/edit/", data)
    assert response.status_code == 302
    code.refresh_from_db()
    assert code.name_en == "Refrigerant leak" and list(code.categories.all()) == [new]
    assert code.is_active is False  # an unticked box is a "no"
