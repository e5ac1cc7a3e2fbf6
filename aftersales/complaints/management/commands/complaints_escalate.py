"""Escalate every complaint whose stage deadline has passed; run it every few minutes (cron)."""

from django.core.management.base import BaseCommand

from aftersales.complaints.services import complaints_escalate_overdue


class Command(BaseCommand):
    help = "Escalate complaints whose stage deadline has passed to the next level."

    def handle(self, *args, **options):
        count = complaints_escalate_overdue()
        self.stdout.write(f"{count} complaint(s) escalated")
