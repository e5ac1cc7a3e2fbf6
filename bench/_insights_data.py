"""Data for `bench.insights`, generated in PostgreSQL with `generate_series` (deterministic:
every "random" choice is arithmetic on the row number).

Small reference tables (agents, technicians, models ...) go through the ORM; the big ones are
one `INSERT ... SELECT` each. Columns we do not set explicitly get their model default, so the
generator follows the models as other apps add columns."""

from __future__ import annotations

import datetime as dt
import json

AGENTS = 300
REGIONS = 30
TECHS_PER_AGENT = 5
CATEGORIES = 10
MODELS_PER_CATEGORY = 20
CUSTOMERS = 200_000
PARTS = 100


def _default_sql(field):
    """A literal for a NOT NULL column's model default (or an empty value)."""
    from django.db import models

    default = field.get_default() if field.has_default() else None
    if default == "" and isinstance(field, models.FileField):
        return ""
    if isinstance(field, models.JSONField):
        return json.dumps(default if default is not None else {})
    if default is None:
        if isinstance(field, (models.CharField, models.TextField, models.FileField)):
            return ""
        if isinstance(field, models.BooleanField):
            return False
        if isinstance(field, (models.IntegerField, models.DecimalField, models.FloatField)):
            return 0
        if isinstance(field, models.DateTimeField):
            return dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        if isinstance(field, models.DateField):
            return dt.date(2026, 1, 1)
    return getattr(default, "value", default)


def insert_series(model, count: int, columns: dict[str, str], *, source: str | None = None):
    """INSERT `count` rows of `model` from `generate_series(1, count) AS i` (or `source`, which
    names its own alias), with `columns` as SQL expressions and defaults for the rest."""
    from django.db import connection

    table = model._meta.db_table
    params = []
    names, values = [], []
    for field in model._meta.concrete_fields:
        column = field.column
        if column in columns:
            names.append(column)
            values.append(columns[column].replace("%", "%%"))
        elif not field.null and not field.primary_key:
            names.append(column)
            values.append("%s")
            params.append(_default_sql(field))
    source = (source or f"generate_series(1::bigint, {int(count)}) AS i").replace("%", "%%")
    statement = (
        f'INSERT INTO "{table}" ({", ".join(names)}) SELECT {", ".join(values)} FROM {source}'
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT MAX(id) FROM "{table}"), 1))'
        )


BIG_TABLES = (
    "customers_customer",
    "units_unit",
    "service_servicerequest",
    "service_visit",
    "warranty_claim",
    "parts_demandline",
)


