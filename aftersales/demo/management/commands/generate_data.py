"""`manage.py generate_data --customers N --units M [--seed S]`: bulk fake data, for load tests."""

import time

from django.core.management.base import BaseCommand

from aftersales.demo.generate import generate


class Command(BaseCommand):
    help = "Add generated customers (with phones and addresses) and units (with readings)."

    def add_arguments(self, parser):
        parser.add_argument("--customers", type=int, default=0, help="customers to add")
        parser.add_argument("--units", type=int, default=0, help="units to add")
        parser.add_argument(
            "--seed", type=int, default=0, help="random seed (same seed, same data)"
        )

    def handle(self, *args, customers, units, seed, **options):
        if customers < 0 or units < 0:
            self.stderr.write("--customers and --units cannot be negative.")
            return
        started = time.monotonic()
        progress = self.stdout.write if options["verbosity"] > 1 else None
        counts = generate(customers, units, seed, progress=progress)
        elapsed = time.monotonic() - started
        made = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stdout.write(f"Made {made} in {elapsed:.1f} s.")
