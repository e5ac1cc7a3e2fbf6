"""Bulk import of units sold, from the maker's ERP: a CSV or XLSX file, checked row by row.

Every row is validated first, in memory, against the model and agent codes loaded once. Valid
rows are then written in chunks, each in its own transaction: units already present (same model
and serial) are counted and left alone, so importing the same file twice creates nothing new;
owners are found by phone number or created, all in bulk; and since `bulk_create` bypasses
django-auditlog's signals, the audit entries of everything created are written here, in bulk.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import logging
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import phonenumbers
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from stdnum.it import codicefiscale

from aftersales.agents.models import Agent
from aftersales.catalog.models import ProductModel
from aftersales.core.calendars import parse_jalali
from aftersales.core.choices import Country, Language
from aftersales.core.identity import is_valid_iran_national_code
from aftersales.core.models import User
from aftersales.core.phones import parse_phone
from aftersales.core.text import latin_digits, normalize_serial, search_key
from aftersales.customers.choices import PhoneKind
from aftersales.customers.models import Address, Customer, Phone

from .choices import ImportStatus, UnitSource, UnitStatus
from .models import ImportBatch, Unit

logger = logging.getLogger(__name__)

COLUMNS = (
    "model_code",
    "serial",
    "production_date",
    "batch",
    "sale_date",
    "dealer",
    "sale_invoice",
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

_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T][\d:.+Z]*)?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_SPACES = re.compile(r"\s+")


class ImportFileError(Exception):
    """The file as a whole cannot be read: wrong format, wrong encoding, missing columns."""


# ---------------------------------------------------------------------------------------------
# The upload


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


@transaction.atomic
def import_batch_create(*, upload, by: User | None) -> ImportBatch:
    """Store an uploaded file as a new import and queue it; the import runs in the background."""
    from .tasks import run_import

    check_upload(upload)
    digest = hashlib.sha256()
    for piece in upload.chunks():
        digest.update(piece)
    upload.seek(0)
    file_name = os.path.basename(upload.name)[:255]
    batch = ImportBatch(file_name=file_name, sha256=digest.hexdigest(), uploaded_by=by)
    batch.file.save(file_name, upload, save=False)
    batch.save()
    transaction.on_commit(lambda: run_import.enqueue(batch.pk))
    return batch


def template_rows() -> list[tuple[str, ...]]:
    """The header and one example row, for the downloadable template."""
    return [COLUMNS, EXAMPLE_ROW]


# ---------------------------------------------------------------------------------------------
# Reading the file


def _header_key(value) -> str:
    text = _SPACES.sub("_", str(value or "").strip().lstrip("\ufeff")).lower()
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


def _rows(batch: ImportBatch) -> Iterator[tuple[int, list]]:
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


# ---------------------------------------------------------------------------------------------
# Checking rows


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
    agent_id: int | None
    customer_name: str
    phone: str
    national_id: str
    city: str
    region: str
    address: str


class _BadValue(Exception):
    pass


def _cell_text(value) -> str:
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
        if match := _YMD.match(text):
            year, month, day = (int(part) for part in match.groups())
            if year < 1700:
                parsed = parse_jalali(f"{year}/{month}/{day}")
                if parsed is None:
                    raise _BadValue
                return parsed
            return dt.date(year, month, day)
        if match := _DMY.match(text):
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
    except ValueError as error:
        raise _BadValue from error
    raise _BadValue


def _clean_national_id(value: str) -> str:
    """An Iranian national code (leading zeros restored) or an Italian codice fiscale."""
    code = latin_digits(value).replace("-", "").replace(" ", "").upper()
    if code.isdigit():
        code = code.zfill(10) if 8 <= len(code) < 10 else code
        if is_valid_iran_national_code(code):
            return code
        raise _BadValue
    if codicefiscale.is_valid(code):
        return code
    raise _BadValue


class _Checker:
    """Validates rows against the catalogue and agents loaded once; collects the errors."""

    def __init__(self, columns: dict[str, int]):
        self.text_columns = [(n, i) for n, i in columns.items() if not n.endswith("_date")]
        self.date_columns = [(n, i) for n, i in columns.items() if n.endswith("_date")]
        self.models = {
            code.upper(): pk for pk, code in ProductModel.objects.values_list("pk", "code")
        }
        self.agents = {code.upper(): pk for pk, code in Agent.objects.values_list("pk", "code")}
        self.today = timezone.localdate()
        self.seen: dict[tuple[int, str], int] = {}
        self.dates: dict[str, dt.date | None | _BadValue] = {}
        self.phones: dict[str, str | None] = {}
        self.errors: list[dict] = []
        self.error_count = 0
        self.failed = 0

    def error(self, row: int, column: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_STORED_ERRORS:
            self.errors.append({"row": row, "column": column, "message": message})

    def _date(self, number: int, column: str, raw) -> dt.date | None:
        """The date in `raw`, or None when it is empty or bad (the error is recorded)."""
        key = raw if isinstance(raw, str) else None
        if key is not None and key in self.dates:
            parsed = self.dates[key]
        else:
            try:
                parsed = parse_import_date(raw)
            except _BadValue as error:
                parsed = error
            if key is not None:
                self.dates[key] = parsed
        if isinstance(parsed, _BadValue):
            self.error(
                number,
                column,
                _("“%(value)s” is not a date: use yyyy-mm-dd, dd/mm/yyyy or Jalali yyyy/mm/dd.")
                % {"value": _cell_text(raw)},
            )
            return None
        if parsed is not None and parsed > self.today:
            self.error(number, column, _("The date cannot be in the future."))
            return None
        return parsed

    def check(self, number: int, cells) -> Row | None:
        """The row ready to write, or None (with its errors recorded) when it is invalid."""
        width = len(cells)
        values = {}
        for name, index in self.text_columns:
            value = cells[index] if index < width else ""
            values[name] = value.strip() if value.__class__ is str else _cell_text(value)
        raw_dates = {}
        for name, index in self.date_columns:
            value = cells[index] if index < width else None
            raw_dates[name] = value.strip() if value.__class__ is str else value
        errors_before = self.error_count

        model_id = None
        code = values.get("model_code", "")
        if not code:
            self.error(number, "model_code", _("The model code is missing."))
        else:
            model_id = self.models.get(code.upper())
            if model_id is None:
                self.error(
                    number, "model_code", _("Unknown model code “%(code)s”.") % {"code": code}
                )

        serial = normalize_serial(values.get("serial", ""))
        if not serial:
            self.error(number, "serial", _("The serial number is missing."))

        for name, limit in MAX_LENGTHS.items():
            text = serial if name == "serial" else values.get(name, "")
            if len(text) > limit:
                self.error(
                    number,
                    name,
                    _("The text is too long (at most %(max)s characters).") % {"max": limit},
                )

        production_date = self._date(number, "production_date", raw_dates.get("production_date"))
        sale_date = self._date(number, "sale_date", raw_dates.get("sale_date"))
        if production_date and sale_date and sale_date < production_date:
            self.error(number, "sale_date", _("A unit cannot be sold before it is made."))

        agent_id = None
        if agent_code := values.get("service_agent_code", ""):
            agent_id = self.agents.get(agent_code.upper())
            if agent_id is None:
                self.error(
                    number,
                    "service_agent_code",
                    _("Unknown agent code “%(code)s”.") % {"code": agent_code},
                )

        phone = ""
        if raw_phone := values.get("customer_phone", ""):
            if raw_phone not in self.phones:
                self.phones[raw_phone] = parse_phone(raw_phone)
            phone = self.phones[raw_phone] or ""
            if not phone:
                self.error(
                    number,
                    "customer_phone",
                    _("“%(value)s” is not a valid phone number.") % {"value": raw_phone},
                )

        national_id = ""
        if raw_id := values.get("customer_national_id", ""):
            try:
                national_id = _clean_national_id(raw_id)
            except _BadValue:
                self.error(
                    number,
                    "customer_national_id",
                    _("“%(value)s” is not a valid national code or codice fiscale.")
                    % {"value": raw_id},
                )

        if model_id is not None and serial:
            first = self.seen.get((model_id, serial))
            if first is not None:
                self.error(
                    number,
                    "serial",
                    _("The serial number %(serial)s of this model is already in row %(row)s.")
                    % {"serial": serial, "row": first},
                )
            elif self.error_count == errors_before:
                self.seen[(model_id, serial)] = number

        if self.error_count != errors_before:
            self.failed += 1
            return None
        return Row(
            number=number,
            model_id=model_id,
            serial=serial,
            production_date=production_date,
            batch=values.get("batch", ""),
            sale_date=sale_date,
            dealer=values.get("dealer", ""),
            sale_invoice=values.get("sale_invoice", ""),
            agent_id=agent_id,
            customer_name=_SPACES.sub(" ", values.get("customer_name", "")),
            phone=phone,
            national_id=national_id,
            city=values.get("city", ""),
            region=values.get("region", ""),
            address=values.get("address", ""),
        )


def _columns_of(header) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(header):
        key = _header_key(value)
        if key in COLUMNS and key not in found:
            found[key] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in found]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    return found


def _blank(cells) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


# ---------------------------------------------------------------------------------------------
# Writing


class _Table:
    """Plain inserts into a model's table: no model instances, no per-value ORM work.

    Rows are dicts by attname; missing columns take the field's default (auto_now fields: now).
    SQLite gets one `executemany`, PostgreSQL a `COPY`. Used for the many rows of an import,
    where `bulk_create`'s own per-value overhead would take most of the time.
    """

    _FAST = {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "EmailField",
        "ForeignKey",
        "IntegerField",
        "OneToOneField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "SmallIntegerField",
        "TextField",
    }

    def __init__(self, model: type[models.Model]):
        self.model = model
        self.fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        ops = connection.ops
        self.preparers = []
        for field in self.fields:
            kind = field.get_internal_type()
            if kind in self._FAST:
                self.preparers.append(None)
            elif kind == "DateField":
                self.preparers.append(ops.adapt_datefield_value)
            elif kind == "DateTimeField":
                self.preparers.append(ops.adapt_datetimefield_value)
            elif kind == "JSONField":
                self.preparers.append(
                    lambda value, encoder=field.encoder: ops.adapt_json_value(value, encoder)
                )
            else:
                self.preparers.append(
                    lambda value, field=field: field.get_db_prep_save(value, connection)
                )
        columns = ", ".join(ops.quote_name(field.column) for field in self.fields)
        marks = ", ".join(["%s"] * len(self.fields))
        table = ops.quote_name(model._meta.db_table)
        self.sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"

    def _defaults(self, now: dt.datetime) -> list:
        values = []
        for field in self.fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                values.append(now)
            elif field.null and not field.has_default():
                values.append(None)
            else:
                values.append(field.get_default())
        return values

    def insert(self, rows: list[dict], *, now: dt.datetime) -> None:
        if not rows:
            return
        pairs = list(zip((f.attname for f in self.fields), self._defaults(now), strict=True))
        prepared_columns = [(i, prep) for i, prep in enumerate(self.preparers) if prep]
        # The same value often repeats down a column (one `now`, one date): prepare it once.
        last: dict[int, tuple] = {}
        params = []
        for row in rows:
            get = row.get
            values = [get(attname, default) for attname, default in pairs]
            for index, prepare in prepared_columns:
                value = values[index]
                if value is None:
                    continue
                seen = last.get(index)
                if seen is None or seen[0] is not value:
                    seen = last[index] = (value, prepare(value))
                values[index] = seen[1]
            params.append(values)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(self.copy_sql) as copy:  # psycopg 3: far faster
                    for values in params:
                        copy.write_row(values)
            else:
                cursor.executemany(self.sql, params)


def _tracked_fields(model: type[models.Model]) -> dict[str, str]:
    """{attname: name} of the fields django-auditlog records for `model`, as registered."""
    options = auditlog.get_model_fields(model)
    include = set(options["include_fields"])
    exclude = set(options["exclude_fields"])
    return {
        field.attname: field.name
        for field in model._meta.concrete_fields
        if (not include or field.name in include) and field.name not in exclude
    }


class _Audit:
    """Writes the CREATE entries django-auditlog's signal would have written, in bulk."""

    def __init__(self, batch: ImportBatch):
        self.actor_id = batch.uploaded_by_id
        self.actor_email = getattr(batch.uploaded_by, "email", None) or None
        self.cid = f"import-{batch.pk}"
        self.additional = {"import_batch": batch.pk}
        self.table = _Table(LogEntry)

    def created(self, model: type[models.Model], items: list[tuple[int, str, dict]]) -> None:
        """`items`: (pk, text shown for the record, its values by attname)."""
        if not items or not auditlog.contains(model):
            return
        content_type_id = ContentType.objects.get_for_model(model).pk
        names = _tracked_fields(model)
        pk_name = model._meta.pk.name
        now = timezone.now()
        entries = []
        for pk, text, values in items:
            changes = {}
            for attname, value in values.items():
                if value is None or value == "" or attname not in names:
                    continue
                if value.__class__ is not str:
                    if isinstance(value, dt.datetime):
                        value = value.astimezone(dt.UTC).replace(tzinfo=None)
                    value = str(value)
                changes[names[attname]] = ["None", value]
            if pk_name in names.values():
                changes[pk_name] = ["None", str(pk)]
            entries.append(
                {
                    "content_type_id": content_type_id,
                    "object_pk": str(pk),
                    "object_id": pk,
                    "object_repr": text[:1000],
                    "action": LogEntry.Action.CREATE,
                    "changes": changes,
                    "changes_text": "",
                    "actor_id": self.actor_id,
                    "actor_email": self.actor_email,
                    "cid": self.cid,
                    "additional_data": self.additional,
                    "timestamp": now,
                }
            )
        self.table.insert(entries, now=now)


