"""Who may do a piece of work: skills, and the certifications the work needs, valid on the day.

One rule for every place that picks a technician (the dispatcher's assign form, the service
API's schedule endpoint, the candidates endpoint, the route planner): a technician qualifies for
work of product category C, model M and service type T on day D when
- they are active;
- C is among their categories, or M among their specific models, or they list neither
  categories nor models (a generalist);
- they do every service type (none listed) or T is listed;
- for every active qualification that covers C (or every category) and T (or every type), they
  hold a certification of it valid on D: issued on or before D and not expired (an expired one
  does not count). Work of an unknown category (a request without a unit) needs only the
  qualifications that cover every category.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from aftersales.core.calendars import show_date

from .choices import AssetKind, ServiceDue
from .models import (
    WARN_DAYS,
    Asset,
    Certification,
    Handover,
    MileageReading,
    Qualification,
    Technician,
    add_months,
)


@dataclass(frozen=True)
class Work:
    """What a piece of work is, for choosing who may do it."""

    category: object = None
    product_model: object = None
    service_type: object = None

    @classmethod
    def of_request(cls, request) -> "Work":
        """The work of a service request (or of a visit's request)."""
        model = request.unit.product_model if request.unit_id else None
        return cls(
            category=model.category if model else None,
            product_model=model,
            service_type=request.service_type,
        )

    def kwargs(self) -> dict:
        return {
            "category": self.category,
            "product_model": self.product_model,
            "service_type": self.service_type,
        }


def required_qualifications(*, category=None, service_type=None) -> QuerySet[Qualification]:
    """The active qualifications work of this category and service type needs."""
    needed = Qualification.objects.filter(is_active=True)
    if category is not None:
        needed = needed.filter(Q(categories=category) | Q(categories__isnull=True))
    else:
        needed = needed.filter(categories__isnull=True)
    if service_type is not None:
        needed = needed.filter(Q(service_types=service_type) | Q(service_types__isnull=True))
    return needed.distinct()


def _generalists() -> QuerySet[Technician]:
    return Technician.objects.filter(categories__isnull=True, product_models__isnull=True)


def qualified(
    technicians: QuerySet[Technician],
    *,
    category=None,
    product_model=None,
    service_type=None,
    on: datetime.date,
) -> QuerySet[Technician]:
    """`technicians` narrowed to the active ones who may do this work on day `on`."""
    technicians = technicians.filter(is_active=True)
    if product_model is not None and category is None:
        category = product_model.category
    if category is not None or product_model is not None:
        skill = Q(categories=category) if category is not None else Q(pk__in=[])
        if product_model is not None:
            skill |= Q(product_models=product_model)
        skilled = Technician.objects.filter(skill).values("pk")
        technicians = technicians.filter(Q(pk__in=skilled) | Q(pk__in=_generalists().values("pk")))
    if service_type is not None:
        doing = Technician.objects.filter(
            Q(service_types=service_type) | Q(service_types__isnull=True)
        ).values("pk")
        technicians = technicians.filter(pk__in=doing)
    for qualification in required_qualifications(category=category, service_type=service_type):
        technicians = technicians.filter(Exists(_valid_certificate(qualification, on)))
    return technicians


def _valid_certificate(qualification: Qualification, on: datetime.date) -> QuerySet:
    return Certification.objects.filter(
        technician=OuterRef("pk"), qualification=qualification, issued_on__lte=on
    ).filter(Q(expires_on__isnull=True) | Q(expires_on__gte=on))


def why_not(
    technician: Technician,
    *,
    category=None,
    product_model=None,
    service_type=None,
    on: datetime.date,
    needed: list[Qualification] | None = None,
) -> list[str]:
    """The reasons (translated) `technician` may not do this work on `on`; empty if they may.
    `needed`: the work's required qualifications, when the caller already has them."""
    if product_model is not None and category is None:
        category = product_model.category
    reasons = []
    if not technician.is_active:
        reasons.append(_("The technician is not active."))
    categories = {category.pk for category in technician.categories.all()}
    models = {model.pk for model in technician.product_models.all()}
    if (categories or models) and (category is not None or product_model is not None):
        skilled = (category is not None and category.pk in categories) or (
            product_model is not None and product_model.pk in models
        )
        if not skilled:
            subject = product_model if product_model is not None else category
            reasons.append(_("Not skilled for %(work)s.") % {"work": subject})
    if service_type is not None:
        types = {kind.pk for kind in technician.service_types.all()}
        if types and service_type.pk not in types:
            reasons.append(_("Does not do %(type)s.") % {"type": service_type})
    held = list(technician.certifications.all())
    if needed is None:
        needed = list(required_qualifications(category=category, service_type=service_type))
    for qualification in needed:
        mine = [c for c in held if c.qualification_id == qualification.pk]
        if any(certification.valid_on(on) for certification in mine):
            continue
        expired = [c for c in mine if c.expires_on is not None and c.expires_on < on]
        if expired:
            last = max(c.expires_on for c in expired)
            reasons.append(
                _("The %(qualification)s certification expired on %(date)s.")
                % {"qualification": qualification, "date": show_date(last)}
            )
        else:
            reasons.append(
                _("No valid %(qualification)s certification on that day.")
                % {"qualification": qualification}
            )
    return reasons


def candidates(
    technicians: QuerySet[Technician], *, work: Work, on: datetime.date
) -> tuple[list[Technician], list[tuple[Technician, list[str]]]]:
    """Who among `technicians` may do `work` on `on`, and why each of the others may not."""
    technicians = technicians.select_related("agent").prefetch_related(
        "categories", "service_types", "product_models", "certifications"
    )
    ok = set(qualified(technicians, **work.kwargs(), on=on).values_list("pk", flat=True))
    category = work.category or (work.product_model.category if work.product_model else None)
    needed = list(required_qualifications(category=category, service_type=work.service_type))
    chosen, excluded = [], []
    for technician in technicians:
        if technician.pk in ok:
            chosen.append(technician)
        else:
            reasons = why_not(technician, **work.kwargs(), on=on, needed=needed)
            excluded.append((technician, reasons))
    return chosen, excluded


def expiring_certifications(
    certifications: QuerySet[Certification], *, today: datetime.date, within: int = WARN_DAYS
) -> QuerySet[Certification]:
    """Certifications expiring from `today` to `within` days on that no later certificate of the
    same qualification (held by the same technician) replaces."""
    later = Certification.objects.filter(
        technician=OuterRef("technician"), qualification=OuterRef("qualification")
    ).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=OuterRef("expires_on")))
    return certifications.filter(
        expires_on__gte=today,
        expires_on__lte=today + datetime.timedelta(days=within),
        technician__is_active=True,
    ).exclude(Exists(later))


