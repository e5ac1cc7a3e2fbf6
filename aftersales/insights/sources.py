"""The records behind each figure, for a scope: one function per kind of record.

Each returns a queryset of the records (from `base`, e.g. `Model.objects.restrict(user, "view")`
for a drill-down), or None when the scope names a dimension the records do not have (complaints
have no service type, units have no technician ...). `kpis.kpi_values` and the drill-down lists
read the same functions, so a figure and its records always agree.
"""

from __future__ import annotations

import datetime as dt
import functools

from django.apps import apps
from django.db.models import OuterRef, Q, QuerySet, Subquery

from aftersales.service.choices import VisitStatus

from .scope import Scope

REPEAT_DAYS = 30


def optional_model(label: str):
    """A model of an app built in parallel (complaints, surveys): None until it exists."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _dims(scope: Scope, lookups: dict[str, str | None], names=Scope.DIMENSIONS) -> Q | None:
    q = Q()
    for name in names:
        value = getattr(scope, name)
        if not value:
            continue
        lookup = lookups.get(name)
        if lookup is None:
            return None
        q &= Q(**{lookup: value})
    return q


def _narrow(queryset: QuerySet, q: Q | None) -> QuerySet | None:
    return None if q is None else queryset.filter(q)


def first_technician():
    """The technician of a request's first visit that was not cancelled."""
    from aftersales.service.models import Visit

    return Subquery(
        Visit.objects.filter(request=OuterRef("pk"))
        .exclude(status=VisitStatus.CANCELLED)
        .order_by("window_start", "pk")
        .values("technician")[:1]
    )


def requests(scope: Scope, base: QuerySet | None = None) -> QuerySet | None:
    """Service requests opened in the period (their agent, first visit's technician, unit's
    model and category, service type)."""
    from aftersales.service.models import ServiceRequest

    start, end = scope.bounds()
    queryset = (base if base is not None else ServiceRequest.objects.all()).filter(
        opened_at__gte=start, opened_at__lt=end
    )
    if scope.technician:
        queryset = queryset.annotate(first_technician=first_technician())
    lookups = {
        "agent": "agent",
        "technician": "first_technician",
        "region": "agent__region",
        "category": "unit__product_model__category",
        "product_model": "unit__product_model",
        "service_type": "service_type",
    }
    return _narrow(queryset, _dims(scope, lookups))


def visits(scope: Scope, base: QuerySet | None = None) -> QuerySet | None:
    """Visits done whose window starts in the period."""
    from aftersales.service.models import Visit

    start, end = scope.bounds()
    queryset = (base if base is not None else Visit.objects.all()).filter(
        status=VisitStatus.DONE, window_start__gte=start, window_start__lt=end
    )
    lookups = {
        "agent": "request__agent",
        "technician": "technician",
        "region": "request__agent__region",
        "category": "request__unit__product_model__category",
        "product_model": "request__unit__product_model",
        "service_type": "request__service_type",
    }
    return _narrow(queryset, _dims(scope, lookups))


def repeat_q() -> Q:
    """A done visit followed, within 30 days of its start, by another visit (not cancelled) to
    the same unit (visits in the order of their start, then of their number)."""
    from aftersales.service.models import Visit

    start = OuterRef("window_start")
    later = (
        Visit.objects.filter(
            request__unit=OuterRef("request__unit"),
            window_start__lte=start + dt.timedelta(days=REPEAT_DAYS),
        )
        .filter(Q(window_start__gt=start) | Q(window_start=start, pk__gt=OuterRef("pk")))
        .exclude(status=VisitStatus.CANCELLED)
    )
    from django.db.models import Exists

    return Q(Exists(later), request__unit__isnull=False)


def claims(scope: Scope, base: QuerySet | None = None) -> QuerySet | None:
    """Warranty claims (not rejected) whose failure date is in the period."""
    from aftersales.warranty.choices import ClaimStatus
    from aftersales.warranty.models import Claim

    queryset = (
        (base if base is not None else Claim.objects.all())
        .filter(failure_date__gte=scope.start, failure_date__lte=scope.end)
        .exclude(status=ClaimStatus.REJECTED)
    )
    lookups = {
        "agent": "agent",
        "region": "agent__region",
        "category": "unit__product_model__category",
        "product_model": "unit__product_model",
    }
    return _narrow(queryset, _dims(scope, lookups))


UNIT_LOOKUPS = {
    "agent": "service_agent",
    "region": "service_agent__region",
    "category": "product_model__category",
    "product_model": "product_model",
}


def units_sold(scope: Scope, base: QuerySet | None = None, *, since: dt.date | None = None):
    """Units sold from `since` (default: the period's start; `date.min` = the installed base) to
    the period's end."""
    from aftersales.units.models import Unit

    start = scope.start if since is None else since
    queryset = (base if base is not None else Unit.objects.all()).filter(
        sale_date__gte=start, sale_date__lte=scope.end
    )
    return _narrow(queryset, _dims(scope, UNIT_LOOKUPS))


