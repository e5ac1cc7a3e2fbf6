"""Benchmark: one coverage decision, in process (target: median under 2 ms).

    .venv/bin/python -m bench.warranty_coverage [--units N] [--decisions N]
                                                [--only sqlite|postgresql]

Builds a fresh world (`build_world` below, shared with `warranty_claims`: 15 models in 3 categories
with policies, a compressor rule, guarantees, Italian and Iranian legal minimums, units of both
countries, some transferred, some with contracts), warms the rule cache, then times `coverage_for`
for random units, days and meters with a part, labour and travel line each: the unit is loaded with
its model and owner, as a page or a claim has it. Prints median, p95 and max in milliseconds.

Each database runs in a child process of its own (`run_children`) with a fresh database: a SQLite
file under /tmp/aftersales-bench-warranty-sqlite, or the PostgreSQL database
`aftersales_bench_warranty` on DATABASE_URL's server."""

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from bench._harness import child_env

TARGET_MS = 2.0


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--decisions", type=int, default=2_000)
    parser.add_argument("--child", choices=["sqlite", "postgresql"])
    args, rest = parser.parse_known_args(argv)
    if not args.child:
        return run_children(
            "bench.warranty_coverage",
            ["--units", str(args.units), "--decisions", str(args.decisions), *rest],
        )
    version = fresh_database(args.child)
    unit_ids, parts_by_model, _codes, _ = build_world(args.units)
    from aftersales.units.models import Unit
    from aftersales.warranty.coverage import Line, coverage_for

    rng = random.Random(7)
    picks = [rng.choice(unit_ids) for _ in range(args.decisions + 200)]
    units = Unit.objects.select_related("product_model", "owner").in_bulk(picks)
    times = []
    covered = 0
    for number, pk in enumerate(picks):
        unit = units[pk]
        on = unit.sale_date + dt.timedelta(days=rng.randrange(1200))
        meter = Decimal(rng.randrange(15000)) if unit.product_model.usage_meter != "none" else None
        lines = [
            Line.part(rng.choice(parts_by_model[unit.product_model_id])),
            Line.labour(),
            Line.travel(),
        ]
        started = time.perf_counter()
        decision = coverage_for(unit=unit, on=on, meter=meter, lines=lines)
        elapsed = (time.perf_counter() - started) * 1000
        if number >= 200:  # after the warm-up
            times.append(elapsed)
            covered += decision.covered
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"\n{version}: {len(unit_ids):,} units; {len(times)} decisions (3 lines each): "
        f"median {median:.3f} ms   p95 {p95:.3f} ms   max {max(times):.3f} ms   "
        f"covered {covered}/{len(times)}"
    )
    print(f"  target median < {TARGET_MS} ms: {'met' if median < TARGET_MS else 'MISSED'}")
    return 0


# --- shared with bench.warranty_claims ---------------------------------------------------------


ROOT = Path(__file__).resolve().parent.parent
PG_NAME = "aftersales_bench_warranty"


def run_children(module: str, extra: list[str]) -> int:
    databases = ["sqlite"] + (["postgresql"] if os.environ.get("DATABASE_URL") else [])
    if "--only" in extra:
        databases = [extra[extra.index("--only") + 1]]
        extra = [a for i, a in enumerate(extra) if a != "--only" and extra[i - 1] != "--only"]
    failed = False
    for database in databases:
        env = _child_env(database)
        command = [sys.executable, "-m", module, "--child", database, *extra]
        failed |= subprocess.run(command, env=env, cwd=ROOT).returncode != 0
    return 1 if failed else 0


def _child_env(database: str) -> dict:
    return child_env(
        database=database, var_dir=f"/tmp/aftersales-bench-warranty-{database}", pg_name=PG_NAME
    )


