"""Reading an import file (CSV or XLSX) into rows, and the parsing of dates and IDs in them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.it import codicefiscale

from aftersales.core.calendars import parse_jalali
from aftersales.core.identity import is_valid_iran_national_code
from aftersales.core.text import latin_digits

from ..models import ImportBatch
from .rules import (
    ALLOWED_EXTENSIONS,
    COLUMNS,
    DMY,
    EXAMPLE_ROW,
    MAX_UPLOAD_MB,
    PRICE,
    SPACES,
    YMD,
    ImportFileError,
)


def check_upload(upload) -> None:
    """Refuse anything but a CSV or XLSX file of at most MAX_UPLOAD_MB megabytes."""
    name = (upload.name or "").lower()
    if not name.endswith(ALLOWED_EXTENSIONS):
        raise ValidationError(
            _("Upload a CSV or Excel (.xlsx) file; “%(name)s” is neither.")
            % {"name": os.path.basename(upload.name or "")},
            code="file_type",
        )
    if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(max)s MB.") % {"max": MAX_UPLOAD_MB}, code="too_big"
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if not head:
        raise ValidationError(_("The file is empty."), code="empty")
    if name.endswith(".xlsx") and not head.startswith(b"PK\x03\x04"):
        raise ValidationError(_("This is not an Excel (.xlsx) workbook."), code="file_type")
    if name.endswith(".csv") and (b"\x00" in head or head.startswith(b"PK\x03\x04")):
        raise ValidationError(_("This is not a CSV text file."), code="file_type")


def template_rows() -> list[tuple[str, ...]]:
    """The header and one example row, for the downloadable template."""
    return [COLUMNS, EXAMPLE_ROW]


def header_key(value) -> str:
    text = SPACES.sub("_", str(value or "").strip().lstrip("\ufeff")).lower()
    return text.replace("-", "_")


def _read_csv(raw: bytes) -> Iterator[list]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.")
        ) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _read_xlsx(handle) -> Iterator[tuple]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError(_("The Excel file cannot be read.")) from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some ERPs write wrong sheet dimensions; read every row
        yield from sheet.iter_rows(values_only=True)
    finally:
        workbook.close()


def file_rows(batch: ImportBatch) -> Iterator[tuple[int, list]]:
    """(spreadsheet row number, cells) for every row of the file, header included."""
    with batch.file.open("rb") as handle:
        head = handle.read(4)
        handle.seek(0)
        if head.startswith(b"PK\x03\x04"):
            rows: Iterable = _read_xlsx(handle)
        else:
            rows = _read_csv(handle.read())
        try:
            yield from enumerate(rows, start=1)
        except csv.Error as error:
            raise ImportFileError(
                _("The CSV file is malformed: %(error)s") % {"error": error}
            ) from error


@dataclass(slots=True)
class Row:
    """A valid row, ready to be written."""

    number: int
    model_id: int
    serial: str
    production_date: dt.date | None
    batch: str
    sale_date: dt.date | None
    dealer: str
    sale_invoice: str
    sale_price: Decimal | None
    sale_currency: str
    agent_id: int | None
    customer_name: str
    phone: str
    national_id: str
    city: str
    region: str
    address: str


class BadValue(Exception):
    pass


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def parse_import_date(value) -> dt.date | None:
    """ISO yyyy-mm-dd, dd/mm/yyyy, or Jalali yyyy/mm/dd (a year below 1700), any digits."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = latin_digits(str(value)).strip()
    if not text:
        return None
    try:
        if match := YMD.match(text):
            year, month, day = (int(part) for part in match.groups())
            if year < 1700:
                parsed = parse_jalali(f"{year}/{month}/{day}")
                if parsed is None:
                    raise BadValue
                return parsed
            return dt.date(year, month, day)
        if match := DMY.match(text):
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
    except ValueError as error:
        raise BadValue from error
    raise BadValue


def parse_import_price(text: str) -> Decimal | None:
    """A price as ERPs and spreadsheets write it: `450000000`, `450,000,000`, `1250.50`,
    `1.250,50`, `1,250.50`, with Persian digits and separators too. Of "," and "." the one
    that comes last is the decimal mark when both appear; a lone "," is a thousands separator
    when it repeats or has three digits after it (`1,250` is 1250), else the decimal mark
    (`12,5`); a lone "." is the decimal mark, several are thousands separators. None when
    empty; BadValue when it is not a number."""
    text = latin_digits(text).replace("\u066c", ",").replace("\u066b", ".")
    text = SPACES.sub("", text).replace("'", "")
    if not text:
        return None
    if not PRICE.match(text):
        raise BadValue
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("-")
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        mark = "," if text.rfind(",") > text.rfind(".") else "."
    elif commas == 1 and len(text.rpartition(",")[2]) != 3:
        mark = ","
    elif dots == 1:
        mark = "."  # even 1.250: three decimals are then refused for either currency
    else:
        mark = None
    whole, fraction = text.rsplit(mark, 1) if mark else (text, "")
    if mark and (mark in whole or not fraction.isdigit()):
        raise BadValue
    whole = whole.replace(",", "").replace(".", "")
    if not whole.isdigit():
        raise BadValue
    try:
        return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    except InvalidOperation as error:
        raise BadValue from error


def clean_national_id(value: str) -> str:
    """An Iranian national code (leading zeros restored) or an Italian codice fiscale."""
    code = latin_digits(value).replace("-", "").replace(" ", "").upper()
    if code.isdigit():
        code = code.zfill(10) if 8 <= len(code) < 10 else code
        if is_valid_iran_national_code(code):
            return code
        raise BadValue
    if codicefiscale.is_valid(code):
        return code
    raise BadValue
