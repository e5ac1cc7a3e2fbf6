"""Filters of the survey lists; the free-text search is `q`."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy

from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm

from .choices import FollowUpStatus, Trigger
from .models import FollowUp, Invitation

ANSWERED = [("", gettext_lazy("All")), ("true", gettext_lazy("Yes")), ("false", gettext_lazy("No"))]


class InvitationFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("customer__search_name", "visit__number", "complaint__code", "agent__name"),
        label=gettext_lazy("Customer, visit, complaint or agent"),
    )
    template__trigger = django_filters.ChoiceFilter(
        choices=Trigger.choices, label=gettext_lazy("Sent"), empty_label=gettext_lazy("All")
    )
    answered = django_filters.BooleanFilter(
        field_name="response",
        lookup_expr="isnull",
        exclude=True,
        label=gettext_lazy("Answered"),
        widget=django_filters.widgets.forms.Select(choices=ANSWERED),
    )
    sent_from = DateFilter(
        field_name="sent_at", lookup_expr="date__gte", label=gettext_lazy("From")
    )
    sent_to = DateFilter(field_name="sent_at", lookup_expr="date__lte", label=gettext_lazy("To"))

    class Meta:
        model = Invitation
        fields = ["q"]
        form = FilterForm


class FollowUpFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("customer__search_name", "reason", "agent__name"),
        label=gettext_lazy("Customer, reason or agent"),
    )
    status = django_filters.ChoiceFilter(
        choices=FollowUpStatus.choices,
        label=gettext_lazy("Status"),
        empty_label=gettext_lazy("All"),
    )
    mine = django_filters.BooleanFilter(
        label=gettext_lazy("Mine"),
        method="filter_mine",
        widget=django_filters.widgets.forms.Select(choices=ANSWERED),
    )

    class Meta:
        model = FollowUp
        fields = ["q", "status"]
        form = FilterForm

    def filter_mine(self, queryset, name, value):
        me = Q(assignee=self.request.user)
        return queryset.filter(me) if value else queryset.exclude(me)
