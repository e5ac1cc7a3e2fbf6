"""Who may do a piece of work: skills, and the certifications the work needs, valid on the day.

One rule for every place that picks a technician (the dispatcher's assign form, the API, the
route planner): a technician qualifies for work of product category C, model M and service type T
on day D when
- C is among their categories, or M among their specific models;
- they do every service type (none listed) or T is listed;
- for every active qualification that covers C (or any category) and T (or any type), they hold a
  certification of it valid on D (an expired one does not count).
"""

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import Certification, Qualification, Technician


def required_qualifications(*, category=None, service_type=None) -> QuerySet[Qualification]:
    """The qualifications work of this category and service type needs."""
    needed = Qualification.objects.filter(is_active=True)
    if category is not None:
        needed = needed.filter(Q(categories=category) | Q(categories__isnull=True))
    if service_type is not None:
        needed = needed.filter(Q(service_types=service_type) | Q(service_types__isnull=True))
    return needed.distinct()


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
        skill = Q(categories=category) if category is not None else Q()
        if product_model is not None:
            skill |= Q(product_models=product_model)
        technicians = technicians.filter(pk__in=Technician.objects.filter(skill).values("pk"))
    if service_type is not None:
        technicians = technicians.filter(
            Q(service_types=service_type) | Q(service_types__isnull=True)
        ).distinct()
    for qualification in required_qualifications(category=category, service_type=service_type):
        valid = Certification.objects.filter(
            technician=OuterRef("pk"), qualification=qualification, issued_on__lte=on
        ).filter(Q(expires_on__isnull=True) | Q(expires_on__gte=on))
        technicians = technicians.filter(Exists(valid))
    return technicians


def why_not(technician: Technician, *, category=None, service_type=None, on) -> list[str]:
    """The reasons (translated) `technician` may not do this work on `on`; empty if they may."""
    from django.utils.translation import gettext as _

    reasons = []
    if not technician.is_active:
        reasons.append(_("The technician is not active."))
    if category is not None and not technician.categories.filter(pk=category.pk).exists():
        reasons.append(_("Not skilled for %(category)s.") % {"category": category})
    if service_type is not None:
        types = technician.service_types.all()
        if types.exists() and not types.filter(pk=service_type.pk).exists():
            reasons.append(_("Does not do %(type)s.") % {"type": service_type})
    for qualification in required_qualifications(category=category, service_type=service_type):
        held = technician.certifications.filter(qualification=qualification)
        if not any(certification.valid_on(on) for certification in held):
            reasons.append(
                _("No valid %(qualification)s certification on that day.")
                % {"qualification": qualification}
            )
    return reasons
