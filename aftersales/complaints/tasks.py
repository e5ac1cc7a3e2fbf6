"""Background jobs of complaint handling."""

from django.tasks import task

from .services import complaints_escalate_overdue


@task()
def complaints_escalate() -> int:
    """Escalate overdue stages (e.g. every 15 minutes)."""
    return complaints_escalate_overdue()
