"""Bring the dashboard's pre-aggregated facts up to date.

manage.py refresh_insights           # the pending days and the days changed since last time
manage.py refresh_insights --full    # everything (after changing holidays, for instance)
"""

import time

from django.core.management.base import BaseCommand

from aftersales.insights.aggregation import refresh


class Command(BaseCommand):
    help = "Rebuild the insights facts of the days that changed (or all of them with --full)."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="rebuild every day")

    def handle(self, *args, full=False, **options):
        started = time.monotonic()
        log = refresh(full=full)
        self.stdout.write(
            f"{'full' if log.full else 'incremental'} refresh: {log.days} days "
            f"in {time.monotonic() - started:.2f} s"
        )
