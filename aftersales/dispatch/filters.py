"""Filters of the dispatch lists; the free-text search is always `q`."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm

from .choices import PlanStatus, Reason
from .models import Assignment, Plan

PLACED = [("", _("All")), ("true", _("Placed")), ("false", _("Not placed"))]


class PlanFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("number", "agent__name"), label=_("Number or agent"))
    status = django_filters.ChoiceFilter(
        choices=PlanStatus.choices, label=_("Status"), empty_label=_("All")
    )
    since = DateFilter(field_name="first_day", lookup_expr="gte", label=_("From day"))
    until = DateFilter(field_name="first_day", lookup_expr="lte", label=_("Until day"))

    class Meta:
        model = Plan
        fields = ["q", "status", "since", "until"]
        form = FilterForm


class AssignmentFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=(
            "request__number",
            "request__customer__display_name",
            "technician__first_name",
            "technician__last_name",
        ),
        label=_("Request, customer or technician"),
    )
    placed = django_filters.BooleanFilter(
        method="by_placed", label=_("Placed"), widget=forms.Select(choices=PLACED)
    )
    reason = django_filters.ChoiceFilter(
        choices=Reason.choices, label=_("Why not placed"), empty_label=_("All")
    )
    pinned = django_filters.BooleanFilter(
        label=_("Pinned"),
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )

    class Meta:
        model = Assignment
        fields = ["q", "placed", "reason", "pinned"]
        form = FilterForm

    def by_placed(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(technician__isnull=not value)
