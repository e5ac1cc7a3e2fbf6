"""CSV and XLSX export of any list, streamed so that a large list does not fill memory.

A text that a spreadsheet would take for a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`,
typed into a description or a name) is written as text: in CSV behind an apostrophe (OWASP's
advice against formula injection), in XLSX as a string cell. Numbers and phone numbers such as
`+989121234567` or `-50` are left as they are."""

import csv
import io
import re

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d[\d\s]*([.,]\d+)?")


def _inert(value):
    """`value`, or for a text a spreadsheet would evaluate, the same text behind an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def csv_response(filename: str, header: list[str], rows) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # a BOM, so Excel opens UTF-8 (Persian names) correctly
        yield writer.writerow([_inert(str(label)) for label in header])
        for row in rows:
            yield writer.writerow([_inert(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename: str, header: list[str], rows) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(filename[:31])
    sheet.append([_text_cell(sheet, str(label)) for label in header])
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _text_cell(sheet, value):
    """A text starting with "=" as a string cell: openpyxl would write it as a formula."""
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