def _drop_indexes() -> list[str]:
    """Drop the secondary indexes of the big tables (not those behind a constraint); returns
    their definitions, to build them again once the rows are in (much faster than keeping
    them up to date row by row)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "WHERE i.tablename = ANY(%s) AND i.indexname NOT IN "
            "(SELECT conname FROM pg_constraint WHERE conindid <> 0) "
            "AND i.indexname NOT LIKE '%%_pkey'",
            [list(BIG_TABLES)],
        )
        found = cursor.fetchall()
        for name, _ in found:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _, definition in found]


def _create_indexes(definitions: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        for definition in definitions:
            cursor.execute(definition)


def generate(*, scale: float, today: dt.date) -> dict[str, int]:
    """The whole data set (see `bench.insights`); foreign keys are right by construction, so
    their triggers are switched off for the load (`session_replication_role`)."""
    import time

    from django.db import connection

    started = time.monotonic()
    indexes = _drop_indexes()
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("SET synchronous_commit = off")
    try:
        counts = _generate(scale=scale, today=today)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")
    loaded = time.monotonic() - started
    started = time.monotonic()
    _create_indexes(indexes)
    print(
        f"rows loaded in {loaded:.0f} s, {len(indexes)} secondary indexes built in "
        f"{time.monotonic() - started:.0f} s",
        flush=True,
    )
    return counts


def _generate(*, scale: float, today: dt.date) -> dict[str, int]:
    from django.db import transaction

    from aftersales.agents.models import Agent
    from aftersales.catalog.models import Category, Part, ProductModel
    from aftersales.customers.models import Customer
    from aftersales.parts.models import DemandLine, Warehouse
    from aftersales.service.models import ServiceRequest, ServiceType, Visit
    from aftersales.units.models import Unit
    from aftersales.warranty.models import Claim
    from aftersales.workforce.models import Technician

    visits = int(10_000_000 * scale)
    requests = visits * 4 // 5  # a quarter of them need a second visit
    units = max(int(5_000_000 * scale), 1000)
    claims = max(int(500_000 * scale), 100)
    demand = max(int(1_000_000 * scale), 100)
    customers = max(min(CUSTOMERS, units // 10), 100)
    with transaction.atomic():
        agents = Agent.objects.bulk_create(
            Agent(
                code=f"AG{n:03d}",
                name=f"Agent {n}",
                city=f"City {n % REGIONS}",
                region=f"Region {n % REGIONS:02d}",
            )
            for n in range(AGENTS)
        )
        technicians = Technician.objects.bulk_create(
            Technician(first_name="Tech", last_name=f"{a.code}-{k}", agent=a)
            for a in agents
            for k in range(TECHS_PER_AGENT)
        )
        categories = Category.objects.bulk_create(
            Category(code=f"c{n}", name_en=f"Category {n}") for n in range(CATEGORIES)
        )
        ProductModel.objects.bulk_create(
            ProductModel(code=f"M{c.pk}-{n}", name=f"Model {c.pk}-{n}", category=c)
            for c in categories
            for n in range(MODELS_PER_CATEGORY)
        )
        Part.objects.bulk_create(Part(sku=f"P{n:04d}", name=f"Part {n}") for n in range(PARTS))
        Warehouse.objects.bulk_create(
            Warehouse(code=f"W{a.code}", name=f"Store {a.code}", kind="agent", agent=a)
            for a in agents
        )
    first_agent, first_tech = agents[0].pk, technicians[0].pk
    first_model = ProductModel.objects.order_by("pk").values_list("pk", flat=True).first()
    models = CATEGORIES * MODELS_PER_CATEGORY
    first_part = Part.objects.order_by("pk").values_list("pk", flat=True).first()
    first_warehouse = Warehouse.objects.order_by("pk").values_list("pk", flat=True).first()
    types = list(ServiceType.objects.order_by("pk").values_list("pk", flat=True))
    type_array = "ARRAY[" + ",".join(str(pk) for pk in types) + "]"

    insert_series(
        Customer,
        customers,
        {
            "id": "i",
            "first_name": "'Customer'",
            "last_name": "'No ' || i",
            "display_name": "'Customer ' || i",
            "search_name": "'customer ' || i",
            "search_last": "'no ' || i",
            "created_at": "now()",
            "updated_at": "now()",
        },
    )
    unit_agent = f"({first_agent} + (i * 7) % {AGENTS})"
    sale_days = (today - dt.date(2016, 1, 1)).days
    insert_series(
        Unit,
        units,
        {
            "id": "i",
            "product_model_id": f"{first_model} + (i * 13) % {models}",
            "serial": "'SN' || lpad(i::text, 9, '0')",
            "owner_id": f"1 + i % {customers}",
            "service_agent_id": unit_agent,
            "sale_date": f"DATE '2016-01-01' + ((i * 7919) % {sale_days})::int",
            # 200 to 999 million rials, one unit in fifty without a price
            "sale_price": "CASE WHEN i % 50 = 0 THEN NULL "
            "ELSE (200 + (i * 31) % 800) * 1000000 END",
            "status": "'active'",
            "created_at": "now()",
        },
    )
    # requests: over the last three years, in order; the unit's agent answers
    span = 3 * 365 * 86400
    start = dt.datetime.combine(today - dt.timedelta(days=3 * 365), dt.time(4, 30), tzinfo=dt.UTC)
    opened = (  # spread evenly over the three years (integer arithmetic, no drift)
        f"(TIMESTAMPTZ '{start.isoformat()}' "
        f"+ ((i - 1) * {span} / {max(requests, 1)} + (i * 37) % 3600) * INTERVAL '1 second')"
    )
    unit_of = f"(1 + (i * 104729) % {units})"
    resolved = "(i % 13 <> 0)"

    def hours(base: int) -> str:
        return f"({base} + (i * 17) % 120) * INTERVAL '1 hour'"

    insert_series(
        ServiceRequest,
        requests,
        {
            "id": "i",
            "number": "'B-' || i",
            "service_type_id": f"({type_array})[1 + i % {len(types)}]",
            "customer_id": f"1 + {unit_of} % {customers}",
            "unit_id": unit_of,
            "agent_id": f"({first_agent} + ({unit_of} * 7) % {AGENTS})",
            "channel": "'phone'",
            "description": "'bench'",
            "status": f"CASE WHEN {resolved} THEN 'closed' ELSE 'in_progress' END",
            "priority": "2",
            "priority_score": "1",
            "calendar": "'IR'",
            "opened_at": opened,
            "response_due": f"{opened} + INTERVAL '8 hours'",
            "resolution_due": f"{opened} + INTERVAL '3 days'",
            "responded_at": f"{opened} + ((i * 31) % 600) * INTERVAL '1 minute'",
            "resolved_at": f"CASE WHEN {resolved} THEN {opened} + {hours(1)} END",
            "closed_at": f"CASE WHEN {resolved} THEN {opened} + {hours(2)} END",
            "first_time_fix": f"CASE WHEN {resolved} THEN i % 4 <> 0 AND i % 9 <> 0 END",
        },
    )
    technician = (
        f"({first_tech} + (r.agent_id - {first_agent}) * {TECHS_PER_AGENT} "
        f"+ r.id % {TECHS_PER_AGENT})"
    )
    visit_columns = {
        "request_id": "r.id",
        "technician_id": technician,
        "status": "CASE WHEN r.id % 50 = 0 THEN 'cancelled' ELSE 'done' END",
        "labour_minutes": "30 + (r.id % 4) * 30",
        "result": "'fixed'",
        "checklist": "'{}'::jsonb",
    }
    insert_series(
        Visit,
        requests,
        {
            **visit_columns,
            "id": "r.id",
            "number": "'BV-' || r.id",
            "window_start": "r.opened_at + INTERVAL '20 hours'",
            "window_end": "r.opened_at + INTERVAL '22 hours'",
        },
        source='"service_servicerequest" r',
    )
    insert_series(
        Visit,
        visits - requests,
        {
            **visit_columns,
            "id": f"{requests} + r.id / 4",
            "number": "'BV2-' || r.id",
            "window_start": "r.opened_at + INTERVAL '6 days'",
            "window_end": "r.opened_at + INTERVAL '6 days 2 hours'",
        },
        source='"service_servicerequest" r WHERE r.id % 4 = 0',
    )
    days = (today - dt.date(2023, 11, 1)).days
    insert_series(
        Claim,
        claims,
        {
            "id": "i",
            "number": "'BC-' || i",
            "unit_id": f"1 + (i * 7919) % {units}",
            "agent_id": f"{first_agent} + (((1 + (i * 7919) % {units}) * 7) % {AGENTS})",
            "failure_date": f"DATE '2023-11-01' + ((i * 31) % {days})::int",
            "status": "CASE WHEN i % 10 = 0 THEN 'rejected' "
            "WHEN i % 7 = 0 THEN 'partly' ELSE 'approved' END",
            "claimed_total": "3000000",
            "approved_total": "CASE WHEN i % 10 = 0 THEN 0 "
            "WHEN i % 7 = 0 THEN 1500000 ELSE 3000000 END",
            "submitted_at": "now()",
            "decided_at": "TIMESTAMPTZ '2026-11-01 00:00+00'",
        },
    )
    insert_series(
        DemandLine,
        demand,
        {
            "id": "i",
            "warehouse_id": f"{first_warehouse} + i % {AGENTS}",
            "part_id": f"{first_part} + i % {PARTS}",
            "quantity": "1 + i % 3",
            "served": "i % 11 <> 0",
            "document_type": "'visit'",
            "document_number": "'BV-' || i",
            "at": f"TIMESTAMPTZ '2023-11-01 06:00+00' "
            f"+ ((i * 104729) % ({days} * 86400)) * INTERVAL '1 second'",
        },
    )
    return {
        "units": units,
        "requests": requests,
        "visits": Visit.objects.count(),
        "claims": claims,
        "demand lines": demand,
        "customers": customers,
        "agents": AGENTS,
        "technicians": len(technicians),
    }
