"""`manage.py load_warranty_defaults`: the shipped legal minimums and category policies."""

from django.core.management.base import BaseCommand

from aftersales.warranty.defaults import load_defaults


class Command(BaseCommand):
    help = "Create the default legal minimums (Italy, Iran) and category policies that are missing."

    def handle(self, *args, **options):
        created = load_defaults()
        self.stdout.write(
            "Created {legal} legal minimums, {policies} policies, {overrides} part rules, "
            "{guarantees} guarantee rules.".format(**created)
        )
