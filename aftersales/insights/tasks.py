"""Background jobs of insights."""

from django.tasks import task

from .aggregation import refresh


@task()
def facts_refresh(full: bool = False) -> int:
    """Bring the dashboard's facts up to date (e.g. every 10 minutes, and `full` nightly);
    returns the days rebuilt."""
    return refresh(full=full).days
