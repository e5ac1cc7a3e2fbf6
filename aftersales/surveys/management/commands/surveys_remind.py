"""Send the reminders that are due (run daily)."""

from django.core.management.base import BaseCommand

from aftersales.surveys.services import reminders_send


class Command(BaseCommand):
    help = "Remind customers of unanswered survey invitations."

    def handle(self, *args, **options):
        self.stdout.write(f"{reminders_send()} reminder(s) sent")
