"""Filters of the complaints list; the free-text search is `q`."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm

from .choices import TIMED_STAGES, RootCause, Severity, Stage
from .models import Complaint

YES_NO = [("", _("All")), ("true", _("Yes")), ("false", _("No"))]


class ComplaintFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("code", "subject", "contact_name", "customer__search_name", "unit__serial"),
        label=_("Code, subject, name or serial"),
    )
    stage = django_filters.ChoiceFilter(
        choices=Stage.choices, label=_("Stage"), empty_label=_("All")
    )
    severity = django_filters.ChoiceFilter(
        choices=Severity.choices, label=_("Severity"), empty_label=_("All")
    )
    root_cause = django_filters.ChoiceFilter(
        choices=RootCause.choices, label=_("Root cause"), empty_label=_("All")
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue"), method="filter_overdue", widget=forms.Select(choices=YES_NO)
    )
    received_from = DateFilter(field_name="received_at", lookup_expr="date__gte", label=_("From"))
    received_to = DateFilter(field_name="received_at", lookup_expr="date__lte", label=_("To"))

    class Meta:
        model = Complaint
        fields = ["q", "stage", "severity", "root_cause", "overdue"]
        form = FilterForm

    def filter_overdue(self, queryset, name, value):
        late = {"stage__in": TIMED_STAGES, "due_at__lt": timezone.now()}
        return queryset.filter(**late) if value else queryset.exclude(**late)
