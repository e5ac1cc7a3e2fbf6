"""The import file's columns, limits and the error a whole file can raise."""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)


COLUMNS = (
    "model_code",
    "serial",
    "production_date",
    "batch",
    "sale_date",
    "dealer",
    "sale_invoice",
    "sale_price",
    "sale_currency",
    "service_agent_code",
    "customer_name",
    "customer_phone",
    "customer_national_id",
    "city",
    "region",
    "address",
)


REQUIRED_COLUMNS = ("model_code", "serial")


EXAMPLE_ROW = (
    "AC-18",
    "AC18-000123",
    "2025-03-01",
    "B2503",
    "1404/01/15",
    "Kourosh Home Appliances",
    "INV-2025-0042",
    "450000000",
    "IRR",
    "AG-N",
    "Sara Karimi",
    "0912 345 6789",
    "0499370899",
    "Tehran",
    "Tehran",
    "12 Valiasr St",
)


ALLOWED_EXTENSIONS = (".csv", ".xlsx")


MAX_UPLOAD_MB = 50


CHUNK_SIZE = 2000


MAX_STORED_ERRORS = 1000


# Longest text each column may hold (the model fields' max_length).
MAX_LENGTHS = {
    "serial": 60,
    "batch": 40,
    "dealer": 200,
    "sale_invoice": 60,
    "customer_name": 200,
    "city": 100,
    "region": 100,
    "address": 300,
}


YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T][\d:.+Z]*)?$")


DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


SPACES = re.compile(r"\s+")


# a price: digits with "," "." as separators (and spaces, Persian "٬" "٫" as typed in Iran)
PRICE = re.compile(r"^-?\d[\d,.]*$")


class ImportFileError(Exception):
    """The file as a whole cannot be read: wrong format, wrong encoding, missing columns."""
