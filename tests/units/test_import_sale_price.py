"""The import's optional sale_price and sale_currency columns: prices as ERPs write them are
read, a bad or negative price rejects its row with a message on that column."""

import io
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.files.base import ContentFile
from openpyxl import Workbook

from aftersales.billing.models import Company
from aftersales.units.choices import ImportStatus
from aftersales.units.importing import COLUMNS, import_units, template_rows
from aftersales.units.models import ImportBatch, Unit
from tests.factories import ProductModelFactory

pytestmark = pytest.mark.django_db


def run(content: bytes, name="units.csv") -> ImportBatch:
    batch = ImportBatch(file_name=name, sha256="x")
    batch.file.save(name, ContentFile(content), save=False)
    batch.save()
    return import_units(batch=batch)


def prices() -> dict[str, tuple]:
    return {
        serial: (price, currency)
        for serial, price, currency in Unit.objects.values_list(
            "serial", "sale_price", "sale_currency"
        )
    }


@pytest.fixture
def catalogue(db):
    ProductModelFactory(code="AC-18")


def test_prices_as_erps_write_them_are_read(catalogue):
    batch = run(
        (
            "model_code;serial;sale_price;sale_currency\n"
            "AC-18;P-1;450000000;IRR\n"
            'AC-18;P-2;"450,000,000";\n'  # thousands separators; the company's currency
            "AC-18;P-3;1.250,50;eur\n"  # Italian style
            "AC-18;P-4;1,250.50;EUR\n"
            "AC-18;P-5;۴۵۰٬۰۰۰٬۰۰۰;IRR\n"  # Persian digits and separator
            "AC-18;P-6;;\n"  # no price
        ).encode()
    )
    assert batch.status == ImportStatus.DONE, batch.message
    assert (batch.rows_created, batch.rows_failed) == (6, 0), batch.errors
    assert prices() == {
        "P-1": (Decimal("450000000"), "IRR"),
        "P-2": (Decimal("450000000"), "IRR"),
        "P-3": (Decimal("1250.50"), "EUR"),
        "P-4": (Decimal("1250.50"), "EUR"),
        "P-5": (Decimal("450000000"), "IRR"),
        "P-6": (None, "IRR"),
    }
    created = LogEntry.objects.get_for_object(Unit.objects.get(serial="P-3")).get()
    assert created.changes_dict["sale_price"] == ["None", "1250.50"]


def test_a_bad_or_negative_price_rejects_its_row(catalogue):
    batch = run(
        b"model_code,serial,sale_price,sale_currency\n"
        b"AC-18,B-1,-5,IRR\n"  # row 2
        b"AC-18,B-2,cheap,IRR\n"  # row 3
        b"AC-18,B-3,1000.50,IRR\n"  # row 4: rials have no decimals
        b"AC-18,B-4,100,USD\n"  # row 5
        b"AC-18,B-5,99.999,EUR\n"  # row 6: euros have cents, no more
        b"AC-18,B-6,310000000,IRR\n"  # row 7: good
    )
    assert (batch.rows_created, batch.rows_failed) == (1, 5)
    messages = {(e["row"], e["column"]): e["message"] for e in batch.errors}
    assert set(messages) == {
        (2, "sale_price"),
        (3, "sale_price"),
        (4, "sale_price"),
        (5, "sale_currency"),
        (6, "sale_price"),
    }
    assert messages[(2, "sale_price")] == "The sale price cannot be negative."
    assert "“cheap” is not a price" in messages[(3, "sale_price")]
    assert "at most 0 decimals in IRR" in messages[(4, "sale_price")]
    assert "USD" in messages[(5, "sale_currency")]
    assert prices() == {"B-6": (Decimal("310000000"), "IRR")}


def test_without_a_currency_column_prices_are_in_the_companys_currency(catalogue):
    Company.objects.create(country="IT", name="Aftersales Italia", currency="EUR")
    workbook = Workbook()
    workbook.active.append(["model_code", "serial", "sale_price"])
    workbook.active.append(["AC-18", "X-1", 899.9])  # a number cell
    workbook.active.append(["AC-18", "X-2", 1200])
    buffer = io.BytesIO()
    workbook.save(buffer)
    batch = run(buffer.getvalue(), name="units.xlsx")
    assert batch.rows_created == 2, batch.errors
    assert prices() == {"X-1": (Decimal("899.90"), "EUR"), "X-2": (Decimal("1200"), "EUR")}


def test_the_template_names_the_price_columns():
    header, example = template_rows()
    assert {"sale_price", "sale_currency"} <= set(COLUMNS) == set(header)
    assert len(example) == len(header)
    assert example[header.index("sale_price")] == "450000000"
