"""Open today's proactive maintenance requests: `manage.py service_proactive [--date D]`."""

import datetime as dt

from django.core.management.base import BaseCommand

from aftersales.service.proactive import proactive_run


class Command(BaseCommand):
    help = "Open the requests that the active maintenance plans call for."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=dt.date.fromisoformat, default=None)

    def handle(self, *args, date=None, **options):
        result = proactive_run(today=date)
        self.stdout.write(f"opened {result.opened}, skipped {result.skipped}")
