"""Importing units from an Excel workbook, with real date cells and numbers for text."""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from openpyxl import Workbook

from aftersales.customers.models import Phone
from aftersales.units.choices import ImportStatus
from aftersales.units.importing import import_units
from aftersales.units.models import ImportBatch, Unit
from tests.factories import ProductModelFactory

pytestmark = pytest.mark.django_db


def workbook_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_file_is_imported():
    ProductModelFactory(code="AC-18")
    content = workbook_bytes(
        [
            [
                "Model_Code",
                "Serial",
                "Production_Date",
                "Sale_Date",
                "Customer_Phone",
                "Customer_Name",
            ],
            ["AC-18", 100234, dt.datetime(2025, 1, 2), "1404/01/15", 9123456789, "Ali Rezaei"],
            ["AC-18", "X-2", dt.date(2025, 1, 3), None, None, None],
            ["NOPE", "X-3", None, None, None, None],
        ]
    )
    batch = ImportBatch(file_name="erp.xlsx", sha256="x")
    batch.file.save("erp.xlsx", ContentFile(content), save=False)
    batch.save()
    batch = import_units(batch=batch)
    assert batch.status == ImportStatus.DONE
    assert (batch.rows_total, batch.rows_created, batch.rows_failed) == (3, 2, 1)
    assert batch.errors[0]["row"] == 4
    assert batch.errors[0]["column"] == "model_code"
    unit = Unit.objects.get(serial="100234")
    assert unit.production_date == dt.date(2025, 1, 2)
    assert unit.sale_date == dt.date(2025, 4, 4)
    assert unit.owner.display_name == "Ali Rezaei"
    assert Phone.objects.get(customer=unit.owner).number == "+989123456789"


def test_a_broken_xlsx_file_fails_with_a_message():
    batch = ImportBatch(file_name="erp.xlsx", sha256="x")
    batch.file.save("erp.xlsx", ContentFile(b"PK\x03\x04 not really a workbook"), save=False)
    batch.save()
    batch = import_units(batch=batch)
    assert batch.status == ImportStatus.FAILED
    assert batch.message
