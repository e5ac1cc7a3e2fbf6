"""The category, spare-part and failure-code lists: search, filters, sorting."""

from aftersales.catalog.choices import FailureLevel
from tests.factories import CategoryFactory, FailureCodeFactory, PartFactory, ProductModelFactory


def test_categories_are_found_by_any_of_their_names_and_show_peak_months(operator, login):
    CategoryFactory(code="cooling", name_en="Air conditioners", name_fa="کولر", peak_months=[7, 6])
    CategoryFactory(code="laundry", name_en="Washing machines", peak_months=[])
    client = login(operator)
    page = client.get("/catalog/categories/", {"q": "کولر"}).content.decode()
    assert "Air conditioners" in page and "Washing machines" not in page
    assert "June, July" in page


def test_categories_sort_by_the_number_of_models(operator, login):
    busy = CategoryFactory(code="busy", name_en="Busy")
    CategoryFactory(code="quiet", name_en="Quiet")
    ProductModelFactory.create_batch(2, category=busy)
    page = login(operator).get("/catalog/categories/", {"sort": "-model_count"}).content.decode()
    assert page.index("Busy") < page.index("Quiet")


def test_parts_are_filtered_by_the_model_they_fit_and_by_category(operator, login):
    cooling = CategoryFactory(code="cooling")
    laundry = CategoryFactory(code="laundry")
    ac = ProductModelFactory(category=cooling)
    washer = ProductModelFactory(category=laundry)
    PartFactory(sku="FAN-1").compatible_models.set([ac])
    PartFactory(sku="PUMP-1").compatible_models.set([washer])
    PartFactory(sku="SCREW-1").compatible_models.set([ac, washer])
    client = login(operator)
    page = client.get("/catalog/parts/", {"model": ac.pk}).content.decode()
    assert "FAN-1" in page and "SCREW-1" in page and "PUMP-1" not in page
    page = client.get("/catalog/parts/", {"category": laundry.pk}).content.decode()
    assert "PUMP-1" in page and "SCREW-1" in page and "FAN-1" not in page
    assert "1 record" not in page and "2 records" in page  # no duplicate rows


def test_parts_are_found_by_sku_and_filtered_by_supersession(operator, login):
    new = PartFactory(sku="BOARD-V2", name="Control board")
    PartFactory(sku="BOARD-V1", name="Control board", superseded_by=new)
    PartFactory(sku="FILTER-9", name="Air filter")
    client = login(operator)
    page = client.get("/catalog/parts/", {"q": "board"}).content.decode()
    assert "BOARD-V1" in page and "BOARD-V2" in page and "FILTER-9" not in page
    page = client.get("/catalog/parts/", {"superseded": "true"}).content.decode()
    assert "BOARD-V1" in page and "FILTER-9" not in page
    assert page.count("BOARD-V2") == 1  # only as the successor of BOARD-V1


def test_failure_codes_are_filtered_by_level_category_and_active(operator, login):
    cooling = CategoryFactory(code="cooling")
    FailureCodeFactory(code="S-NOCOOL", level=FailureLevel.SYMPTOM).categories.set([cooling])
    FailureCodeFactory(code="D-LEAK", level=FailureLevel.DEFECT)
    FailureCodeFactory(code="R-OLD", level=FailureLevel.REPAIR, is_active=False)
    client = login(operator)
    page = client.get("/catalog/failure-codes/", {"level": "defect"}).content.decode()
    assert "D-LEAK" in page and "S-NOCOOL" not in page
    page = client.get("/catalog/failure-codes/", {"category": cooling.pk}).content.decode()
    assert "S-NOCOOL" in page and "D-LEAK" not in page
    page = client.get("/catalog/failure-codes/", {"is_active": "false"}).content.decode()
    assert "R-OLD" in page and "D-LEAK" not in page
