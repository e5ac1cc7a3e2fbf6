"""Per-process caches of small set-up tables read by every opening of a request: the service
types (by code) and the SLA targets. Emptied whenever a row is saved or deleted in this process
(`apps.ServiceConfig.ready`); other processes see a change when they next start (or on their
own saves), as with the holidays of `business.calendar_for`."""

from __future__ import annotations

from decimal import Decimal

_types: dict[str, object] = {}
_targets: dict[tuple[int, int], tuple[Decimal, Decimal]] | None = None


def service_type(code: str):
    """The `ServiceType` with this code, or None."""
    if not _types:
        from .models import ServiceType

        _types.update({row.code: row for row in ServiceType.objects.all()})
    return _types.get(code)


def sla_target(service_type_id: int, priority: int) -> tuple[Decimal, Decimal] | None:
    """(response hours, resolution hours) for a type and priority, or None."""
    global _targets
    if _targets is None:
        from .models import SlaTarget

        rows = SlaTarget.objects.values_list(
            "service_type_id", "priority", "response_hours", "resolution_hours"
        )
        _targets = {(type_id, priority): (r, s) for type_id, priority, r, s in rows}
    return _targets.get((service_type_id, priority))


def forget(**kwargs) -> None:
    global _targets
    _types.clear()
    _targets = None
