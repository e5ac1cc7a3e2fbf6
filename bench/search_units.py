"""Benchmark: the operator's search by phone and by serial on 1,000,000 units, 400,000 customers.

    .venv/bin/python -m bench.search_units [--units N] [--customers N] [--rebuild]

Builds the database once with `aftersales.demo.generate` and keeps it for the next run: a SQLite
file in /tmp/aftersales-bench-sqlite, and, when DATABASE_URL is set, the PostgreSQL database
`aftersales_bench_search` on DATABASE_URL's server (marked as built in
/tmp/aftersales-bench-postgresql; it is ANALYZEd on every run, as autovacuum would do after a
bulk load, so the planner has statistics). Then, after a warm-up, it times 200 searches by phone
(existing numbers typed as E.164, nationally, nationally with spaces, with Persian digits)
through `customers_find` and 200 by serial (as stored, lower-case, with spaces, with Persian
digits) through `units_find`, each evaluated as `list(queryset[:20])`, and prints median, p95
and max in milliseconds with how many searches found the record, and the query plan of one
search of each kind. Target: median under 50 ms.

Each database runs in its own process, since the settings choose the database when loaded.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench._harness import child_env

ROOT = Path(__file__).resolve().parent.parent
UNITS = 1_000_000
CUSTOMERS = 400_000
SEED = 2026
SEARCHES = 200
WARM_UP = 20
TARGET_MS = 50
PG_NAME = "aftersales_bench_search"


# --- the parent: one child per database ---------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=UNITS)
    parser.add_argument("--customers", type=int, default=CUSTOMERS)
    parser.add_argument("--rebuild", action="store_true", help="build the database anew")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="one database only")
    parser.add_argument("--child", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)

    databases = ["sqlite"] + (["postgresql"] if os.environ.get("DATABASE_URL") else [])
    if args.only:
        databases = [args.only]
    if "postgresql" in databases and not os.environ.get("DATABASE_URL"):
        parser.error("PostgreSQL needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/x)")
    failed = False
    for database in databases:
        env = _child_env(database)
        command = [sys.executable, "-m", "bench.search_units", "--child", database]
        command += ["--units", str(args.units), "--customers", str(args.customers)]
        if args.rebuild:
            command.append("--rebuild")
        result = subprocess.run(command, env=env, cwd=ROOT)
        failed = failed or result.returncode != 0
    return 1 if failed else 0


def _var_dir(database: str) -> Path:
    return Path(f"/tmp/aftersales-bench-{database}")


def _child_env(database: str) -> dict:
    return child_env(database=database, var_dir=str(_var_dir(database)), pg_name=PG_NAME)


# --- the child: build or reuse, then time -------------------------------------------------------
def child(args) -> int:
    var_dir = _var_dir(args.child)
    marker = var_dir / "built.json"
    wanted = {"units": args.units, "customers": args.customers, "seed": SEED}
    built = json.loads(marker.read_text()) if marker.exists() else None
    if args.rebuild or not built or built.get("size") != wanted:
        _wipe(args.child, var_dir)
        built = None
    var_dir.mkdir(parents=True, exist_ok=True)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    if built is None:
        from aftersales.demo.generate import generate

        started = time.monotonic()
        counts = generate(args.customers, args.units, SEED, progress=_progress)
        built = {"size": wanted, "seconds": time.monotonic() - started, "counts": counts}
        marker.write_text(json.dumps(built))
        how = "built now"
    else:
        how = "reused"
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum would gather them after a bulk load (when it is on).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    version = connection.Database.sqlite_version if args.child == "sqlite" else None
    if version is None:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
    counts = built["counts"]
    print(
        f"\n{connection.display_name} {version}: {counts['units']:,} units, "
        f"{counts['customers']:,} customers, {counts['phones']:,} phones "
        f"({how}; generated in {built['seconds']:.0f} s)",
        flush=True,
    )
    return _measure()


def _wipe(database: str, var_dir: Path) -> None:
    if database == "sqlite":
        shutil.rmtree(var_dir, ignore_errors=True)
        return
    import psycopg

    (var_dir / "built.json").unlink(missing_ok=True)
    with psycopg.connect(os.environ["BENCH_ADMIN_URL"], autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{PG_NAME}"')


def _progress(message: str) -> None:
    step = message.split()[1].split("/")[0]
    if step.endswith("00000"):  # every 100,000 rows
        print(f"  generating: {message}", file=sys.stderr, flush=True)


def _measure() -> int:
    from aftersales.core.models import User
    from aftersales.customers.selectors import customers_find
    from aftersales.units.selectors import units_find

    operator, _ = User.objects.get_or_create(
        username="bench-operator", defaults={"role": "operator"}
    )
    rng = random.Random(SEED)
    phones = _phone_queries(rng, SEARCHES + WARM_UP)
    serials = _serial_queries(rng, SEARCHES + WARM_UP)

    def phone_found(results, pk):
        return any(customer.pk == pk for customer in results)

    def serial_found(results, pk):
        return any(unit.pk == pk for unit in results)

    kinds = [
        ("phone", customers_find, phones, phone_found),
        ("serial", units_find, serials, serial_found),
    ]
    verdicts = []
    for label, find, queries, found in kinds:
        for query, _pk in queries[:WARM_UP]:
            list(find(user=operator, query=query)[:20])
        times, hits, misses = [], 0, []
        for query, pk in queries[WARM_UP:]:
            start = time.perf_counter()
            results = list(find(user=operator, query=query)[:20])
            times.append((time.perf_counter() - start) * 1000)
            if found(results, pk):
                hits += 1
            else:
                misses.append(query)
        median = statistics.median(times)
        verdicts.append(f"{label} {'met' if median < TARGET_MS else 'MISSED'}")
        p95 = statistics.quantiles(times, n=20)[-1]
        print(
            f"  {label:<6} search  {len(times)} × {find.__name__}: median {median:7.2f} ms"
            f"   p95 {p95:7.2f} ms   max {max(times):7.2f} ms   found {hits}/{len(times)}"
        )
        _by_format(times, label)
        if misses:
            print(f"           not found, e.g.: {', '.join(misses[:3])}")
    print(f"  target median < {TARGET_MS} ms: {', '.join(verdicts)}")
    _explain("phone, typed nationally", customers_find, operator, phones[WARM_UP + 1][0])
    _explain("phone, typed as E.164", customers_find, operator, phones[WARM_UP][0])
    _explain("serial", units_find, operator, serials[WARM_UP][0])
    return 0


FORMATS = {"phone": ["E.164", "national", "spaced", "Persian"]}
FORMATS["serial"] = ["as stored", "lower-case", "spaced", "Persian"]


def _by_format(times: list[float], label: str) -> None:
    """Queries take the formats in turn, so every fourth time is one format's."""
    names = FORMATS[label]
    parts = [
        f"{name} {statistics.median(times[index :: len(names)]):.2f}"
        for index, name in enumerate(names)
    ]
    print(f"           median by format (ms): {', '.join(parts)}")