def _split_name(name: str) -> tuple[str, str]:
    if " " not in name:
        return "", name
    first, last = name.rsplit(" ", 1)
    return first[:100], last[:100]


_PREFIXES: dict[str, tuple[str, str]] = {}


def _phone_details(number: str) -> tuple[str, str]:
    """(country, phone kind) of an E.164 number. Both follow from the country code and the
    next digits (a mobile or area prefix), so they are worked out once per prefix."""
    prefix = number[:6]
    if prefix not in _PREFIXES:
        _PREFIXES[prefix] = _number_details(number)
    return _PREFIXES[prefix]


def _number_details(number: str) -> tuple[str, str]:
    parsed = phonenumbers.parse(number, None)
    region = phonenumbers.region_code_for_number(parsed)
    country = region if region in Country.values else Country.IRAN
    kind = (
        PhoneKind.LANDLINE
        if phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.FIXED_LINE
        else PhoneKind.MOBILE
    )
    return country, kind


def _address_key(customer_id: int, city: str, line: str) -> tuple[int, str, str]:
    return customer_id, city.casefold(), line.casefold()


class _Writer:
    """Writes chunks of valid rows: units, and the owners they name, all in bulk."""

    def __init__(self, batch: ImportBatch):
        self.batch = batch
        self.created = 0
        self.existing = 0
        self.codes = dict(ProductModel.objects.values_list("pk", "code"))
        self.audit = _Audit(batch)
        self.units = _Table(Unit)
        self.phones = _Table(Phone)
        self.addresses = _Table(Address)

    def write(self, rows: list[Row]) -> None:
        for attempt in range(3):
            try:
                with transaction.atomic():
                    self._write(rows)
                return
            except IntegrityError:
                # Someone else created some of these units meanwhile: look again, once more.
                if attempt == 2:
                    raise

    def _write(self, rows: list[Row]) -> None:
        present = set(
            Unit.objects.filter(serial__in={row.serial for row in rows}).values_list(
                "product_model_id", "serial"
            )
        )
        new = [row for row in rows if (row.model_id, row.serial) not in present]
        owners, addresses = self._customers(new)
        now = timezone.now()
        units = []
        for row in new:
            owner_id = owners.get(row.phone)
            units.append(
                {
                    "product_model_id": row.model_id,
                    "serial": row.serial,
                    "status": UnitStatus.ACTIVE,
                    "production_date": row.production_date,
                    "batch": row.batch,
                    "sale_date": row.sale_date,
                    "dealer": row.dealer,
                    "sale_invoice": row.sale_invoice,
                    "service_agent_id": row.agent_id,
                    "owner_id": owner_id,
                    "installation_address_id": addresses.get(
                        _address_key(owner_id, row.city, row.address)
                    )
                    if owner_id
                    else None,
                    "source": UnitSource.IMPORT,
                    "import_batch_id": self.batch.pk,
                    "created_at": now,
                }
            )
        self.units.insert(units, now=now)
        if units:
            ids = {
                (model_id, serial): pk
                for pk, model_id, serial in Unit.objects.filter(
                    serial__in=[unit["serial"] for unit in units]
                ).values_list("pk", "product_model_id", "serial")
            }
            codes = self.codes
            self.audit.created(
                Unit,
                [
                    (
                        ids[(unit["product_model_id"], unit["serial"])],
                        f"{codes[unit['product_model_id']]} / {unit['serial']}",  # as str(unit)
                        unit,
                    )
                    for unit in units
                ],
            )
        self.created += len(units)
        self.existing += len(rows) - len(new)

    def _customers(self, rows: list[Row]) -> tuple[dict[str, int], dict[tuple, int]]:
        """Owners by phone (found, or created from the first row naming the phone) and the
        addresses the rows name, by (customer, city, address)."""
        by_phone: dict[str, Row] = {}
        for row in rows:
            if row.phone and row.phone not in by_phone:
                by_phone[row.phone] = row
        if not by_phone:
            return {}, {}
        owners: dict[str, int] = {}
        found = (
            Phone.objects.filter(number__in=list(by_phone))
            .order_by("-is_primary", "pk")
            .values_list("number", "customer_id")
        )
        for number, customer_id in found:
            owners.setdefault(number, customer_id)

        missing = [number for number in by_phone if number not in owners]
        customers, phones = [], []
        for number in missing:
            row = by_phone[number]
            country, kind = _phone_details(number)
            first, last = _split_name(row.customer_name or number)
            customer = Customer(
                first_name=first,
                last_name=last,
                country=country,
                national_id=row.national_id,
                preferred_language=Language.ITALIAN
                if country == Country.ITALY
                else Language.PERSIAN,
            )
            customer.display_name = customer.compose_name()
            customer.search_name = search_key(customer.display_name)
            customer.search_last = search_key(customer.last_name)
            customers.append(customer)
            phones.append({"number": number, "kind": kind, "is_primary": True})
        if customers:
            Customer.objects.bulk_create(customers, batch_size=CHUNK_SIZE)
            for customer, phone, number in zip(customers, phones, missing, strict=True):
                phone["customer_id"] = customer.pk
                owners[number] = customer.pk
            self.phones.insert(phones, now=timezone.now())
            fields = [field.attname for field in Customer._meta.concrete_fields]
            self.audit.created(
                Customer,
                [
                    (c.pk, c.display_name, {name: getattr(c, name) for name in fields})
                    for c in customers
                ],
            )
            phone_ids = dict(
                Phone.objects.filter(customer_id__in=[c.pk for c in customers]).values_list(
                    "number", "pk"
                )
            )
            self.audit.created(Phone, [(phone_ids[p["number"]], p["number"], p) for p in phones])
        countries = {customer.pk: customer.country for customer in customers}
        return owners, self._addresses(rows, owners, countries)

    def _addresses(self, rows: list[Row], owners: dict[str, int], countries: dict[int, str]):
        wanted: dict[tuple, Row] = {}
        for row in rows:
            if row.phone and (row.city or row.address):
                wanted.setdefault(_address_key(owners[row.phone], row.city, row.address), row)
        if not wanted:
            return {}
        customer_ids = {key[0] for key in wanted}

        def known() -> tuple[dict[tuple, int], set[int]]:
            found, defaults = {}, set()
            for pk, customer_id, city, line, is_default in Address.objects.filter(
                customer_id__in=customer_ids
            ).values_list("pk", "customer_id", "city", "line", "is_default"):
                found.setdefault(_address_key(customer_id, city, line), pk)
                if is_default:
                    defaults.add(customer_id)
            return found, defaults

        addresses, has_default = known()
        new = []
        for key, row in wanted.items():
            if key in addresses:
                continue
            customer_id = key[0]
            new.append(
                {
                    "customer_id": customer_id,
                    "country": countries.get(customer_id) or _phone_details(row.phone)[0],
                    "region": row.region,
                    "city": row.city,
                    "line": row.address,
                    "is_default": customer_id not in has_default,
                }
            )
            has_default.add(customer_id)
        if new:
            self.addresses.insert(new, now=timezone.now())
            addresses, _defaults = known()
            self.audit.created(
                Address,
                [
                    (
                        addresses[_address_key(a["customer_id"], a["city"], a["line"])],
                        ", ".join(part for part in (a["line"], a["city"], a["region"]) if part),
                        a,
                    )
                    for a in new
                ],
            )
        return addresses


