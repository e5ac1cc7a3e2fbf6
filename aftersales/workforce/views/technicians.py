"""Staff pages for technicians (list, detail with skills, certifications, training and what they
hold; create, edit), their certifications, and the qualifications work needs."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.access import can
from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from .. import services
from ..choices import AbsenceStatus
from ..filters import CertificationFilter, QualificationFilter, TechnicianFilter
from ..forms import CertificationForm, QualificationForm, TechnicianForm
from ..models import WARN_DAYS, Absence, Certification, Handover, Qualification, Technician


def _agent(technician):
    return technician.agent.name if technician.agent else gettext_lazy("The maker")


def _names(related) -> str:
    return ", ".join(str(getattr(item, "name", item)) for item in related.all())


def _yes_no(value: bool):
    return gettext_lazy("Yes") if value else gettext_lazy("No")


class TechnicianList(ObjectListView):
    model = Technician
    filterset_class = TechnicianFilter
    default_sort = "last_name"
    select_related = ("agent",)
    columns = [
        Column("full_name", gettext_lazy("Name"), sort="last_name", link=True),
        Column(_agent, gettext_lazy("Agent"), sort="agent__name"),
        Column("phone", gettext_lazy("Phone"), kind="phone"),
        Column(lambda t: _names(t.categories), gettext_lazy("Product categories")),
        Column(lambda t: _names(t.service_types), gettext_lazy("Service types")),
        Column(
            lambda t: ", ".join(
                c.qualification.name for c in t.certifications.all() if c.valid_on(_today())
            ),
            gettext_lazy("Valid certifications"),
        ),
        Column(lambda t: _yes_no(t.is_active), gettext_lazy("Active"), sort="is_active"),
    ]

    @property
    def create_url(self):
        return reverse("workforce:create")

    def base_queryset(self):
        return (
            super()
            .base_queryset()
            .prefetch_related("categories", "service_types", "certifications__qualification")
        )


def _today():
    return timezone.localdate()


def _time_off_ahead(user, technician):
    """The technician's requested and approved time off not yet over, for those who may see it
    (None: the card is not shown)."""
    if not Absence.policy.allows(user, "view"):
        return None
    return (
        Absence.objects.restrict(user, "view")
        .filter(
            technician=technician,
            status__in=(AbsenceStatus.REQUESTED, AbsenceStatus.APPROVED),
            ends_at__gt=timezone.now(),
        )
        .order_by("starts_at")[:10]
    )


@login_required
def technician_detail(request, pk: int):
    technician = get_object_or_404(
        Technician.objects.restrict(request.user, "view").select_related("agent", "user"), pk=pk
    )
    today = _today()
    certifications = [
        (c, c.state_on(today), c.days_left(today))
        for c in Certification.objects.restrict(request.user, "view")
        .filter(technician=technician)
        .select_related("qualification")
        .order_by("qualification__name", "-issued_on")
    ]
    context = {
        "technician": technician,
        "title": technician.full_name,
        "today": today,
        "warn_days": WARN_DAYS,
        "categories": technician.categories.all(),
        "service_types": technician.service_types.all(),
        "product_models": technician.product_models.select_related("category"),
        "certifications": certifications,
        "attendances": technician.attendances.select_related("session__course").order_by(
            "-session__starts_on"
        )[:20],
        "holdings": Handover.objects.restrict(request.user, "view")
        .filter(technician=technician, returned_at__isnull=True)
        .select_related("asset"),
        "installed_count": technician.installed_units.restrict(request.user, "view").count(),
        "can_change": Technician.policy.allows(request.user, "change"),
        "can_certify": Certification.policy.allows(request.user, "add"),
        "time_off": _time_off_ahead(request.user, technician),
    }
    return TemplateResponse(request, "workforce/detail.html", context)


@login_required
def technician_create(request):
    require(request, Technician, "add")
    return form_page(
        request,
        TechnicianForm(request.POST or None, user=request.user),
        save=lambda data: services.technician_create(by=request.user, **data),
        title=_("New technician"),
        done=_("Technician created."),
        cancel_url=reverse("workforce:list"),
    )


@login_required
def technician_edit(request, pk: int):
    technician = get_object_or_404(Technician.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        TechnicianForm(request.POST or None, instance=technician, user=request.user),
        save=lambda data: services.technician_update(
            technician=technician, by=request.user, **data
        ),
        title=_("Edit %(name)s") % {"name": technician.full_name},
        done=_("Changes saved."),
        cancel_url=technician.get_absolute_url(),
    )


# --- certifications -----------------------------------------------------------------------------


def _state(certification):
    return certification.state_on(_today()).label


def _days_left(certification):
    days = certification.days_left(_today())
    return "" if days is None else days


class CertificationList(ObjectListView):
    model = Certification
    filterset_class = CertificationFilter
    default_sort = "expires_on"
    select_related = ("technician", "technician__agent", "qualification")
    title = gettext_lazy("Certifications")
    columns = [
        Column(
            "technician.full_name",
            gettext_lazy("Technician"),
            sort="technician__last_name",
            link=True,
        ),
        Column(lambda c: _agent(c.technician), gettext_lazy("Agent")),
        Column("qualification.name", gettext_lazy("Qualification"), sort="qualification__name"),
        Column("number", gettext_lazy("Certificate number"), kind="serial"),
        Column("issued_on", gettext_lazy("Issued on"), sort="issued_on", kind="date"),
        Column("expires_on", gettext_lazy("Expires on"), sort="expires_on", kind="date"),
        Column(_days_left, gettext_lazy("Days left"), kind="number"),
        Column(_state, gettext_lazy("State today")),
    ]

    def can_create(self) -> bool:
        return False  # a certification is added on its technician's page


@login_required
def certification_add(request, pk: int):
    require(request, Certification, "add")
    technician = get_object_or_404(Technician.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        CertificationForm(request.POST or None, user=request.user),
        save=lambda data: services.certification_add(
            technician=technician, by=request.user, **data
        ),
        title=_("New certification for %(name)s") % {"name": technician.full_name},
        done=_("Certification saved."),
        cancel_url=technician.get_absolute_url(),
    )


@login_required
def certification_edit(request, pk: int):
    certification = get_object_or_404(
        Certification.objects.restrict(request.user, "change").select_related("technician"), pk=pk
    )
    return form_page(
        request,
        CertificationForm(request.POST or None, instance=certification, user=request.user),
        save=lambda data: services.certification_update(
            certification=certification, by=request.user, **data
        ),
        title=_("Edit the certification of %(name)s") % {"name": certification.technician},
        done=_("Changes saved."),
        cancel_url=certification.technician.get_absolute_url(),
    )


# --- qualifications -----------------------------------------------------------------------------


class QualificationList(ObjectListView):
    model = Qualification
    filterset_class = QualificationFilter
    default_sort = "name"
    title = gettext_lazy("Qualifications")
    columns = [
        Column("name", gettext_lazy("Name"), sort="name", link=True),
        Column(
            lambda q: _names(q.categories) or gettext_lazy("Every category"),
            gettext_lazy("For product categories"),
        ),
        Column(
            lambda q: _names(q.service_types) or gettext_lazy("Every type"),
            gettext_lazy("For service types"),
        ),
        Column("validity_months", gettext_lazy("Validity (months)"), kind="number"),
        Column(lambda q: q.holders, gettext_lazy("Valid holders"), kind="number"),
        Column(lambda q: _yes_no(q.is_active), gettext_lazy("Active"), sort="is_active"),
    ]

    @property
    def create_url(self):
        return reverse("workforce:qualification_create")

    def base_queryset(self):
        from django.db.models import Count, Q

        today = _today()
        valid = (
            Q(certifications__issued_on__lte=today)
            & (
                Q(certifications__expires_on__isnull=True)
                | Q(certifications__expires_on__gte=today)
            )
            & Q(certifications__technician__is_active=True)
        )
        return (
            super()
            .base_queryset()
            .prefetch_related("categories", "service_types")
            .annotate(holders=Count("certifications__technician", filter=valid, distinct=True))
        )


@login_required
def qualification_create(request):
    require(request, Qualification, "add")
    return form_page(
        request,
        QualificationForm(request.POST or None, user=request.user),
        save=lambda data: services.qualification_create(by=request.user, **data),
        title=_("New qualification"),
        done=_("Qualification saved."),
        cancel_url=reverse("workforce:qualifications"),
        intro=_(
            "Work of the chosen categories and service types will only be offered to technicians "
            "who hold a certification of this qualification, valid on the day of the work."
        ),
    )


@login_required
def qualification_edit(request, pk: int):
    qualification = get_object_or_404(Qualification.objects.restrict(request.user, "view"), pk=pk)
    if not can(request.user, Qualification, "change"):
        return _qualification_page(request, qualification)
    return form_page(
        request,
        QualificationForm(request.POST or None, instance=qualification, user=request.user),
        save=lambda data: services.qualification_update(
            qualification=qualification, by=request.user, **data
        ),
        title=_("Edit %(name)s") % {"name": qualification.name},
        done=_("Changes saved."),
        cancel_url=reverse("workforce:qualifications"),
    )


def _qualification_page(request, qualification):
    """What a role that may not change a qualification sees: who holds it."""
    return TemplateResponse(
        request,
        "workforce/qualification.html",
        {
            "title": qualification.name,
            "qualification": qualification,
            "today": _today(),
            "certifications": Certification.objects.restrict(request.user, "view")
            .filter(qualification=qualification)
            .select_related("technician"),
        },
    )
