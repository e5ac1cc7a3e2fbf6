"""Bulk import of units sold, from the maker's ERP: a CSV or XLSX file, checked row by row.

Every row is validated first, in memory, against the model and agent codes loaded once. Valid
rows are then written in chunks, each in its own transaction: units already present (same model
and serial) are counted and left alone, so importing the same file twice creates nothing new;
owners are found by phone number or created, all in bulk; and since `bulk_create` bypasses
django-auditlog's signals, the audit entries of everything created are written here, in bulk.
"""

from .files import check_upload, parse_import_date, template_rows
from .rules import ALLOWED_EXTENSIONS, COLUMNS, MAX_UPLOAD_MB, REQUIRED_COLUMNS, ImportFileError
from .run import import_batch_create, import_units

__all__ = [
    "ALLOWED_EXTENSIONS",
    "COLUMNS",
    "MAX_UPLOAD_MB",
    "REQUIRED_COLUMNS",
    "ImportFileError",
    "check_upload",
    "import_batch_create",
    "import_units",
    "parse_import_date",
    "template_rows",
]
