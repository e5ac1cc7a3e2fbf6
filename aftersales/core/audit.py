"""The audit trail: django-auditlog records every change; this reads it for a record's page."""

from auditlog.models import LogEntry


def history_of(obj, *, limit: int = 50):
    """The latest audit entries of `obj`, newest first, with the actor loaded."""
    return (
        LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")[:limit]
    )


NEVER_SHOWN = {"id", "search_name", "search_last", "updated_at", "created_at", "digest"}


def track(*models, exclude: tuple[str, ...] = ()):
    """Record every change of these models: their own columns and many-to-many fields (each
    addition or removal of related records as an entry), not reverse relations."""
    from auditlog.registry import auditlog

    for model in models:
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if field.name not in NEVER_SHOWN and field.name not in exclude
        ]
        related = {field.name for field in model._meta.many_to_many if field.name not in exclude}
        auditlog.register(model, include_fields=fields, m2m_fields=related)
