from aftersales.catalog.choices import UsageMeter
from tests.factories import CategoryFactory, ProductModelFactory


def test_the_list_finds_a_model_by_code_or_name(operator, login):
    ProductModelFactory(code="AC18-INV", name="Inverter 18000")
    ProductModelFactory(code="WM7", name="Washer 7 kg")
    client = login(operator)
    page = client.get("/catalog/", {"q": "inverter"}).content.decode()
    assert "AC18-INV" in page and "WM7" not in page
    page = client.get("/catalog/", {"q": "wm7"}).content.decode()
    assert "Washer 7 kg" in page and "AC18-INV" not in page


def test_the_list_filters_by_category_usage_meter_and_active(operator, login):
    cooling = CategoryFactory(code="cooling", name_en="Cooling")
    laundry = CategoryFactory(code="laundry", name_en="Laundry")
    ProductModelFactory(code="AC-ONE", category=cooling, usage_meter=UsageMeter.HOURS)
    ProductModelFactory(code="AC-OLD", category=cooling, is_active=False)
    ProductModelFactory(code="WM-ONE", category=laundry, usage_meter=UsageMeter.CYCLES)
    client = login(operator)

    page = client.get("/catalog/", {"category": cooling.pk}).content.decode()
    assert "AC-ONE" in page and "AC-OLD" in page and "WM-ONE" not in page
    page = client.get("/catalog/", {"usage_meter": "cycles"}).content.decode()
    assert "WM-ONE" in page and "AC-ONE" not in page
    page = client.get("/catalog/", {"is_active": "false"}).content.decode()
    assert "AC-OLD" in page and "AC-ONE" not in page and "WM-ONE" not in page


def test_the_list_sorts_by_a_column_both_ways(operator, login):
    ProductModelFactory(code="AAA-1", name="Zeta")
    ProductModelFactory(code="BBB-2", name="Alpha")
    client = login(operator)
    page = client.get("/catalog/", {"sort": "name"}).content.decode()
    assert page.index("BBB-2") < page.index("AAA-1")
    page = client.get("/catalog/", {"sort": "-code"}).content.decode()
    assert page.index("BBB-2") < page.index("AAA-1")


def test_the_list_paginates(operator, login):
    ProductModelFactory.create_batch(30)
    client = login(operator)
    assert "Page 1 of 2" in client.get("/catalog/").content.decode()
    assert "Page 2 of 2" in client.get("/catalog/", {"page": 2}).content.decode()


def test_the_catalogue_pages_carry_tabs_to_the_four_lists(operator, login):
    page = login(operator).get("/catalog/").content.decode()
    assert 'id="catalog-tabs"' in page
    for url in ("/catalog/", "/catalog/categories/", "/catalog/parts/", "/catalog/failure-codes/"):
        assert f'href="{url}"' in page


def test_an_htmx_filter_request_answers_only_the_results(operator, login):
    ProductModelFactory(code="AC-HTMX")
    response = login(operator).get("/catalog/", {"q": "htmx"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "AC-HTMX" in page
    assert "<html" not in page and 'id="catalog-tabs"' not in page