def units_in_service(scope: Scope, base: QuerySet | None = None):
    """The installed base at the period's end: every unit sold up to then."""
    return units_sold(scope, base, since=dt.date.min)


def complaints(scope: Scope, base: QuerySet | None = None) -> QuerySet | None:
    """Complaints received in the period (issue 8's `complaints.Complaint`)."""
    Complaint = optional_model("complaints.Complaint")
    if Complaint is None:
        return None
    start, end = scope.bounds()
    queryset = (base if base is not None else Complaint.objects.all()).filter(
        received_at__gte=start, received_at__lt=end
    )
    lookups = {
        "agent": "agent",
        "technician": "technician",
        "region": "agent__region",
        "category": "product_model__category",
        "product_model": "product_model",
    }
    return _narrow(queryset, _dims(scope, lookups))


def responses(scope: Scope, base: QuerySet | None = None) -> QuerySet | None:
    """Survey responses submitted in the period (issue 8's `surveys.Response`)."""
    Response = optional_model("surveys.Response")
    if Response is None:
        return None
    start, end = scope.bounds()
    queryset = (base if base is not None else Response.objects.all()).filter(
        submitted_at__gte=start, submitted_at__lt=end
    )
    lookups = {
        "agent": "invitation__agent",
        "technician": "invitation__technician",
        "region": "invitation__agent__region",
        "category": "invitation__visit__request__unit__product_model__category",
        "product_model": "invitation__visit__request__unit__product_model",
        "service_type": "invitation__visit__request__service_type",
    }
    return _narrow(queryset, _dims(scope, lookups))


def demand(scope: Scope, base: QuerySet | None = None) -> QuerySet | None:
    """Lines of demand on warehouses in the period (a reservation asked for)."""
    from aftersales.parts.models import DemandLine

    start, end = scope.bounds()
    queryset = (base if base is not None else DemandLine.objects.all()).filter(
        at__gte=start, at__lt=end
    )
    lookups = {
        "agent": "warehouse__agent",
        "technician": "warehouse__technician",
        "region": "warehouse__agent__region",
    }
    return _narrow(queryset, _dims(scope, lookups))


def technicians(scope: Scope) -> QuerySet | None:
    """Active technicians whose shifts make the available time of the scope."""
    from aftersales.workforce.models import Technician

    lookups = {"agent": "agent", "technician": "pk", "region": "agent__region"}
    return _narrow(Technician.objects.filter(is_active=True), _dims(scope, lookups))


def shift_minutes(row: dict) -> int:
    """A technician's working minutes a day: the shift less the break."""
    start, end = row["shift_start"], row["shift_end"]
    minutes = end.hour * 60 + end.minute - start.hour * 60 - start.minute
    return max(minutes - row["break_minutes"], 0)


def calendar_code(country: str | None) -> str:
    """Technicians work by their agent's country's calendar (the maker's own staff: Iran's)."""
    return "IT" if country == "IT" else "IR"


def staff_rows(scope: Scope) -> list[dict] | None:
    """The scope's active technicians with their agent, region, country and shift."""
    staff = technicians(scope)
    if staff is None:
        return None
    fields = ("pk", "agent", "agent__region", "agent__country")
    return list(staff.values(*fields, "shift_start", "shift_end", "break_minutes"))


def daily_minutes(scope: Scope, by: str | None = None, rows: list[dict] | None = None) -> dict:
    """{(group, calendar code): shift minutes a working day} of the scope's technicians, grouped
    by `by` ("agent", "agent__region" or "pk") or all together (group None). `rows`: the
    company's `staff_rows` when the caller has them (narrowed here to the scope)."""
    if rows is None:
        rows = staff_rows(scope) or []
    else:
        wanted = {"agent": scope.agent, "agent__region": scope.region, "pk": scope.technician}
        rows = [
            row
            for row in rows
            if all(value is None or row[key] == value for key, value in wanted.items())
        ]
    totals: dict = {}
    for row in rows:
        key = (row[by] if by else None, calendar_code(row["agent__country"]))
        totals[key] = totals.get(key, 0) + shift_minutes(row)
    return totals


@functools.lru_cache(maxsize=512)
def _working_days(code: str, start: dt.date, end: dt.date, holidays: frozenset) -> int:
    from aftersales.service.business import calendar_for

    calendar = calendar_for(code)
    return sum(
        1
        for offset in range((end - start).days + 1)
        if calendar.window(start + dt.timedelta(days=offset)) is not None
    )


def working_days(code: str, start: dt.date, end: dt.date) -> int:
    """Days with working hours in the calendar `code` from `start` to `end`."""
    from aftersales.service.business import calendar_for

    return _working_days(code, start, end, calendar_for(code).holidays)


def available_minutes(scope: Scope, minutes: dict | None = None) -> int | None:
    """Shift minutes of the scope's technicians on the working days of their calendar (Iran's,
    or Italy's for an Italian agent's technicians), holidays excluded."""
    if technicians(scope) is None:
        return None
    minutes = daily_minutes(scope) if minutes is None else minutes
    return sum(
        per_day * working_days(code, scope.start, scope.end)
        for (_, code), per_day in minutes.items()
    )