def assets_with_state(assets: QuerySet[Asset]) -> QuerySet[Asset]:
    """Tools and vehicles with who holds them now (`held_by_id`, `held_by_name`) and the
    latest odometer reading (`odometer_km`)."""
    open_handover = Handover.objects.filter(asset=OuterRef("pk"), returned_at__isnull=True)
    latest = MileageReading.objects.filter(vehicle=OuterRef("pk")).order_by("-read_on", "-km")
    return assets.annotate(
        held_by_id=Subquery(open_handover.values("technician_id")[:1]),
        held_by_first=Subquery(open_handover.values("technician__first_name")[:1]),
        held_by_last=Subquery(open_handover.values("technician__last_name")[:1]),
        odometer_km=Subquery(latest.values("km")[:1]),
    )


def vehicles_due(assets: QuerySet[Asset], *, today: datetime.date) -> list[Asset]:
    """Vehicles whose service is due soon or overdue, most urgent first."""
    vehicles = assets_with_state(assets.filter(kind=AssetKind.VEHICLE, is_active=True))
    due = [
        v
        for v in vehicles
        if v.service_due(today, v.odometer_km) in (ServiceDue.SOON, ServiceDue.OVERDUE)
    ]
    return sorted(
        due, key=lambda v: (v.service_due(today, v.odometer_km) != ServiceDue.OVERDUE, v.code)
    )


def _month_starts(first: datetime.date, count: int) -> list[datetime.date]:
    months, day = [], first.replace(day=1)
    for _step in range(count):
        months.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


def expiries_by_month(
    certifications: QuerySet[Certification], *, today: datetime.date, months: int = 12
) -> list[tuple[datetime.date, int]]:
    """How many certifications (not replaced by a later one) expire from today on, in each month
    of the coming `months` (this one first)."""
    starts = _month_starts(today, months)
    end = _month_starts(starts[-1], 2)[1]
    later = Certification.objects.filter(
        technician=OuterRef("technician"), qualification=OuterRef("qualification")
    ).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=OuterRef("expires_on")))
    counts = dict.fromkeys(starts, 0)
    days = (
        certifications.filter(expires_on__gte=today, expires_on__lt=end, technician__is_active=True)
        .exclude(Exists(later))
        .values_list("expires_on", flat=True)
    )
    for day in days:
        counts[day.replace(day=1)] += 1
    return list(counts.items())


def trained_by_month(
    attendances: QuerySet, *, today: datetime.date, months: int = 12
) -> dict[str, list[int]]:
    """People who attended a session, per month of the last `months`, by kind of attendee."""
    first = add_months(today.replace(day=1), -(months - 1))
    starts = _month_starts(first, months)
    index = {start: i for i, start in enumerate(starts)}
    series = {"technician": [0] * months, "staff": [0] * months, "customer": [0] * months}
    rows = attendances.filter(
        status="attended", session__starts_on__gte=first, session__starts_on__lte=today
    ).values_list("session__starts_on", "technician_id", "customer_id")
    for day, technician_id, customer_id in rows:
        kind = "technician" if technician_id else "customer" if customer_id else "staff"
        position = index.get(day.replace(day=1))
        if position is not None:
            series[kind][position] += 1
    return {"months": starts, **series}


# --- time off ---------------------------------------------------------------------------------


def visits_during(absence):
    """The technician's planned visits whose promised window meets `absence`: those an approved
    absence leaves without a technician (linked from its page, never moved by themselves)."""
    from aftersales.service.choices import VisitStatus
    from aftersales.service.models import Visit

    return (
        Visit.objects.filter(
            technician_id=absence.technician_id,
            status__in=(VisitStatus.PLANNED, VisitStatus.ON_SITE),
            window_start__lt=absence.ends_at,
            window_end__gt=absence.starts_at,
        )
        .select_related("request__customer")
        .order_by("window_start", "pk")
    )


def approved_absences(technician_ids, start: datetime.datetime, end: datetime.datetime):
    """The approved absences of `technician_ids` sharing any moment with [start, end)."""
    from .choices import AbsenceStatus
    from .models import Absence

    return (
        Absence.objects.filter(technician_id__in=set(technician_ids), status=AbsenceStatus.APPROVED)
        .overlapping(start, end)
        .select_related("technician")
        .order_by("starts_at", "pk")
    )
