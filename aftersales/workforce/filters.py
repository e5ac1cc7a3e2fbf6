"""Filters of the technicians list; the free-text search is `q`."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftersales.agents.models import Agent
from aftersales.catalog.models import Category
from aftersales.core.filters import ActiveFilter
from aftersales.core.forms import FilterForm
from aftersales.core.text import latin_digits

from .models import Technician

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
