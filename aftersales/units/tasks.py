"""Background work on the installed base."""

from django.tasks import task

from .choices import ImportStatus
from .importing import import_units
from .models import ImportBatch


@task
def run_import(batch_id: int) -> dict:
    """Run a queued import of units (see `importing.import_units`)."""

    batch = ImportBatch.objects.select_related("uploaded_by").filter(pk=batch_id).first()
    if batch is None or batch.status == ImportStatus.DONE:
        return {"batch": batch_id, "skipped": True}
    batch = import_units(batch=batch)
    return {
        "batch": batch.pk,
        "status": batch.status,
        "created": batch.rows_created,
        "existing": batch.rows_existing,
        "failed": batch.rows_failed,
    }
