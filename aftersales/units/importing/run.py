"""Running an import: the batch's life from upload to done."""

from __future__ import annotations

import hashlib
import os

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aftersales.core.models import User

from ..choices import ImportStatus
from ..models import ImportBatch
from .checks import RowChecker, columns_of, is_blank
from .files import Row, check_upload, file_rows
from .rules import CHUNK_SIZE, ImportFileError, logger
from .writing import BatchWriter


@transaction.atomic
def import_batch_create(*, upload, by: User | None) -> ImportBatch:
    """Store an uploaded file as a new import and queue it; the import runs in the background."""
    from ..tasks import run_import

    check_upload(upload)
    digest = hashlib.sha256()
    for piece in upload.chunks():
        digest.update(piece)
    upload.seek(0)
    file_name = os.path.basename(upload.name)[:255]
    batch = ImportBatch(file_name=file_name, sha256=digest.hexdigest(), uploaded_by=by)
    batch.file.save(file_name, upload, save=False)
    batch.save()
    transaction.on_commit(lambda: run_import.enqueue(batch.pk))
    return batch


def import_units(*, batch: ImportBatch) -> ImportBatch:
    """Read the batch's file, create the units it lists that are new, report the bad rows."""
    language = getattr(batch.uploaded_by, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        return _import(batch)


def _import(batch: ImportBatch) -> ImportBatch:
    batch.status = ImportStatus.RUNNING
    batch.message = ""
    batch.errors = []
    batch.rows_total = batch.rows_created = batch.rows_existing = batch.rows_failed = 0
    batch.finished_at = None
    batch.save()
    try:
        checker, valid = _check_file(batch)
    except ImportFileError as error:
        return _finish(batch, ImportStatus.FAILED, message=str(error))
    except Exception:
        logger.exception("Import %s: the file could not be read", batch.pk)
        _finish(batch, ImportStatus.FAILED, message=_("The file could not be read."))
        raise
    batch.rows_failed = checker.failed
    batch.errors = checker.errors
    if checker.error_count > len(checker.errors):
        batch.message = _("%(count)s errors were found; the first %(shown)s are listed.") % {
            "count": checker.error_count,
            "shown": len(checker.errors),
        }
    batch.save(update_fields=["rows_total", "rows_failed", "errors", "message"])

    writer = BatchWriter(batch)
    try:
        for start in range(0, len(valid), CHUNK_SIZE):
            writer.write(valid[start : start + CHUNK_SIZE])
            ImportBatch.objects.filter(pk=batch.pk).update(
                rows_created=writer.created, rows_existing=writer.existing
            )
    except Exception:
        logger.exception("Import %s failed while writing", batch.pk)
        batch.rows_created, batch.rows_existing = writer.created, writer.existing
        _finish(
            batch,
            ImportStatus.FAILED,
            message=_(
                "The import stopped because of an internal error (units created so far: "
                "%(count)s). Import the same file again to continue."
            )
            % {"count": writer.created},
        )
        raise
    batch.rows_created, batch.rows_existing = writer.created, writer.existing
    return _finish(batch, ImportStatus.DONE, message=batch.message)


def _check_file(batch: ImportBatch) -> tuple[RowChecker, list[Row]]:
    rows = file_rows(batch)
    checker = None
    valid: list[Row] = []
    total = 0
    for number, cells in rows:
        if is_blank(cells):
            continue
        if checker is None:
            checker = RowChecker(columns_of(cells))
            continue
        total += 1
        row = checker.check(number, cells)
        if row is not None:
            valid.append(row)
    if checker is None:
        raise ImportFileError(_("The file is empty."))
    batch.rows_total = total
    return checker, valid


def _finish(batch: ImportBatch, status: str, *, message: str = "") -> ImportBatch:
    batch.status = status
    batch.message = message
    batch.finished_at = timezone.now()
    batch.save()
    return batch
