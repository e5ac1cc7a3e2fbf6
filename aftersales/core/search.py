"""Index-friendly prefix search, the same on SQLite and PostgreSQL."""

from django.db.models import Q


def prefix_q(field: str, prefix: str) -> Q:
    """'`field` starts with `prefix`': a b-tree range the index answers, then the exact test."""
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix + "\U0010ffff"}) & Q(
        **{f"{field}__startswith": prefix}
    )
