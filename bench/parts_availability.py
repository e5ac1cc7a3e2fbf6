"""Benchmark: availability of one part in one warehouse on a ledger of 1,000,000 stock moves.

    .venv/bin/python -m bench.parts_availability [--moves N] [--rebuild] [--only sqlite|postgresql]

Builds once and keeps for the next run: a SQLite file in /tmp/aftersales-bench-parts-sqlite and,
when DATABASE_URL is set, the PostgreSQL database `aftersales_bench_parts` on that server (marked
as built in /tmp/aftersales-bench-parts-postgresql). The ledger holds N moves (receipts, issues,
reservations and their releases, returns, count adjustments) over 40 warehouses × 2,500 parts,
written straight with `executemany`, and the cached stock levels that equal their sums.

Then, after a warm-up, it times 1,000 look-ups of random (warehouse, part) pairs:
- `availability(...)`: the answer the application gives (the cached level, one indexed row);
- `ledger_availability(...)`: the same summed from the ledger (the truth, ~10 rows per pair);
- `stock_reserve` + `reservation_release`: a reservation and its release, two locked writes;
and prints the median, p95 and max in milliseconds. Target: availability median under 5 ms.
It also checks, for the sampled pairs, that the cached level equals the ledger's sums.
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
MOVES = 1_000_000
WAREHOUSES = 40
PARTS = 2_500
SEED = 2026
LOOKUPS = 1_000
WRITES = 200
WARM_UP = 50
TARGET_MS = 5
PG_NAME = "aftersales_bench_parts"
BATCH = 20_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=MOVES)
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
        command = [sys.executable, "-m", "bench.parts_availability", "--child", database]
        command += ["--moves", str(args.moves)] + (["--rebuild"] if args.rebuild else [])
        result = subprocess.run(command, env=_child_env(database), cwd=ROOT)
        failed = failed or result.returncode != 0
    return 1 if failed else 0


def _var_dir(database: str) -> Path:
    return Path(f"/tmp/aftersales-bench-parts-{database}")


def _child_env(database: str) -> dict:
    return child_env(database=database, var_dir=str(_var_dir(database)), pg_name=PG_NAME)


def child(args) -> int:
    var_dir = _var_dir(args.child)
    marker = var_dir / "built.json"
    wanted = {"moves": args.moves, "warehouses": WAREHOUSES, "parts": PARTS, "seed": SEED}
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
        started = time.monotonic()
        _build(args.moves)
        built = {"size": wanted, "seconds": time.monotonic() - started}
        marker.write_text(json.dumps(built))
        how = "built now"
    else:
        how = "reused"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
    else:
        version = connection.Database.sqlite_version
    from aftersales.parts.models import StockMove

    print(
        f"\n{connection.display_name} {version}: {StockMove.objects.count():,} stock moves, "
        f"{WAREHOUSES} warehouses × {PARTS:,} parts ({how}; built in {built['seconds']:.0f} s)",
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


def _build(moves: int) -> None:
    """Warehouses, parts, `moves` ledger lines and the levels that equal their sums."""
    import datetime as dt

    from django.db import connection, transaction
    from django.utils import timezone

    from aftersales.catalog.models import Part
    from aftersales.parts.choices import DocumentType, MoveKind, WarehouseKind
    from aftersales.parts.models import StockLevel, Warehouse

    rng = random.Random(SEED)
    with transaction.atomic():
        Warehouse.objects.bulk_create(
            Warehouse(
                code=f"W{n:02d}",
                name=f"Warehouse {n}",
                kind=WarehouseKind.CENTRAL if n == 0 else WarehouseKind.REGIONAL,
            )
            for n in range(WAREHOUSES)
        )
        Part.objects.bulk_create(
            Part(sku=f"BP-{n:05d}", name=f"Bench part {n}") for n in range(PARTS)
        )
    warehouse_ids = list(Warehouse.objects.order_by("pk").values_list("pk", flat=True))
    part_ids = list(Part.objects.filter(sku__startswith="BP-").values_list("pk", flat=True))
    levels: dict[tuple[int, int], list[int]] = {}  # [on_hand, reserved]
    start = timezone.now() - dt.timedelta(days=730)
    step = dt.timedelta(days=730) / max(moves, 1)
    table = "parts_stockmove"
    columns = (
        "warehouse_id, part_id, kind, quantity, on_hand, reserved, in_transit, defective, "
        "document_type, document_number, note, at"
    )
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * 12)})"
    rows = []
    with connection.cursor() as cursor:
        for n in range(moves):
            key = (rng.choice(warehouse_ids), rng.choice(part_ids))
            level = levels.setdefault(key, [0, 0])
            available = level[0] - level[1]
            roll = rng.random()
            if available < 2 or roll < 0.25:
                kind, quantity, d_on, d_res, doc = MoveKind.RECEIPT, rng.randint(5, 20), 0, 0, "p"
                d_on = quantity
            elif roll < 0.5:
                quantity = rng.randint(1, min(available, 3))
                kind, d_on, d_res, doc = MoveKind.ISSUE, -quantity, 0, "v"
            elif roll < 0.7:
                quantity = rng.randint(1, min(available, 2))
                kind, d_on, d_res, doc = MoveKind.RESERVE, 0, quantity, "v"
            elif roll < 0.85 and level[1] > 0:
                quantity = rng.randint(1, level[1])
                kind, d_on, d_res, doc = MoveKind.RELEASE, 0, -quantity, "v"
            elif roll < 0.95:
                quantity = rng.randint(1, 2)
                kind, d_on, d_res, doc = MoveKind.RETURN_UNUSED, quantity, 0, "v"
            else:
                quantity = 1
                kind, d_on, d_res, doc = MoveKind.COUNT_ADJUST, -1, 0, "c"
            level[0] += d_on
            level[1] += d_res
            document_type = {
                "p": DocumentType.PURCHASE,
                "v": DocumentType.VISIT,
                "c": DocumentType.COUNT,
            }[doc]
            rows.append(
                (
                    key[0],
                    key[1],
                    kind,
                    quantity,
                    d_on,
                    d_res,
                    0,
                    0,
                    document_type,
                    f"{doc.upper()}-{n:07d}",
                    "",
                    connection.ops.adapt_datetimefield_value(start + step * n),
                )
            )
            if len(rows) >= BATCH:
                with transaction.atomic():
                    cursor.executemany(sql, rows)
                rows.clear()
                if (n + 1) % 200_000 == 0:
                    print(f"  generating: {n + 1:,}/{moves:,} moves", file=sys.stderr, flush=True)
        if rows:
            with transaction.atomic():
                cursor.executemany(sql, rows)
    with transaction.atomic():
        StockLevel.objects.bulk_create(
            (
                StockLevel(warehouse_id=w, part_id=p, on_hand=on_hand, reserved=reserved)
                for (w, p), (on_hand, reserved) in levels.items()
            ),
            batch_size=5_000,
        )


def _time(label: str, calls, function) -> float:
    for args in calls[:WARM_UP]:
        function(*args)
    times = []
    for args in calls[WARM_UP:]:
        started = time.perf_counter()
        function(*args)
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(
        f"  {label:<34} {len(times):>5} ×  median {median:7.3f} ms   p95 {p95:7.3f} ms"
        f"   max {max(times):7.3f} ms",
        flush=True,
    )
    return median


def _measure() -> int:
    from django.core.exceptions import ValidationError

    from aftersales.catalog.models import Part
    from aftersales.parts import selectors, services
    from aftersales.parts.models import StockLevel, Warehouse

    rng = random.Random(SEED + 1)
    pairs = list(
        StockLevel.objects.filter(part__sku__startswith="BP-").values_list(
            "warehouse_id", "part_id"
        )
    )
    sample = [rng.choice(pairs) for _ in range(LOOKUPS + WARM_UP)]

    median = _time(
        "availability (cached level)",
        sample,
        lambda w, p: selectors.availability(warehouse_id=w, part_id=p),
    )
    _time(
        "ledger_availability (sum of moves)",
        sample,
        lambda w, p: selectors.ledger_availability(warehouse_id=w, part_id=p),
    )
    wrong = 0
    for w, p in sample[:200]:
        cached = selectors.availability(warehouse_id=w, part_id=p)
        if cached != selectors.ledger_availability(warehouse_id=w, part_id=p):
            wrong += 1
    print(f"  cached level equals the ledger's sums: {200 - wrong}/200 sampled pairs")

    warehouses = Warehouse.objects.in_bulk()
    parts = Part.objects.in_bulk([p for _w, p in sample[: WRITES + WARM_UP]])
    refused = []

    def reserve_and_release(w, p):
        try:
            reservation = services.stock_reserve(
                warehouse=warehouses[w],
                part=parts[p],
                quantity=1,
                document_number="BENCH",
                by=None,
            )
        except ValidationError:
            refused.append((w, p))
            return
        services.reservation_release(reservation=reservation, by=None)

    _time(
        "stock_reserve + reservation_release",
        sample[: WRITES + WARM_UP],
        reserve_and_release,
    )
    if refused:
        print(f"  refused at once for lack of available stock: {len(refused)} of the pairs")
    verdict = "met" if median < TARGET_MS else "MISSED"
    print(f"  target: availability median < {TARGET_MS} ms: {verdict}")
    return 0 if wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
