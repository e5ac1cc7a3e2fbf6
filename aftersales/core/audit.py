"""The audit trail: django-auditlog records every change; this reads it for a record's page."""

from auditlog.models import LogEntry


def history_of(obj, *, limit: int = 50):
    """The latest audit entries of `obj`, newest first, with the actor loaded."""
    return (
        LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")[:limit]
    )
