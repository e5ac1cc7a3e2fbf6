"""Invite the owners of units sold a month ago to the purchase survey (run daily)."""

from django.core.management.base import BaseCommand

from aftersales.surveys.services import PURCHASE_DAYS, purchases_invite


class Command(BaseCommand):
    help = "Send the purchase survey to owners of units sold --days ago (default 30)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=PURCHASE_DAYS)

    def handle(self, *args, **options):
        count = purchases_invite(days=options["days"])
        self.stdout.write(f"{count} purchase survey(s) sent")
