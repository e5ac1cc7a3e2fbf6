import csv
import io

from openpyxl import load_workbook

from tests.factories import CategoryFactory, PartFactory, ProductModelFactory


def test_models_export_to_csv_with_the_filter_applied(operator, login):
    category = CategoryFactory(code="cooling", name_en="Cooling")
    ProductModelFactory(code="AC-EXP", name="Exported", category=category)
    ProductModelFactory(code="WM-NOT", name="Left out")
    response = login(operator).get("/catalog/", {"category": category.pk, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Code", "Name", "Category"]
    assert rows[1:] == [["AC-EXP", "Exported", "Cooling", "2022-01-01", "", "No meter", "Yes"]]


def test_parts_export_to_an_xlsx_that_opens(operator, login):
    new = PartFactory(sku="P-NEW", name="New board")
    PartFactory(sku="P-OLD", name="Old board", superseded_by=new)
    response = login(operator).get("/catalog/parts/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("SKU", "Name", "Superseded by")
    assert [row[:3] for row in rows[1:]] == [
        ("P-NEW", "New board", None),
        ("P-OLD", "Old board", "P-NEW"),
    ]
