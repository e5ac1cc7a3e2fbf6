"""The production path: an upload is queued in the database and the db_worker runs it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction

from aftersales.units.choices import ImportStatus
from aftersales.units.importing import import_batch_create
from aftersales.units.models import ImportBatch, Unit
from tests.factories import ProductModelFactory


@pytest.mark.django_db(transaction=True)
def test_a_queued_import_waits_for_the_worker_and_the_worker_runs_it(settings, operator):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    model = ProductModelFactory()
    csv = f"model_code,serial\n{model.code},Q-1\n{model.code},Q-2\n".encode()
    with transaction.atomic():
        batch = import_batch_create(upload=SimpleUploadedFile("q.csv", csv), by=operator)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.QUEUED and not Unit.objects.exists()

    call_command("db_worker", "--batch", "--no-startup-delay")

    batch = ImportBatch.objects.get(pk=batch.pk)
    assert (batch.status, batch.rows_created) == (ImportStatus.DONE, 2)
    assert set(Unit.objects.values_list("serial", flat=True)) == {"Q-1", "Q-2"}