# ---------------------------------------------------------------------------------------------
# The import


def import_units(*, batch: ImportBatch) -> ImportBatch:
    """Read the batch's file, create the units it lists that are new, report the bad rows."""
    language = getattr(batch.uploaded_by, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        return _import(batch)


def _import(batch: ImportBatch) -> ImportBatch:
    batch.status = ImportStatus.RUNNING
    batch.message = ""
    batch.errors = []
    batch.rows_total = batch.rows_created = batch.rows_existing = batch.rows_failed = 0
    batch.finished_at = None
    batch.save()
    try:
        checker, valid = _check_file(batch)
    except ImportFileError as error:
        return _finish(batch, ImportStatus.FAILED, message=str(error))
    except Exception:
        logger.exception("Import %s: the file could not be read", batch.pk)
        _finish(batch, ImportStatus.FAILED, message=_("The file could not be read."))
        raise
    batch.rows_failed = checker.failed
    batch.errors = checker.errors
    if checker.error_count > len(checker.errors):
        batch.message = _("%(count)s errors were found; the first %(shown)s are listed.") % {
            "count": checker.error_count,
            "shown": len(checker.errors),
        }
    batch.save(update_fields=["rows_total", "rows_failed", "errors", "message"])

    writer = _Writer(batch)
    try:
        for start in range(0, len(valid), CHUNK_SIZE):
            writer.write(valid[start : start + CHUNK_SIZE])
            ImportBatch.objects.filter(pk=batch.pk).update(
                rows_created=writer.created, rows_existing=writer.existing
            )
    except Exception:
        logger.exception("Import %s failed while writing", batch.pk)
        batch.rows_created, batch.rows_existing = writer.created, writer.existing
        _finish(
            batch,
            ImportStatus.FAILED,
            message=_(
                "The import stopped because of an internal error (units created so far: "
                "%(count)s). Import the same file again to continue."
            )
            % {"count": writer.created},
        )
        raise
    batch.rows_created, batch.rows_existing = writer.created, writer.existing
    return _finish(batch, ImportStatus.DONE, message=batch.message)


def _check_file(batch: ImportBatch) -> tuple[_Checker, list[Row]]:
    rows = _rows(batch)
    checker = None
    valid: list[Row] = []
    total = 0
    for number, cells in rows:
        if _blank(cells):
            continue
        if checker is None:
            checker = _Checker(_columns_of(cells))
            continue
        total += 1
        row = checker.check(number, cells)
        if row is not None:
            valid.append(row)
    if checker is None:
        raise ImportFileError(_("The file is empty."))
    batch.rows_total = total
    return checker, valid


def _finish(batch: ImportBatch, status: str, *, message: str = "") -> ImportBatch:
    batch.status = status
    batch.message = message
    batch.finished_at = timezone.now()
    batch.save()
    return batch
