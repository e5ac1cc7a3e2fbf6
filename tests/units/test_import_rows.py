"""Importing units from a CSV: good rows are created, bad rows are reported by row and column."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from aftersales.units.choices import ImportStatus, UnitSource
from aftersales.units.importing import import_units
from aftersales.units.models import ImportBatch, Unit
from tests.factories import AgentFactory, ProductModelFactory

pytestmark = pytest.mark.django_db

HEADER = "model_code,serial,production_date,sale_date,service_agent_code,customer_phone\n"


def run(text: str, *, by=None, name="units.csv", encoding="utf-8") -> ImportBatch:
    batch = ImportBatch(file_name=name, sha256="x", uploaded_by=by)
    batch.file.save(name, ContentFile(text.encode(encoding)), save=False)
    batch.save()
    return import_units(batch=batch)


def errors_of(batch) -> set[tuple[int, str]]:
    return {(error["row"], error["column"]) for error in batch.errors}


@pytest.fixture
def catalogue(db):
    ProductModelFactory(code="AC-18")
    ProductModelFactory(code="WM-7")
    AgentFactory(code="AG-N")


def test_good_rows_are_created_and_bad_rows_are_reported_by_row_and_column(catalogue, operator):
    batch = run(
        HEADER
        + "AC-18,ac18-0001,2025-01-10,2025-02-01,AG-N,09123456789\n"  # row 2: good
        + "XX-99,X-1,,,,\n"  # row 3: unknown model
        + "WM-7,,,,,\n"  # row 4: no serial
        + "WM-7,WM-1,2025-13-40,,,\n"  # row 5: bad date
        + "WM-7,WM-2,2025-03-01,2025-02-01,,\n"  # row 6: sold before made
        + "WM-7,WM-3,,,,12345\n"  # row 7: bad phone
        + "WM-7,WM-4,,,AG-ZZ,\n"  # row 8: unknown agent
        + "wm-7,wm 5,01/02/2024,,ag-n,\n",  # row 9: good (case-insensitive codes, dd/mm/yyyy)
        by=operator,
    )
    assert batch.status == ImportStatus.DONE
    assert (batch.rows_total, batch.rows_created, batch.rows_failed) == (8, 2, 6)
    assert errors_of(batch) == {
        (3, "model_code"),
        (4, "serial"),
        (5, "production_date"),
        (6, "sale_date"),
        (7, "customer_phone"),
        (8, "service_agent_code"),
    }
    messages = {error["column"]: error["message"] for error in batch.errors}
    assert "XX-99" in messages["model_code"]
    assert "AG-ZZ" in messages["service_agent_code"]
    unit = Unit.objects.get(serial="AC18-0001")
    assert unit.product_model.code == "AC-18"
    assert unit.source == UnitSource.IMPORT
    assert unit.import_batch == batch
    assert unit.service_agent.code == "AG-N"
    assert (unit.production_date, unit.sale_date) == (dt.date(2025, 1, 10), dt.date(2025, 2, 1))
    other = Unit.objects.get(serial="WM5")
    assert other.production_date == dt.date(2024, 2, 1)
    assert batch.finished_at is not None


def test_the_same_file_imported_twice_creates_no_duplicates(catalogue):
    text = HEADER + "AC-18,A1,,,,\nAC-18,A2,,,,\nWM-7,A1,,,,\n"
    first = run(text)
    second = run(text)
    assert (first.rows_created, first.rows_existing) == (3, 0)
    assert (second.rows_created, second.rows_existing, second.rows_failed) == (0, 3, 0)
    assert Unit.objects.count() == 3


def test_a_serial_twice_in_one_file_is_rejected_the_second_time(catalogue):
    batch = run(HEADER + "AC-18,A1,,,,\nAC-18,a1,,,,\nWM-7,A1,,,,\n")
    assert batch.rows_created == 2
    assert batch.errors == [{"row": 3, "column": "serial", "message": batch.errors[0]["message"]}]
    assert "row 2" in batch.errors[0]["message"]


def test_jalali_and_persian_digit_dates_are_read(catalogue):
    batch = run(
        HEADER
        + "AC-18,J1,۱۴۰۳/۱۲/۰۱,1404/01/15,,\n"
        + "AC-18,J2,۲۰۲۴-۰۶-۳۰,۱۵/۰۷/۲۰۲۴,,\n"
        + "AC-18,J3,1403/13/01,,,\n"  # month 13 of the Jalali year does not exist
    )
    assert batch.rows_created == 2
    assert errors_of(batch) == {(4, "production_date")}
    j1 = Unit.objects.get(serial="J1")
    assert (j1.production_date, j1.sale_date) == (dt.date(2025, 2, 19), dt.date(2025, 4, 4))
    j2 = Unit.objects.get(serial="J2")
    assert (j2.production_date, j2.sale_date) == (dt.date(2024, 6, 30), dt.date(2024, 7, 15))


def test_semicolons_a_bom_and_header_case_are_accepted(catalogue):
    batch = run("\ufeffModel_Code;SERIAL;Sale Date\nAC-18;S1;2025-01-05\n\n;;\nWM-7;S2;\n")
    assert batch.status == ImportStatus.DONE
    assert (batch.rows_total, batch.rows_created) == (2, 2)
    assert Unit.objects.get(serial="S1").sale_date == dt.date(2025, 1, 5)


def test_a_file_without_the_required_columns_fails_with_a_message(catalogue):
    batch = run("model,serial_number\nAC-18,S1\n")
    assert batch.status == ImportStatus.FAILED
    assert "model_code" in batch.message
    assert Unit.objects.count() == 0


def test_a_file_that_is_not_utf8_fails_with_a_message(catalogue):
    batch = run(HEADER + "AC-18,S1,,,,\n", encoding="utf-16")
    assert batch.status == ImportStatus.FAILED
    assert "UTF-8" in batch.message


def test_stored_errors_are_capped_but_every_bad_row_is_counted(catalogue):
    batch = run(HEADER + "NOPE,S,,,,\n" * 1005 + "AC-18,OK1,,,,\n")
    assert (batch.rows_total, batch.rows_failed, batch.rows_created) == (1006, 1005, 1)
    assert len(batch.errors) == 1000
    assert "1005" in batch.message
