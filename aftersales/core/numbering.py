"""Gap-free document numbers per series, taken inside the caller's transaction."""

from django.db import transaction

from .models import DocumentSequence


def next_number(series: str, *, width: int = 6) -> str:
    """The next number of `series`, e.g. 'REG-2026-000042'. Rolls back with the caller."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number must run inside a transaction")
    DocumentSequence.objects.get_or_create(series=series)
    sequence = DocumentSequence.objects.select_for_update().get(series=series)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{series}-{sequence.last:0{width}d}"
