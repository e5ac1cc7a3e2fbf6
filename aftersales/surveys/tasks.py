"""Background jobs of the surveys."""

from django.tasks import task

from .services import purchases_invite, reminders_send


@task()
def surveys_remind() -> int:
    """Send the reminders that are due (e.g. daily)."""
    return reminders_send()


@task()
def surveys_purchase() -> int:
    """Send the purchase survey to owners of units sold a month ago (daily)."""
    return purchases_invite()
