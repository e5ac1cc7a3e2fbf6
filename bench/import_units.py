"""Benchmark: import 100,000 units sold from a CSV file, then import the same file again.

    .venv/bin/python -m bench.import_units [--rows N]

Builds the CSV in a temporary directory (rows across 20 product models, a fifth of them with a
customer's phone), then, on a fresh SQLite database (and on a fresh PostgreSQL database next to
DATABASE_URL's, when it is set), migrates, runs `import_units` and prints the time, the rows per
second and the counts; then imports the same file again, which must create nothing.

Each database runs in its own process, since the settings choose the database when loaded.
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

MODELS = 20
AGENTS = 12
PHONE_SHARE = 0.2


def build_csv(path: Path, rows: int) -> None:
    """A file like the ERP's: mixed date styles, some owners with phones and addresses."""
    rng = random.Random(1404)
    persian = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    cities = [("Tehran", "Tehran"), ("Tabriz", "East Azerbaijan"), ("Shiraz", "Fars")]
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
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
            ]
        )
        for index in range(rows):
            model = index % MODELS
            month = 1 + index % 12
            day = 1 + index % 28
            style = index % 4
            if style == 0:
                made, sold = f"2023-{month:02d}-{day:02d}", f"2024-{month:02d}-{day:02d}"
            elif style == 1:
                made, sold = f"{day:02d}/{month:02d}/2023", f"{day:02d}/{month:02d}/2024"
            elif style == 2:
                made, sold = f"1402/{month:02d}/{day:02d}", f"1403/{month:02d}/{day:02d}"
            else:
                made = f"1402/{month:02d}/{day:02d}".translate(persian)
                sold = f"1403/{month:02d}/{day:02d}".translate(persian)
            name = phone = city = region = address = ""
            if rng.random() < PHONE_SHARE:
                owner = rng.randrange(rows // 6 or 1)
                name = f"Customer {owner}"
                phone = f"0912{owner:07d}"
                city, region = cities[owner % len(cities)]
                address = f"{owner % 200 + 1} Valiasr St"
            writer.writerow(
                [
                    f"BM-{model:02d}",
                    f"SN{model:02d}-{index:08d}",
                    made,
                    f"B{month:02d}",
                    sold,
                    "Bench Dealer",
                    f"INV-{index}",
                    f"BA-{index % AGENTS:02d}" if index % 3 else "",
                    name,
                    phone,
                    "",
                    city,
                    region,
                    address,
                ]
            )


def run_one(csv_path: Path) -> dict:
    """Inside a child process: set Django up, migrate, import twice, return the figures."""
    import django

    django.setup()
    from auditlog.models import LogEntry
    from django.core.files import File
    from django.core.management import call_command
    from django.db import connection

    from aftersales.agents.models import Agent
    from aftersales.catalog.models import Category, ProductModel
    from aftersales.core.models import User
    from aftersales.customers.models import Customer
    from aftersales.units.importing import import_units
    from aftersales.units.models import ImportBatch, Unit

    call_command("migrate", verbosity=0, interactive=False)
    category = Category.objects.create(code="bench", name_en="Bench", name_fa="آزمون")
    for number in range(MODELS):
        ProductModel.objects.create(
            code=f"BM-{number:02d}", name=f"Bench {number}", category=category
        )
    Agent.objects.bulk_create(
        Agent(code=f"BA-{number:02d}", name=f"Bench agent {number}", city="Tehran")
        for number in range(AGENTS)
    )
    user = User.objects.create(username="bench", role="operator")

    def timed_import() -> tuple[float, float, ImportBatch]:
        batch = ImportBatch(file_name=csv_path.name, sha256="bench", uploaded_by=user)
        with csv_path.open("rb") as handle:
            batch.file.save(csv_path.name, File(handle), save=False)
        batch.save()
        start, cpu = time.perf_counter(), time.process_time()
        batch = import_units(batch=batch)
        return time.perf_counter() - start, time.process_time() - cpu, batch

    first_time, first_cpu, first = timed_import()
    units_after_first = Unit.objects.count()
    second_time, second_cpu, second = timed_import()
    return {
        "vendor": connection.vendor,
        "first_seconds": first_time,
        "first_cpu": first_cpu,
        "first": {
            "status": first.status,
            "rows": first.rows_total,
            "created": first.rows_created,
            "existing": first.rows_existing,
            "failed": first.rows_failed,
            "message": first.message,
        },
        "second_seconds": second_time,
        "second_cpu": second_cpu,
        "second": {
            "status": second.status,
            "created": second.rows_created,
            "existing": second.rows_existing,
            "failed": second.rows_failed,
        },
        "units": Unit.objects.count(),
        "units_after_first": units_after_first,
        "customers": Customer.objects.count(),
        "audit_entries": LogEntry.objects.count(),
    }


def _child_env(var_dir: str, database_url: str | None) -> dict:
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "aftersales.settings"
    env["AFTERSALES_VAR_DIR"] = var_dir
    env["AFTERSALES_TASKS"] = "immediate"
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _fresh_postgres(url: str) -> tuple[str, str, str]:
    """A new, empty database on DATABASE_URL's server: (its URL, the admin URL, its name)."""
    import psycopg

    parts = urlsplit(url)
    name = f"as_bench_import_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), url, name


def _drop_postgres(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _report(label: str, rows: int, figures: dict) -> None:
    first, second = figures["first"], figures["second"]
    seconds = figures["first_seconds"]
    print(f"\n{label}")
    print(
        f"  first import : {seconds:7.2f} s  {rows / seconds:9,.0f} rows/s  "
        f"(this process's CPU: {figures['first_cpu']:.2f} s)  "
        f"status={first['status']} rows={first['rows']:,} created={first['created']:,} "
        f"existing={first['existing']:,} failed={first['failed']:,}"
    )
    if first["message"]:
        print(f"                 message: {first['message']}")
    print(
        f"  same again   : {figures['second_seconds']:7.2f} s  "
        f"{rows / figures['second_seconds']:9,.0f} rows/s  "
        f"(this process's CPU: {figures['second_cpu']:.2f} s)  status={second['status']} "
        f"created={second['created']:,} (new units: "
        f"{figures['units'] - figures['units_after_first']}) existing={second['existing']:,}"
    )
    print(
        f"  database now : {figures['units']:,} units, {figures['customers']:,} customers, "
        f"{figures['audit_entries']:,} audit entries"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(Path(args.child))))
        return 0

    with tempfile.TemporaryDirectory(prefix="as_bench_import_") as tmp:
        csv_path = Path(tmp) / "units.csv"
        build_csv(csv_path, args.rows)
        size = csv_path.stat().st_size / 1024 / 1024
        print(f"Import of units sold: {args.rows:,} rows, {size:.1f} MB CSV, {os.cpu_count()} CPUs")
        targets = [("SQLite (fresh file, WAL)", None)]
        if os.environ.get("DATABASE_URL"):
            targets.append(("PostgreSQL (fresh database)", os.environ["DATABASE_URL"]))
        failed = False
        for label, url in targets:
            var_dir = tempfile.mkdtemp(dir=tmp)
            dropper = None
            if url:
                url, admin_url, name = _fresh_postgres(url)
                dropper = (admin_url, name)
            try:
                result = subprocess.run(
                    [sys.executable, "-m", "bench.import_units", "--child", str(csv_path)],
                    env=_child_env(var_dir, url),
                    capture_output=True,
                    text=True,
                    cwd=Path(__file__).resolve().parent.parent,
                )
            finally:
                if dropper:
                    _drop_postgres(*dropper)
            if result.returncode != 0:
                failed = True
                print(f"\n{label}: failed\n{result.stderr[-4000:]}")
                continue
            _report(label, args.rows, json.loads(result.stdout.strip().splitlines()[-1]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
