"""Fast, seeded generators of customers (with phones and addresses) and units (with readings).

`generate(customers, units, seed)` writes rows in batches straight to the tables: ids are taken
here (the table's highest id + 1), rows go in with one `executemany` per batch (`COPY` on
PostgreSQL). Django's `bulk_create` was the first version: it spends ~20 µs compiling every value,
which made a million units take eight minutes instead of about two. So no `save()` runs, no
signal fires and no audit entry is written: the fields `Customer.save()` derives (display and
search names) are set here exactly as it sets them, and every column this module does not name
gets the field's default. The same seed on the same starting database gives the same rows.

Run it when nobody else is writing customers or units (ids are taken without locking).
"""

import bisect
import datetime as dt
import itertools
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Count, Max
from django.utils import timezone

from aftersales.core.text import persian_digits, search_key
from aftersales.customers.models import Address, Customer, Phone
from aftersales.units.models import MeterReading, Unit

from . import data
from .reference import Reference, load_reference

CUSTOMER_CHUNK = 10_000
UNIT_CHUNK = 20_000
SHARE_IRAN = 0.75
SHARE_COMPANY = 0.04
SHARE_UNSOLD = 0.03  # units not yet sold to anyone (dealer stock)
SHARE_WITH_READINGS = 0.12  # of units that have a usage meter: about 10% of all units
_TIERS = ("standard", "silver", "gold")
_TIER_CUMULATIVE = (85, 96, 100)
_PHONE_STEP = 7_654_321  # coprime with 10**7: spreads the customer number over 7 digits


@dataclass
class Owner:
    pk: int
    country: str
    agent_id: int | None
    agent_code: str
    addresses: list[int]


