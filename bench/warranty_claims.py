"""Benchmark: automatic adjudication of submitted warranty claims (target: 100,000 on
PostgreSQL in under 60 s).

    .venv/bin/python -m bench.warranty_claims [--claims N] [--units N] [--only sqlite|postgresql]

Builds a fresh world (`build_world` of `bench/warranty_coverage.py`), then `--claims` submitted
claims written in bulk (a part line each, some incompatible parts, one or two failure codes with
standard times, labour sometimes over the standard, some duplicates and repeat repairs, failure
dates across the units' lives), and times `adjudicate_many` over all of them in batches of 2,000
claims, each batch one transaction (claims, their lines and their audit entries written). Prints
the time, claims per second and the count per status."""

import argparse
import datetime as dt
import random
import sys
import time
from decimal import Decimal

from bench.warranty_coverage import build_world, fresh_database, run_children

TARGET_S = 60
BATCH = 2_000


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=50_000)
    parser.add_argument("--child", choices=["sqlite", "postgresql"])
    args, rest = parser.parse_known_args(argv)
    if not args.child:
        return run_children(
            "bench.warranty_claims",
            ["--claims", str(args.claims), "--units", str(args.units), *rest],
        )
    version = fresh_database(args.child)
    started = time.monotonic()
    unit_ids, parts_by_model, codes, _ = build_world(args.units)
    _submit(args.claims, unit_ids, parts_by_model, codes)
    print(
        f"\n{version}: world and {args.claims:,} claims built in {time.monotonic() - started:.0f} s"
    )

    from django.db import connection

    from aftersales.warranty.adjudication import adjudicate_many
    from aftersales.warranty.models import Claim

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    ids = list(Claim.objects.order_by("pk").values_list("pk", flat=True))
    counts: dict[str, int] = {}
    started = time.monotonic()
    for index in range(0, len(ids), BATCH):
        chunk = ids[index : index + BATCH]
        for status, number in adjudicate_many(
            Claim.objects.filter(pk__in=chunk), today=dt.date(2026, 11, 1)
        ).items():
            counts[status] = counts.get(status, 0) + number
    seconds = time.monotonic() - started
    print(
        f"  adjudicated {len(ids):,} claims in {seconds:.1f} s ({len(ids) / seconds:,.0f}/s): "
        + ", ".join(f"{status} {number:,}" for status, number in sorted(counts.items()))
    )
    scaled = seconds * 100_000 / max(len(ids), 1)
    print(
        f"  target 100,000 in < {TARGET_S} s: {'met' if scaled < TARGET_S else 'MISSED'} "
        f"({scaled:.1f} s per 100,000)"
    )
    return 0


def _submit(count, unit_ids, parts_by_model, codes) -> None:
    from aftersales.units.models import Unit
    from aftersales.warranty.models import Claim, ClaimPart

    rng = random.Random(11)
    units = dict(Unit.objects.values_list("pk", "product_model_id"))
    sales = dict(Unit.objects.values_list("pk", "sale_date"))
    all_parts = [pk for parts in parts_by_model.values() for pk in parts]
    Through = Claim.failure_codes.through
    number = 0
    for start in range(0, count, 5_000):
        claims = []
        picked = []
        for _ in range(min(5_000, count - start)):
            number += 1
            unit_id = rng.choice(unit_ids)
            failure = sales[unit_id] + dt.timedelta(days=rng.randrange(1000))
            failure = min(failure, dt.date(2026, 10, 1))
            chosen = sorted(rng.sample(codes, rng.choice((1, 1, 2))))
            claims.append(
                Claim(
                    number=f"WC-B-{number:07d}",
                    unit_id=unit_id,
                    failure_date=failure,
                    meter=Decimal(rng.randrange(12000)),
                    labour_minutes=rng.choice((45, 60, 90, 200)),
                    labour_amount=Decimal(1_500_000),
                    travel_amount=Decimal(300_000),
                    claimed_total=Decimal(2_800_000),
                    defect_key=",".join(str(c) for c in chosen),
                    causes=["misuse"] if rng.random() < 0.02 else [],
                )
            )
            picked.append(chosen)
        created = Claim.objects.bulk_create(claims, batch_size=2000)
        lines, links = [], []
        for claim, chosen in zip(created, picked, strict=True):
            model_parts = parts_by_model[units[claim.unit_id]]
            part = rng.choice(all_parts) if rng.random() < 0.03 else rng.choice(model_parts)
            lines.append(ClaimPart(claim=claim, part_id=part, amount=Decimal(1_000_000)))
            links.extend(Through(claim_id=claim.pk, failurecode_id=code) for code in chosen)
        ClaimPart.objects.bulk_create(lines, batch_size=2000)
        Through.objects.bulk_create(links, batch_size=2000)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
