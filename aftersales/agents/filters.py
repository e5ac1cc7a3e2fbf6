"""Filters of the agents list; the free-text search is `q`."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Country
from aftersales.core.forms import FilterForm

from .models import Agent


class AgentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Code, name or city"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )
    country = django_filters.ChoiceFilter(
        choices=Country.choices, label=_("Country"), empty_label=_("All")
    )
    is_active = django_filters.BooleanFilter(
        label=_("Active"),
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )

    class Meta:
        model = Agent
        fields = ["q", "country", "is_active"]
        form = FilterForm

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(code__icontains=value)
            | Q(name__icontains=value)
            | Q(city__icontains=value)
            | Q(region__icontains=value)
        )
