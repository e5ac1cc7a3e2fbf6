"""Background jobs of the parts app."""

from django.tasks import task

from . import services
from .models import Warehouse


@task()
def propose_reorders() -> int:
    """Propose reorders for every active warehouse (e.g. nightly); a person approves them."""
    made = 0
    for warehouse in Warehouse.objects.filter(is_active=True).order_by("pk"):
        made += len(services.reorder_suggest(warehouse=warehouse, by=None))
    return made
