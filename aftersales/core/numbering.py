"""Gap-free document numbers per series, taken inside the caller's transaction.

The series' row is bumped with one `UPDATE ... RETURNING`, which locks it until the caller's
transaction ends: concurrent documents of the same series wait for each other from here to the
commit. Take the number as late as the document allows (e.g. save the document first and set
its number as the last write, see `service.services.request_open`) to keep that wait short.
"""

from django.db import connection, transaction

from .models import DocumentSequence


def next_number(series: str, *, width: int = 6) -> str:
    """The next number of `series`, e.g. 'REG-2026-000042'. Rolls back with the caller."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number must run inside a transaction")
    last = _bump(series)
    if last is None:  # the first number of the series
        DocumentSequence.objects.get_or_create(series=series)
        last = _bump(series)
    return f"{series}-{last:0{width}d}"


def _bump(series: str) -> int | None:
    quote = connection.ops.quote_name
    table = quote(DocumentSequence._meta.db_table)
    last = quote(DocumentSequence._meta.get_field("last").column)
    column = quote(DocumentSequence._meta.get_field("series").column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {last} = {last} + 1 WHERE {column} = %s RETURNING {last}",
            [series],
        )
        row = cursor.fetchone()
    return row[0] if row else None
