"""Filters of the workforce lists; the free-text search is always `q`."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.agents.models import Agent
from aftersales.catalog.models import Category
from aftersales.core.filters import ActiveFilter, DateFilter, SearchFilter
from aftersales.core.forms import FilterForm
from aftersales.core.text import latin_digits

from .choices import (
    AbsenceKind,
    AbsenceStatus,
    AssetKind,
    AttendanceStatus,
    Audience,
    CertificateState,
    SessionStatus,
)
from .models import (
    WARN_DAYS,
    Absence,
    Asset,
    Attendance,
    Certification,
    Course,
    Handover,
    MileageReading,
    Qualification,
    Technician,
    TrainingSession,
)

IN_HOUSE = "none"


def _agents(request):
    return Agent.objects.restrict(request.user if request else None, "view")


def _categories(request):
    return Category.objects.restrict(request.user if request else None, "view")


class TechnicianFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or phone"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )
    agent = django_filters.ModelChoiceFilter(
        queryset=_agents,
        label=_("Agent"),
        empty_label=_("All"),
        null_label=_("The maker's own staff"),
        null_value=IN_HOUSE,
    )
    category = django_filters.ModelChoiceFilter(
        queryset=_categories, label=_("Category"), empty_label=_("All"), method="in_category"
    )
    is_active = ActiveFilter()

    class Meta:
        model = Technician
        fields = ["q", "agent", "category", "is_active"]
        form = FilterForm

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        words = Q()
        for word in value.split():
            words &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
        return queryset.filter(words | Q(phone__icontains=latin_digits(value)))

    def in_category(self, queryset, name, value):
        matching = Technician.objects.filter(categories=value).values("pk")
        return queryset.filter(pk__in=matching)


def _today():
    from django.utils import timezone

    return timezone.localdate()


def _choices(choices, all_label=None):
    return [("", all_label or _("All")), *choices]


class QualificationFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("name", "description"), label=_("Name"))
    category = django_filters.ModelChoiceFilter(
        queryset=_categories, label=_("Category"), empty_label=_("All"), method="for_category"
    )
    is_active = ActiveFilter()

    class Meta:
        model = Qualification
        fields = ["q", "category", "is_active"]
        form = FilterForm

    def for_category(self, queryset, name, value):
        return queryset.filter(Q(categories=value) | Q(categories__isnull=True)).distinct()


class CertificationFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("technician__first_name", "technician__last_name", "number"),
        label=_("Technician or number"),
    )
    qualification = django_filters.ModelChoiceFilter(
        queryset=lambda request: Qualification.objects.restrict(
            request.user if request else None, "view"
        ),
        label=_("Qualification"),
        empty_label=_("All"),
    )
    agent = django_filters.ModelChoiceFilter(
        field_name="technician__agent",
        queryset=_agents,
        label=_("Agent"),
        empty_label=_("All"),
        null_label=_("The maker's own staff"),
        null_value=IN_HOUSE,
    )
    state = django_filters.ChoiceFilter(
        choices=CertificateState.choices, label=_("State today"), method="in_state"
    )
    expires_before = DateFilter(field_name="expires_on", lookup_expr="lte", label=_("Expires by"))

    class Meta:
        model = Certification
        fields = ["q", "qualification", "agent", "state", "expires_before"]
        form = FilterForm

    def in_state(self, queryset, name, value):
        from .selectors import expiring_certifications

        today = _today()
        if value == CertificateState.EXPIRING:
            return expiring_certifications(queryset, today=today, within=WARN_DAYS)
        if value == CertificateState.EXPIRED:
            return queryset.filter(expires_on__lt=today)
        if value == CertificateState.NOT_YET:
            return queryset.filter(issued_on__gt=today)
        return queryset.filter(issued_on__lte=today).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today)
        )


class CourseFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("code", "title", "description"), label=_("Code or title"))
    audience = django_filters.ChoiceFilter(choices=Audience.choices, label=_("Audience"))
    is_active = ActiveFilter()

    class Meta:
        model = Course
        fields = ["q", "audience", "is_active"]
        form = FilterForm


class SessionFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("course__title", "course__code", "location", "trainer"),
        label=_("Course, place or trainer"),
    )
    status = django_filters.ChoiceFilter(choices=SessionStatus.choices, label=_("Status"))
    audience = django_filters.ChoiceFilter(
        field_name="course__audience", choices=Audience.choices, label=_("Audience")
    )
    starts_from = DateFilter(field_name="starts_on", lookup_expr="gte", label=_("From"))
    starts_until = DateFilter(field_name="starts_on", lookup_expr="lte", label=_("Until"))

    class Meta:
        model = TrainingSession
        fields = ["q", "status", "audience", "starts_from", "starts_until"]
        form = FilterForm


ATTENDEE_KINDS = [
    ("technician", _("Technicians")),
    ("staff", _("Other staff")),
    ("customer", _("Customers")),
]


class AttendanceFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=(
            "name",
            "technician__first_name",
            "technician__last_name",
            "customer__display_name",
            "session__course__title",
            "certificate_number",
        ),
        label=_("Name, course or certificate"),
    )
    kind = django_filters.ChoiceFilter(
        choices=ATTENDEE_KINDS, label=_("Attendee"), method="of_kind"
    )
    status = django_filters.ChoiceFilter(choices=AttendanceStatus.choices, label=_("Status"))
    agent = django_filters.ModelChoiceFilter(
        queryset=_agents,
        label=_("Agent"),
        empty_label=_("All"),
        null_label=_("The maker's own staff"),
        null_value=IN_HOUSE,
    )
    certified = django_filters.BooleanFilter(
        label=_("Certificate"),
        method="with_certificate",
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )
    held_from = DateFilter(field_name="session__starts_on", lookup_expr="gte", label=_("From"))
    held_until = DateFilter(field_name="session__starts_on", lookup_expr="lte", label=_("Until"))

    class Meta:
        model = Attendance
        fields = ["q", "kind", "status", "agent", "certified", "held_from", "held_until"]
        form = FilterForm

    def of_kind(self, queryset, name, value):
        if value == "technician":
            return queryset.filter(technician__isnull=False)
        if value == "customer":
            return queryset.filter(customer__isnull=False)
        return queryset.filter(technician__isnull=True, customer__isnull=True)

    def with_certificate(self, queryset, name, value):
        if value is None:
            return queryset
        return (
            queryset.exclude(certificate_number="")
            if value
            else queryset.filter(certificate_number="")
        )


HELD_CHOICES = [("held", _("Handed over")), ("free", _("In store"))]
DUE_CHOICES = [("due", _("Service due soon or overdue"))]


class AssetFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("code", "name", "serial", "plate"), label=_("Code, name, serial or plate")
    )
    kind = django_filters.ChoiceFilter(choices=AssetKind.choices, label=_("Kind"))
    held = django_filters.ChoiceFilter(choices=HELD_CHOICES, label=_("Where"), method="where")
    technician = django_filters.ModelChoiceFilter(
        queryset=lambda request: Technician.objects.restrict(
            request.user if request else None, "view"
        ),
        label=_("Held by"),
        empty_label=_("All"),
        method="held_by",
    )
    due = django_filters.ChoiceFilter(choices=DUE_CHOICES, label=_("Service"), method="service_due")
    is_active = ActiveFilter(label=_("In use"))

    class Meta:
        model = Asset
        fields = ["q", "kind", "held", "technician", "due", "is_active"]
        form = FilterForm

    def where(self, queryset, name, value):
        open_ = Handover.objects.filter(returned_at__isnull=True).values("asset_id")
        return queryset.filter(pk__in=open_) if value == "held" else queryset.exclude(pk__in=open_)

    def held_by(self, queryset, name, value):
        open_ = Handover.objects.filter(returned_at__isnull=True, technician=value)
        return queryset.filter(pk__in=open_.values("asset_id"))

    def service_due(self, queryset, name, value):
        from .selectors import vehicles_due

        return queryset.filter(pk__in=[v.pk for v in vehicles_due(queryset, today=_today())])


class HandoverFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=(
            "number",
            "asset__code",
            "asset__name",
            "technician__first_name",
            "technician__last_name",
        ),
        label=_("Receipt, tool or technician"),
    )
    kind = django_filters.ChoiceFilter(
        field_name="asset__kind", choices=AssetKind.choices, label=_("Kind")
    )
    open = django_filters.BooleanFilter(
        field_name="returned_at",
        lookup_expr="isnull",
        label=_("Not returned"),
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )
    handed_from = DateFilter(field_name="handed_at__date", lookup_expr="gte", label=_("From"))
    handed_until = DateFilter(field_name="handed_at__date", lookup_expr="lte", label=_("Until"))

    class Meta:
        model = Handover
        fields = ["q", "kind", "open", "handed_from", "handed_until"]
        form = FilterForm


class ReadingFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("vehicle__code", "vehicle__name", "vehicle__plate", "note"), label=_("Vehicle")
    )
    read_from = DateFilter(field_name="read_on", lookup_expr="gte", label=_("From"))
    read_until = DateFilter(field_name="read_on", lookup_expr="lte", label=_("Until"))

    class Meta:
        model = MileageReading
        fields = ["q", "read_from", "read_until"]
        form = FilterForm


class AbsenceFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("technician__first_name", "technician__last_name", "note"),
        label=_("Technician"),
    )
    status = django_filters.ChoiceFilter(choices=AbsenceStatus.choices, label=_("Status"))
    kind = django_filters.ChoiceFilter(choices=AbsenceKind.choices, label=_("Why"))
    agent = django_filters.ModelChoiceFilter(
        field_name="technician__agent",
        queryset=_agents,
        label=_("Agent"),
        empty_label=_("All"),
        null_label=_("The maker's own staff"),
        null_value=IN_HOUSE,
    )
    away_on = DateFilter(label=_("Away on"), method="on_day")
    ends_from = DateFilter(label=_("From"), method="from_day")
    starts_until = DateFilter(label=_("Until"), method="until_day")

    class Meta:
        model = Absence
        fields = ["q", "status", "kind", "agent", "away_on", "ends_from", "starts_until"]
        form = FilterForm

    @staticmethod
    def _midnight(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(0)))

    def on_day(self, queryset, name, value):
        start = self._midnight(value)
        return queryset.overlapping(start, self._midnight(value + datetime.timedelta(days=1)))

    def from_day(self, queryset, name, value):
        return queryset.filter(ends_at__gt=self._midnight(value))

    def until_day(self, queryset, name, value):
        return queryset.filter(starts_at__lt=self._midnight(value + datetime.timedelta(days=1)))
