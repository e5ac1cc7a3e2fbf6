"""Filters of the warranty lists; the free-text search is always `q`."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftersales.core.forms import FilterForm

from .choices import ClaimStatus, RecoveryStatus, StartEvent
from .models import Claim, SupplierRecovery, WarrantyPolicy


def _search_box(label):
    return django_filters.CharFilter(
        label=label,
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )


class PolicyFilter(django_filters.FilterSet):
    q = _search_box(_("Name, model or category"))
    start_event = django_filters.ChoiceFilter(
        choices=StartEvent.choices, label=_("Starts at"), empty_label=_("All")
    )

    class Meta:
        model = WarrantyPolicy
        fields = ["q", "start_event", "is_active"]
        form = FilterForm

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(product_model__code__icontains=value)
            | Q(category__code__icontains=value)
        )


class ClaimFilter(django_filters.FilterSet):
    q = _search_box(_("Number, serial or agent's reference"))
    status = django_filters.ChoiceFilter(
        choices=ClaimStatus.choices, label=_("Status"), empty_label=_("All")
    )

    class Meta:
        model = Claim
        fields = ["q", "status"]
        form = FilterForm

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(number__iexact=value)
            | Q(unit__serial__istartswith=value.upper())
            | Q(external_ref__iexact=value)
        )


class RecoveryFilter(django_filters.FilterSet):
    q = _search_box(_("Number, claim or supplier"))
    status = django_filters.ChoiceFilter(
        choices=RecoveryStatus.choices, label=_("Status"), empty_label=_("All")
    )

    class Meta:
        model = SupplierRecovery
        fields = ["q", "status"]
        form = FilterForm

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(number__iexact=value) | Q(claim__number__iexact=value) | Q(supplier__icontains=value)
        )