def fresh_database(database: str) -> str:
    """Empty the child's database, set Django up, migrate; returns a description."""
    if database == "sqlite":
        shutil.rmtree(os.environ["AFTERSALES_VAR_DIR"], ignore_errors=True)
        Path(os.environ["AFTERSALES_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    else:
        import psycopg

        with psycopg.connect(os.environ["BENCH_ADMIN_URL"], autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{PG_NAME}"')
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def build_world(units: int, seed: int = 2026):
    """Categories with policies (a compressor rule, guarantees), Italian and Iranian legal
    minimums, `units` units owned by customers of both countries, some transferred, some with
    contracts. Returns (unit ids, part ids by model id, failure code ids)."""
    from aftersales.catalog.models import Category, FailureCode, Part, ProductModel
    from aftersales.customers.models import Customer
    from aftersales.units.models import OwnershipChange, Unit
    from aftersales.warranty import services
    from aftersales.warranty.defaults import load_defaults
    from aftersales.warranty.models import ExtendedContract, StandardTime

    rng = random.Random(seed)
    categories = [
        Category.objects.create(code=code, name_en=code.upper()) for code in ("ac", "wm", "dw")
    ]
    models = []
    parts_by_model: dict[int, list[int]] = {}
    for category in categories:
        for number in range(5):
            meter = {"ac": "hours", "wm": "cycles", "dw": "none"}[category.code]
            model = ProductModel.objects.create(
                code=f"{category.code}-{number}",
                name=f"{category.code} {number}",
                category=category,
                usage_meter=meter,
            )
            models.append(model)
            for kind in ("Compressor", "Board", "Fan"):
                part = Part.objects.create(sku=f"{model.code}-{kind}", name=kind)
                part.compatible_models.add(model)
                parts_by_model.setdefault(model.pk, []).append(part.pk)
    load_defaults()
    policy = services.policy_create(
        by=None, name="AC 2026 models", product_model=models[0], months=36, usage_limit=20000
    )
    services.part_coverage_set(
        policy=policy, part=Part.objects.get(sku=f"{models[0].code}-Compressor"), months=60, by=None
    )
    codes = []
    for number in range(20):
        code = FailureCode.objects.create(
            code=f"F{number:03d}", level="repair", name_en=f"R{number}"
        )
        StandardTime.objects.create(failure_code=code, minutes=60 + number * 5)
        codes.append(code.pk)
    owners = Customer.objects.bulk_create(
        [
            Customer(
                first_name="N",
                last_name=str(i),
                display_name=f"N {i}",
                search_name=f"n {i}",
                search_last=str(i),
                country="IR" if i % 3 else "IT",
            )
            for i in range(max(units // 2, 1))
        ],
        batch_size=2000,
    )
    start = dt.date(2023, 1, 1)
    rows = []
    for i in range(units):
        sale = start + dt.timedelta(days=rng.randrange(900))
        rows.append(
            Unit(
                product_model=models[rng.randrange(len(models))],
                serial=f"B{i:09d}",
                owner=owners[i % len(owners)],
                sale_date=sale,
                installation_date=sale + dt.timedelta(days=rng.randrange(20)),
            )
        )
    created = Unit.objects.bulk_create(rows, batch_size=2000)
    changes, contracts = [], []
    for unit in created[::20]:
        changes.append(
            OwnershipChange(
                unit=unit,
                previous_owner=unit.owner,
                new_owner=owners[(unit.pk + 1) % len(owners)],
                date=unit.sale_date + dt.timedelta(days=200),
            )
        )
    for number, unit in enumerate(created[5::25]):
        contracts.append(
            ExtendedContract(
                number=f"EW-B-{number}",
                unit=unit,
                starts=unit.sale_date + dt.timedelta(days=700),
                ends=unit.sale_date + dt.timedelta(days=1500),
            )
        )
    OwnershipChange.objects.bulk_create(changes, batch_size=2000)
    ExtendedContract.objects.bulk_create(contracts, batch_size=2000)
    return [unit.pk for unit in created], parts_by_model, codes, Decimal


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
