"""Background jobs of service delivery."""

from django.tasks import task

from .proactive import proactive_run


@task()
def proactive_requests_create() -> int:
    """Open the requests the maintenance plans call for today (e.g. nightly)."""
    return proactive_run().opened
