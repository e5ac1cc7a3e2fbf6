"""Filters of the stock lists; the free-text search is always `q`."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.forms import FilterForm

from . import selectors
from .choices import MoveKind, ReturnStatus, SuggestionStatus, WarehouseKind
from .models import DefectiveReturn, ReorderSuggestion, StockLevel, StockMove, Warehouse

YES_NO = [("", _("All")), ("true", _("Yes")), ("false", _("No"))]


def _search_box(label):
    return django_filters.CharFilter(
        label=label,
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )


def _warehouses(request):
    return Warehouse.objects.restrict(request.user if request else None, "view")


def _warehouse_filter(field_name="warehouse"):
    return django_filters.ModelChoiceFilter(
        field_name=field_name, queryset=_warehouses, label=_("Warehouse"), empty_label=_("All")
    )


class WarehouseFilter(django_filters.FilterSet):
    q = _search_box(_("Code or name"))
    kind = django_filters.ChoiceFilter(
        choices=WarehouseKind.choices, label=_("Kind"), empty_label=_("All")
    )

    class Meta:
        model = Warehouse
        fields = ["q", "kind"]
        form = FilterForm

    def search(self, queryset, name, value):
        return queryset.filter(code__icontains=value) | queryset.filter(name__icontains=value)


class StockLevelFilter(django_filters.FilterSet):
    q = _search_box(_("SKU or name"))
    warehouse = _warehouse_filter()
    below_reorder_point = django_filters.BooleanFilter(
        label=_("At or below reorder point"),
        method="below",
        widget=forms.Select(choices=YES_NO),
    )

    class Meta:
        model = StockLevel
        fields = ["q", "warehouse", "below_reorder_point"]
        form = FilterForm

    def search(self, queryset, name, value):
        return selectors.level_search(queryset, value)

    def below(self, queryset, name, value):
        if value is None:
            return queryset
        below = selectors.below_reorder_point(queryset)
        return below if value else queryset.exclude(pk__in=below.values("pk"))


class StockMoveFilter(django_filters.FilterSet):
    q = _search_box(_("SKU or document number"))
    warehouse = _warehouse_filter()
    kind = django_filters.ChoiceFilter(
        choices=MoveKind.choices, label=_("Kind"), empty_label=_("All")
    )

    class Meta:
        model = StockMove
        fields = ["q", "warehouse", "kind"]
        form = FilterForm

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(part__sku__icontains=value) | queryset.filter(
            document_number__icontains=value
        )


class ReturnFilter(django_filters.FilterSet):
    q = _search_box(_("Return number, SKU or claim"))
    status = django_filters.ChoiceFilter(
        choices=ReturnStatus.choices, label=_("Status"), empty_label=_("All")
    )

    class Meta:
        model = DefectiveReturn
        fields = ["q", "status"]
        form = FilterForm

    def search(self, queryset, name, value):
        value = value.strip()
        return (
            queryset.filter(number__icontains=value)
            | queryset.filter(part__sku__icontains=value)
            | queryset.filter(claim_number__icontains=value)
        )


class SuggestionFilter(django_filters.FilterSet):
    warehouse = _warehouse_filter()
    status = django_filters.ChoiceFilter(
        choices=SuggestionStatus.choices, label=_("Status"), empty_label=_("All")
    )

    class Meta:
        model = ReorderSuggestion
        fields = ["warehouse", "status"]
        form = FilterForm
