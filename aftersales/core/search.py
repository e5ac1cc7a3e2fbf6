"""Index-friendly prefix search, the same on SQLite and PostgreSQL."""

from django.db.models import Q

from .text import latin_digits


def prefix_q(field: str, prefix: str) -> Q:
    """'`field` starts with `prefix`': a b-tree range the index answers, then the exact test."""
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix + "\U0010ffff"}) & Q(
        **{f"{field}__startswith": prefix}
    )


def contains_any(queryset, query: str, fields: tuple[str, ...]):
    """Records in which any of `fields` contains `query`, ignoring case; all when it is blank.
    Digits typed on a Persian keyboard also find the Latin digits of numbers and serials."""
    query = (query or "").strip()
    if not query:
        return queryset
    texts = {query, latin_digits(query)}
    condition = Q()
    for field in fields:
        for text in texts:
            condition |= Q(**{f"{field}__icontains": text})
    return queryset.filter(condition)
