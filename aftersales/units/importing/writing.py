"""Writing checked rows in bulk: units, owners, phones, addresses and their audit entries."""

from __future__ import annotations

import datetime as dt

import phonenumbers
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from aftersales.catalog.models import ProductModel
from aftersales.core.choices import Country, Language
from aftersales.core.text import search_key
from aftersales.customers.choices import PhoneKind
from aftersales.customers.models import Address, Customer, Phone

from ..choices import UnitSource, UnitStatus
from ..models import ImportBatch, Unit
from .files import Row
from .rules import CHUNK_SIZE


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


class BatchWriter:
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
                    "sale_price": row.sale_price,
                    "sale_currency": row.sale_currency,
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
