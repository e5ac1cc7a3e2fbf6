"""The checks a visit must pass before it is planned, whatever plans it (the request's page, the
API, a dispatch plan being published or moved, the workshop's bench).

The service app checks its own rule (a visit at the customer's needs an address to go to); apps
built on top of it add theirs with `register_check` in their `AppConfig.ready()` (the workshop
refuses a visit at the customer's while the unit is in a workshop), so the service app never
imports them.
`services.visit_schedule` calls `check`; the dispatch planner calls `refusals` for many requests
at once, to leave out what could not be published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .choices import AWAY_PURPOSES, VisitPurpose


@dataclass(frozen=True)
class PlannedVisit:
    """A visit about to be planned: for which request, what for, and (when known) by whom and
    when. The dispatch planner asks before it has chosen a technician or a time."""

    request: object  # a ServiceRequest
    purpose: str = VisitPurpose.FIELD
    technician: object | None = None
    window_start: dt.datetime | None = None
    window_end: dt.datetime | None = None


# A check takes the visits about to be planned (one request each) and answers, by the request's
# primary key, why each one it refuses may not be planned; an empty dict when it refuses none.
Check = Callable[[Sequence[PlannedVisit]], dict[int, str]]

_checks: list[Check] = []


def register_check(check: Check) -> Check:
    """Add `check` to every planning of a visit (once, however often it is registered)."""
    if check not in _checks:
        _checks.append(check)
    return check


def unregister_check(check: Check) -> None:
    if check in _checks:
        _checks.remove(check)


def place_of(request):
    """Where a visit at the customer's goes: the request's address, else the unit's installation
    address, else the customer's default (or only) address, as the dispatch planner finds it;
    None when no address is known."""
    if request.address_id:
        return request.address
    if request.unit_id and request.unit.installation_address_id:
        return request.unit.installation_address
    addresses = list(request.customer.addresses.all())
    return next((a for a in addresses if a.is_default), None) or next(iter(addresses), None)


def destination(visit):
    """Where `visit` goes: the customer's place (`place_of`) for a visit at the customer's or a
    delivery; None for bench work, which stays in the workshop."""
    return place_of(visit.request) if visit.purpose in AWAY_PURPOSES else None


def needs_an_address(planned: Sequence[PlannedVisit]) -> dict[int, str]:
    """A visit at the customer's (or to deliver or pick up the unit) goes to an address; bench
    work in a workshop does not."""
    refused = {}
    for visit in planned:
        if visit.purpose in AWAY_PURPOSES and place_of(visit.request) is None:
            refused[visit.request.pk] = _(
                "Request %(number)s has no address, and none is known for the customer, so no "
                "one can be sent to them: add the customer's address first, or repair the unit "
                "in a workshop."
            ) % {"number": visit.request.number}
    return refused


def refusals(planned: Sequence[PlannedVisit]) -> dict[int, list[str]]:
    """Why each of `planned` may not be planned, by request; the ones allowed are absent."""
    if not planned:
        return {}
    answer: dict[int, list[str]] = {}
    for check in [needs_an_address, *_checks]:
        for request_id, reason in check(planned).items():
            answer.setdefault(request_id, []).append(reason)
    return answer


def check(visit: PlannedVisit) -> None:
    """Refuse `visit` with every reason the checks give (a ValidationError), or pass."""
    if visit.purpose not in VisitPurpose.values:
        raise ValidationError({"purpose": _("Choose what the visit is for.")})
    reasons = refusals([visit]).get(visit.request.pk)
    if reasons:
        raise ValidationError(reasons, code="planning")


# --- where another app holds a request's unit (the dispatcher's view of it) ----------------------


@dataclass(frozen=True)
class Custody:
    """A request's unit held by another app (the workshop): where, since when, in what state,
    and whether it is ready to be taken back to the customer (a delivery visit is due)."""

    place: str
    since: dt.datetime
    state: str
    url: str = ""
    deliver: bool = False


# A source takes a queryset of requests and answers, by request primary key, the custody of the
# units it holds among them.
CustodySource = Callable[[object], dict[int, Custody]]

_custody_sources: list[CustodySource] = []


def register_custody(source: CustodySource) -> CustodySource:
    """Add `source` to what `custody` asks (once, however often it is registered)."""
    if source not in _custody_sources:
        _custody_sources.append(source)
    return source


def custody(requests) -> dict[int, Custody]:
    """Where other apps hold the units of `requests` (a queryset), by request; the dispatch
    planner plans the delivery of those ready to go back and shows the others as held."""
    answer: dict[int, Custody] = {}
    for source in _custody_sources:
        answer.update(source(requests))
    return answer
