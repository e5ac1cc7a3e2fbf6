from tests.factories import CategoryFactory, FailureCodeFactory, ProductModelFactory


def test_a_category_page_lists_its_models_failure_codes_and_month_names(operator, login):
    category = CategoryFactory(code="cooling", name_en="Cooling", peak_months=[6, 7])
    ProductModelFactory(code="AC-IN", category=category)
    ProductModelFactory(code="WM-OUT")
    FailureCodeFactory(code="S-NOCOOL").categories.set([category])
    page = login(operator).get(f"/catalog/categories/{category.pk}/").content.decode()
    assert "AC-IN" in page and "WM-OUT" not in page
    assert "S-NOCOOL" in page
    assert "June, July" in page
    assert 'id="audit"' in page


def test_month_names_follow_the_language(operator, login):
    category = CategoryFactory(peak_months=[7])
    client = login(operator)
    page = client.get(f"/catalog/categories/{category.pk}/", headers={"Accept-Language": "it"})
    assert "luglio" in page.content.decode().lower()
