"""Filters of the quality lists; the free-text search is always `q`."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.models import ProductModel
from aftersales.core.forms import FilterForm

from .choices import (
    CapaSource,
    CapaStatus,
    GroupKind,
    NeedAudience,
    NeedKind,
    NeedStatus,
    WarningStatus,
)
from .models import CorrectiveAction, CustomerNeed, EarlyWarning


def _search_box(label):
    return django_filters.CharFilter(
        label=label,
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )


def _models(request):
    if request is None:
        return ProductModel.objects.none()
    return ProductModel.objects.restrict(request.user, "view")


class WarningFilter(django_filters.FilterSet):
    q = _search_box(_("Model, batch or month"))
    status = django_filters.ChoiceFilter(
        choices=WarningStatus.choices, label=_("Status"), empty_label=_("All")
    )
    group_kind = django_filters.ChoiceFilter(
        choices=GroupKind.choices, label=_("Group"), empty_label=_("All")
    )
    product_model = django_filters.ModelChoiceFilter(queryset=_models, label=_("Model"))

    class Meta:
        model = EarlyWarning
        fields = ["q", "status", "group_kind", "product_model"]
        form = FilterForm

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(product_model__code__icontains=value) | Q(group__icontains=value))


class CapaFilter(django_filters.FilterSet):
    q = _search_box(_("Number, title, complaint or model"))
    status = django_filters.ChoiceFilter(
        choices=CapaStatus.choices, label=_("Status"), empty_label=_("All")
    )
    source = django_filters.ChoiceFilter(
        choices=CapaSource.choices, label=_("Source"), empty_label=_("All")
    )
    product_model = django_filters.ModelChoiceFilter(queryset=_models, label=_("Model"))
    overdue = django_filters.BooleanFilter(
        label=_("Overdue"), method="filter_overdue", widget=forms.CheckboxInput
    )
    mine = django_filters.BooleanFilter(
        label=_("Mine"), method="filter_mine", widget=forms.CheckboxInput
    )

    class Meta:
        model = CorrectiveAction
        fields = ["q", "status", "source", "product_model", "overdue", "mine"]
        form = FilterForm

    def filter_mine(self, queryset, name, value):
        """The actions the user owns."""
        return queryset.filter(owner=self.request.user) if value else queryset

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(
            Q(number__iexact=value)
            | Q(title__icontains=value)
            | Q(complaint__code__iexact=value)
            | Q(product_model__code__icontains=value)
        )

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        from django.utils import timezone

        from .choices import OPEN_CAPA

        return queryset.filter(status__in=OPEN_CAPA, due_date__lt=timezone.localdate())


class NeedFilter(django_filters.FilterSet):
    q = _search_box(_("Words in the summary or details"))
    kind = django_filters.ChoiceFilter(
        choices=NeedKind.choices, label=_("Kind"), empty_label=_("All")
    )
    audience = django_filters.ChoiceFilter(
        choices=NeedAudience.choices, label=_("For"), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        choices=NeedStatus.choices, label=_("Status"), empty_label=_("All")
    )
    product_model = django_filters.ModelChoiceFilter(queryset=_models, label=_("Model"))

    class Meta:
        model = CustomerNeed
        fields = ["q", "kind", "audience", "status", "product_model"]
        form = FilterForm

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(summary__icontains=value) | Q(details__icontains=value))
