"""`manage.py quality_scan`: the early-warning scan (run it nightly, e.g. from cron)."""

from django.core.management.base import BaseCommand

from aftersales.quality import services


class Command(BaseCommand):
    help = "Flag production batches and months whose claim rate is above their model's."

    def add_arguments(self, parser):
        parser.add_argument("--window", type=int, default=12, help="Months in service compared.")
        parser.add_argument(
            "--alpha", type=float, default=0.01, help="False-alarm rate of a whole scan."
        )

    def handle(self, *args, window, alpha, **options):
        raised = services.warning_scan(by=None, window=window, alpha=alpha)
        for warning in raised:
            self.stdout.write(
                f"{warning.product_model.code} {warning.group_kind} {warning.group}: "
                f"{warning.claims} claims, {warning.expected} expected, p={warning.adjusted_p:.2g}"
            )
        self.stdout.write(f"{len(raised)} new warnings.")