def _phone_queries(rng: random.Random, count: int) -> list[tuple[str, int]]:
    """Existing numbers, typed in turn as E.164, national, national with spaces, Persian digits."""
    import phonenumbers

    from aftersales.core.text import persian_digits
    from aftersales.customers.models import Phone

    rows = _sample(Phone, rng, count, "number", "customer_id")
    queries = []
    for index, (number, customer_id) in enumerate(rows):
        national = phonenumbers.format_number(
            phonenumbers.parse(number), phonenumbers.PhoneNumberFormat.NATIONAL
        )
        compact = national.replace(" ", "")
        typed = [number, compact, national, persian_digits(compact)][index % 4]
        queries.append((typed, customer_id))
    return queries


def _serial_queries(rng: random.Random, count: int) -> list[tuple[str, int]]:
    """Existing serials, typed as stored, lower-case, in groups of four, with Persian digits."""
    from aftersales.core.text import persian_digits
    from aftersales.units.models import Unit

    rows = _sample(Unit, rng, count, "serial", "pk")
    queries = []
    for index, (serial, pk) in enumerate(rows):
        spaced = " ".join(serial[i : i + 4] for i in range(0, len(serial), 4))
        typed = [serial, serial.lower(), spaced, persian_digits(serial)][index % 4]
        queries.append((typed, pk))
    return queries


def _sample(model, rng: random.Random, count: int, *fields) -> list[tuple]:
    from django.db.models import Max, Min

    bounds = model.objects.aggregate(low=Min("pk"), high=Max("pk"))
    rows: dict[int, tuple] = {}
    while len(rows) < count:
        wanted = {rng.randint(bounds["low"], bounds["high"]) for _ in range(count)}
        found = model.objects.filter(pk__in=wanted).values_list("pk", *fields)
        for pk, *values in found:
            rows.setdefault(pk, tuple(values))
    ordered = [rows[pk] for pk in sorted(rows)][:count]
    rng.shuffle(ordered)
    return ordered


def _explain(label: str, find, user, query: str) -> None:
    from django.db import connection

    sql, params = find(user=user, query=query)[:20].query.sql_with_params()
    print(f"  plan of a {label} search ({query}):")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            depth = {0: 0}
            for node, parent, _unused, detail in cursor.fetchall():
                depth[node] = depth.get(parent, 0) + 1
                print(f"    {'  ' * (depth[node] - 1)}{detail}")
        else:
            cursor.execute("EXPLAIN " + sql, params)
            for (line,) in cursor.fetchall():
                print(f"    {line}")


if __name__ == "__main__":
    sys.exit(main())
