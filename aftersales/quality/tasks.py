"""Background jobs of quality: the nightly early-warning scan."""

from django.tasks import task

from . import services


@task()
def early_warning_scan() -> int:
    """Test every production batch and month; returns how many new warnings were raised."""
    return len(services.warning_scan(by=None))
