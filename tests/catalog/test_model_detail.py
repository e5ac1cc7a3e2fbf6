from tests.factories import PartFactory, ProductModelFactory, UnitFactory


def test_a_model_page_shows_its_parts_and_how_many_units_are_in_the_field(operator, login):
    model = ProductModelFactory(code="AC-DETAIL")
    PartFactory(sku="FAN-FIT").compatible_models.set([model])
    PartFactory(sku="FAN-OTHER")
    UnitFactory.create_batch(3, product_model=model)
    UnitFactory()
    page = login(operator).get(f"/catalog/models/{model.pk}/").content.decode()
    assert "FAN-FIT" in page and "FAN-OTHER" not in page
    assert 'id="unit-count">3<' in page
    assert 'id="audit"' in page


def test_a_missing_model_is_a_404(operator, login):
    assert login(operator).get("/catalog/models/999999/").status_code == 404