class _Table:
    """Writes rows of `model` given as tuples (id, *values of `names`), filling other columns."""

    def __init__(self, model: type[models.Model], names: list[str]):
        meta = model._meta
        fields = [field for field in meta.concrete_fields if not field.primary_key]
        known = {field.attname for field in fields}
        if unknown := set(names) - known:
            raise ValueError(f"{meta.label} has no field {sorted(unknown)}")
        by_name = {field.attname: field for field in fields}
        rest = [field for field in fields if field.attname not in names]
        self.model = model
        self.table = meta.db_table
        self.columns = [meta.pk.column] + [by_name[name].column for name in names]
        self.columns += [field.column for field in rest]
        self.rest = tuple(_default(field) for field in rest)
        self.next_id = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        self.written = 0

    def ids(self, count: int) -> range:
        taken = range(self.next_id, self.next_id + count)
        self.next_id += count
        return taken

    def write(self, rows: list[tuple]) -> None:
        if not rows:
            return
        rest = self.rest
        if rest:
            rows = [row + rest for row in rows]
        qn = connection.ops.quote_name
        columns = ", ".join(qn(column) for column in self.columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                sql = f"COPY {qn(self.table)} ({columns}) FROM STDIN"
                with cursor.cursor.copy(sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                sql = f"INSERT INTO {qn(self.table)} ({columns}) VALUES ({marks})"
                cursor.executemany(sql, rows)
        self.written += len(rows)


def _default(field: models.Field):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        value = timezone.now()
    else:
        value = field.get_default()
    return field.get_db_prep_save(value, connection=connection)


def generate(
    customers: int,
    units: int,
    seed: int = 0,
    *,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Add `customers` customers and `units` units; return the number of rows made per kind."""
    say = progress or (lambda message: None)
    rng = random.Random(seed)
    ref = load_reference()
    _tune_sqlite()
    tables = {
        "customers": _Table(Customer, CUSTOMER_COLUMNS),
        "phones": _Table(Phone, ["customer_id", "number", "kind", "is_primary"]),
        "addresses": _Table(Address, ADDRESS_COLUMNS),
        "units": _Table(Unit, UNIT_COLUMNS),
        "meter_readings": _Table(MeterReading, ["unit_id", "value", "read_at"]),
    }
    started = time.monotonic()
    owners: list[Owner] = []
    for start in range(0, customers, CUSTOMER_CHUNK):
        size = min(CUSTOMER_CHUNK, customers - start)
        with transaction.atomic():
            owners.extend(_customers(rng, ref, tables, size))
        say(f"customers {start + size}/{customers} ({time.monotonic() - started:.0f} s)")
    if units and not owners:
        owners = _existing_owners(ref)
    serials = _serial_counters(ref)
    for start in range(0, units, UNIT_CHUNK):
        size = min(UNIT_CHUNK, units - start)
        with transaction.atomic():
            _units(rng, ref, tables, owners, serials, size)
        say(f"units {start + size}/{units} ({time.monotonic() - started:.0f} s)")
    _reset_sequences([table.model for table in tables.values() if table.written])
    return {name: table.written for name, table in tables.items()}


def _tune_sqlite() -> None:
    """A larger page cache for this connection: the indexes of a big load stay in memory."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")  # 256 MiB


def _reset_sequences(written: Iterable[type[models.Model]]) -> None:
    """PostgreSQL's id sequences must move past the ids taken here (SQLite's follow by itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(written))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


# --- customers ----------------------------------------------------------------------------------
CUSTOMER_COLUMNS = [
    "kind",
    "first_name",
    "last_name",
    "company_name",
    "display_name",
    "search_name",
    "search_last",
    "country",
    "national_id",
    "vat_number",
    "email",
    "preferred_language",
    "tier",
    "consent_sms",
    "consent_email",
    "consent_at",
]
ADDRESS_COLUMNS = [
    "customer_id",
    "label",
    "country",
    "region",
    "city",
    "line",
    "postal_code",
    "latitude",
    "longitude",
    "is_default",
]
_BY_COUNTRY = {
    country: [city for city in data.CITIES if city.country == country] for country in ("IR", "IT")
}
_CUMULATIVE = {
    country: list(itertools.accumulate(city.weight for city in cities))
    for country, cities in _BY_COUNTRY.items()
}


def _email_name(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha() and ch.isascii())


def _customers(rng: random.Random, ref: Reference, tables: dict, size: int) -> list[Owner]:
    customer_rows, phone_rows, address_rows, owners = [], [], [], []
    ids = tables["customers"].ids(size)
    for pk in ids:
        iran = rng.random() < SHARE_IRAN
        country = "IR" if iran else "IT"
        cities = _BY_COUNTRY[country]
        city = cities[bisect.bisect(_CUMULATIVE[country], rng.random() * _CUMULATIVE[country][-1])]
        customer_rows.append(_person(rng, pk, country, city))
        phone_rows.append((pk, _mobile(rng, iran, pk), "mobile", True))
        if rng.random() < 0.2:
            phone_rows.append((pk, _landline(rng, city), "landline", False))
        agent = ref.agents.get(city.agent) if city.agent else None
        owner = Owner(pk, country, agent.pk if agent else None, city.agent or "", [])
        owners.append(owner)
        for position in range(2 if rng.random() < 0.08 else 1):
            address_rows.append(_address(rng, pk, city, position))
    address_ids = tables["addresses"].ids(len(address_rows))
    for pk, row in zip(address_ids, address_rows, strict=True):
        owners[row[0] - ids.start].addresses.append(pk)
    phone_ids = tables["phones"].ids(len(phone_rows))
    tables["customers"].write(customer_rows)
    tables["phones"].write([(pk, *row) for pk, row in zip(phone_ids, phone_rows, strict=True)])
    tables["addresses"].write(
        [(pk, *row) for pk, row in zip(address_ids, address_rows, strict=True)]
    )
    return owners


def _person(rng: random.Random, pk: int, country: str, city: data.City) -> tuple:
    iran = country == "IR"
    female = rng.random() < 0.5
    if iran:
        first, first_latin = rng.choice(data.FA_FEMALE if female else data.FA_MALE)
        last, last_latin = rng.choice(data.FA_LAST)
    else:
        first = first_latin = rng.choice(data.IT_FEMALE if female else data.IT_MALE)
        last = last_latin = rng.choice(data.IT_LAST)
    company = rng.random() < SHARE_COMPANY
    company_name = national_id = vat_number = ""
    if company:
        if iran:
            company_name = rng.choice(data.FA_COMPANY).format(rng.choice(data.FA_COMPANY_WORDS))
        else:
            pattern = rng.choice(data.IT_COMPANY)
            word = (
                rng.choice(data.IT_COMPANY_WORDS) if pattern.startswith(("Hotel", "Rist")) else last
            )
            company_name = pattern.format(word)
            vat_number = data.partita_iva(rng)
    elif iran and rng.random() < 0.85:
        national_id = data.iran_national_code(rng)
    elif not iran and rng.random() < 0.8:
        birth = dt.date(1945, 1, 1) + dt.timedelta(days=rng.randrange(60 * 365))
        national_id = data.codice_fiscale(first, last, birth, female, city.belfiore)
    # What Customer.compose_name() and Customer.save() give.
    display = company_name if company else f"{first} {last}"
    email = ""
    if rng.random() < 0.35:
        domain = ("example.com", "example.net", "example.org")[rng.randrange(3)]
        email = f"{_email_name(first_latin)}.{_email_name(last_latin)}{pk}@{domain}"
    consent_sms = rng.random() < 0.7
    consent_email = bool(email) and rng.random() < 0.5
    consent_at = _moment(rng, dt.date(2023, 1, 1)) if consent_sms or consent_email else None
    language = ("fa" if iran else "it") if rng.random() < 0.97 else "en"
    tier = _TIERS[bisect.bisect(_TIER_CUMULATIVE, rng.randrange(100))]
    return (
        pk,
        "company" if company else "person",
        first,
        last,
        company_name,
        display,
        search_key(display),
        search_key(last or company_name),
        country,
        national_id,
        vat_number,
        email,
        language,
        tier,
        consent_sms,
        consent_email,
        consent_at,
    )


def _mobile(rng: random.Random, iran: bool, pk: int) -> str:
    """A valid mobile number; its last 7 digits come from the customer's id, so it is unique."""
    subscriber = f"{(pk * _PHONE_STEP + 1_234_567) % 10**7:07d}"
    if iran:
        return f"+98{data.IR_MOBILE[rng.randrange(len(data.IR_MOBILE))]}{subscriber}"
    return f"+39{data.IT_MOBILE[rng.randrange(len(data.IT_MOBILE))]}{subscriber}"


def _landline(rng: random.Random, city: data.City) -> str:
    if city.country == "IR":
        return f"+98{city.area_code}{rng.randrange(2, 10)}{rng.randrange(10**7):07d}"
    digits = data.IT_LANDLINE_DIGITS[city.area_code] - 1
    return f"+39{city.area_code}{rng.randrange(2, 10)}{rng.randrange(10**digits):0{digits}d}"


def _address(rng: random.Random, customer_id: int, city: data.City, position: int) -> tuple:
    if city.country == "IR":
        line = persian_digits(  # as Iranians write an address
            f"{rng.choice(data.FA_STREETS)}، کوچه {rng.randrange(1, 40)}، "
            f"پلاک {rng.randrange(1, 200)}، واحد {rng.randrange(1, 20)}"
        )
        postal = f"{city.postal}{rng.choice('13456789')}{rng.choice('13456789')}"
        postal += f"{rng.choice('13456789')}{rng.choice('13456789')}{rng.randrange(10**5):05d}"
        label = data.FA_LABELS[0] if position == 0 else rng.choice(data.FA_LABELS[3:])
    else:
        line = f"{rng.choice(data.IT_STREETS)} {rng.randrange(1, 250)}"
        postal = f"{city.postal}{rng.randrange(100):02d}"
        label = data.IT_LABELS[0] if position == 0 else rng.choice(data.IT_LABELS[3:])
    return (
        customer_id,
        label,
        city.country,
        city.region,
        city.name,
        line,
        postal,
        Decimal(f"{city.latitude + rng.uniform(-0.08, 0.08):.6f}"),
        Decimal(f"{city.longitude + rng.uniform(-0.08, 0.08):.6f}"),
        position == 0,
    )


def _moment(rng: random.Random, since: dt.date):
    """A time between `since` and the end of the data, in the form the database stores."""
    day = since + dt.timedelta(days=rng.randrange(max(1, (data.DATA_UNTIL - since).days)))
    moment = dt.datetime.combine(day, dt.time(rng.randrange(5, 20), rng.randrange(60)), dt.UTC)
    return connection.ops.adapt_datetimefield_value(moment)


def _existing_owners(ref: Reference) -> list[Owner]:
    """Customers already in the database, when units are generated without new customers."""
    agent_of_city = {city.name: city.agent for city in data.CITIES}
    owners: dict[int, Owner] = {}
    rows = Address.objects.order_by("customer_id", "-is_default", "pk").values_list(
        "customer_id", "pk", "city", "country"
    )
    for customer_id, address_id, city, country in rows.iterator(chunk_size=10_000):
        owner = owners.get(customer_id)
        if owner is None:
            agent = ref.agents.get(agent_of_city.get(city) or "")
            code = agent.code if agent else ""
            owner = owners[customer_id] = Owner(
                customer_id, country, agent.pk if agent else None, code, []
            )
        owner.addresses.append(address_id)
    return list(owners.values())


# --- units --------------------------------------------------------------------------------------
UNIT_COLUMNS = [
    "product_model_id",
    "serial",
    "status",
    "production_date",
    "batch",
    "sale_date",
    "dealer",
    "sale_invoice",
    "sale_price",
    "sale_currency",
    "installation_date",
    "installation_address_id",
    "installer_id",
    "owner_id",
    "service_agent_id",
    "source",
]
_MODELS = data.PRODUCT_MODELS
_MODEL_CUMULATIVE = list(itertools.accumulate(model.weight for model in _MODELS))
_DAY = dt.timedelta(days=1)


def _serial_counters(ref: Reference) -> dict[str, int]:
    """The next sequence number per model: serials stay unique when generating again."""
    existing = dict(
        Unit.objects.values("product_model__code")
        .annotate(n=Count("pk"))
        .values_list("product_model__code", "n")
    )
    return {code: existing.get(code, 0) + 1 for code in ref.models}


@dataclass(frozen=True)
class _Plan:
    """What a unit of one model needs, looked up once."""

    model: data.Model
    model_id: int
    span: int  # days in which units of the model were made
    metered: bool
    installers: dict[str, list[int]]  # agent code -> technicians who install this category


def _plans(ref: Reference) -> list[_Plan]:
    plans = []
    for model in _MODELS:
        last = min(model.end or data.DATA_UNTIL, data.DATA_UNTIL - 20 * _DAY)
        installers = {
            code: [pk for pk, skills in team if model.category in skills]
            for code, team in ref.technicians.items()
        }
        plans.append(
            _Plan(
                model=model,
                model_id=ref.models[model.code].pk,
                span=(last - model.launch).days,
                metered=data.USAGE_METERS[model.category] != "none",
                installers=installers,
            )
        )
    return plans


CURRENCY_OF_COUNTRY = {"IR": "IRR", "IT": "EUR"}


def sale_price(prices: random.Random, model: data.Model, sold: dt.date, currency: str) -> Decimal:
    """A plausible price before tax of a unit of `model` sold on `sold`, in `currency`: the
    list price of that day, give or take the dealer's margin; whole 100,000 rials or euros."""
    rials, euros = data.PRICES_2025[model.code]
    listed = rials if currency == "IRR" else euros
    years = (sold - dt.date(2025, 1, 1)).days / 365.25  # negative before 2025
    price = listed * (1 + data.YEARLY_PRICE_RISE[currency]) ** years
    price *= 1 + prices.uniform(-data.DEALER_MARGIN, data.DEALER_MARGIN)
    step = 100_000 if currency == "IRR" else 1
    return Decimal(max(1, round(price / step)) * step)


def _units(rng, ref: Reference, tables: dict, owners: list[Owner], serials, size: int) -> None:
    plans = _plans(ref)
    # prices from a generator of their own: the rest of the data stays as it was without them
    prices = random.Random(f"prices-{tables['units'].next_id}")
    chosen = rng.choices(plans, cum_weights=_MODEL_CUMULATIVE, k=size)
    rows, readings = [], []
    random_ = rng.random
    randrange = rng.randrange
    until = data.DATA_UNTIL
    dealers = data.DEALERS
    n_owners = len(owners)
    for pk, plan in zip(tables["units"].ids(size), chosen, strict=True):
        model = plan.model
        produced = model.launch + _DAY * randrange(plan.span)
        yymm = f"{produced.year % 100:02d}{produced.month:02d}"
        sequence = serials[model.code]
        serials[model.code] = sequence + 1
        sold = produced + _DAY * randrange(7, 300)
        owner = None
        if n_owners and sold <= until and random_() >= SHARE_UNSOLD:
            owner = owners[randrange(n_owners)]
        installed = installer = address = price = None
        currency = "IRR"
        dealer = invoice = ""
        if owner is None:
            sold = None
        else:
            country_dealers = dealers[owner.country]
            dealer = country_dealers[randrange(len(country_dealers))]
            invoice = f"F{sold.year % 100:02d}-{randrange(10**6):06d}"
            currency = CURRENCY_OF_COUNTRY.get(owner.country, "IRR")
            price = sale_price(prices, model, sold, currency)
            installed = sold + _DAY * (randrange(6) if model.category == "wm" else randrange(1, 21))
            if installed > until:
                installed = None
            if owner.addresses:
                address = owner.addresses[0 if random_() < 0.9 else -1]
            if installed and model.category != "wm" and random_() < 0.6:
                team = plan.installers.get(owner.agent_code)
                installer = team[randrange(len(team))] if team else None
        rows.append(
            (
                pk,
                plan.model_id,
                f"{model.serial_prefix}{yymm}{sequence:07d}",
                "scrapped" if random_() < 0.01 else "active",
                produced,
                f"{model.serial_prefix}-{yymm}-{randrange(1, 4)}",
                sold,
                dealer,
                invoice,
                price,
                currency,
                installed,
                address,
                installer,
                owner.pk if owner else None,
                owner.agent_id if owner else None,
                "import",
            )
        )
        if plan.metered and installed is not None and random_() < SHARE_WITH_READINGS:
            readings.extend(_readings(rng, pk, model, installed))
    tables["units"].write(rows)
    reading_ids = tables["meter_readings"].ids(len(readings))
    tables["meter_readings"].write(
        [(pk, *row) for pk, row in zip(reading_ids, readings, strict=True)]
    )


def _readings(rng: random.Random, unit_id: int, model: data.Model, installed: dt.date):
    """One to three readings of the usage meter, rising, between installation and today."""
    per_day = 4.0 if model.category == "ac" else 0.6  # running hours or wash cycles a day
    span = (data.DATA_UNTIL - installed).days
    days = sorted(rng.randrange(span + 1) for _ in range(rng.randrange(1, 4)))
    rows, value, previous = [], 0.0, 0
    for day in days:
        value += (day - previous) * per_day * rng.uniform(0.5, 1.5)
        previous = day
        moment = dt.datetime.combine(
            installed + _DAY * day, dt.time(rng.randrange(6, 18), rng.randrange(60)), dt.UTC
        )
        rows.append(
            (unit_id, Decimal(f"{value:.1f}"), connection.ops.adapt_datetimefield_value(moment))
        )
    return rows
