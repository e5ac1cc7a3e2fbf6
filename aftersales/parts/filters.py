"""Filters of the stock lists; the free-text search is always `q`."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.agents.models import Agent
from aftersales.core.filters import DateFilter
from aftersales.core.forms import FilterForm
from aftersales.core.search import contains_any

from . import selectors
from .choices import (
    CounterSaleStatus,
    MoveKind,
    ReturnStatus,
    SuggestionStatus,
    TransferStatus,
    WarehouseKind,
)
from .models import (
    CounterSale,
    DefectiveReturn,
    ReorderSuggestion,
    Reservation,
    StockLevel,
    StockMove,
    Transfer,
    Warehouse,
)

YES_NO = [("", _("All")), ("true", _("Yes")), ("false", _("No"))]


def _search_box(label):
    return django_filters.CharFilter(
        label=label,
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )


def _warehouses(request):
    return Warehouse.objects.restrict(request.user if request else None, "view")


def _agents(request):
    return Agent.objects.restrict(request.user if request else None, "view")


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
        return contains_any(queryset, value, ("code", "name"))


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
    since = DateFilter(field_name="at", lookup_expr="date__gte", label=_("From day"))
    until = DateFilter(field_name="at", lookup_expr="date__lte", label=_("Until day"))

    class Meta:
        model = StockMove
        fields = ["q", "warehouse", "kind", "since", "until"]
        form = FilterForm

    def search(self, queryset, name, value):
        return contains_any(queryset, value, ("part__sku", "document_number"))


class TransferFilter(django_filters.FilterSet):
    q = _search_box(_("Transfer number or SKU"))
    warehouse = django_filters.ModelChoiceFilter(
        queryset=_warehouses, label=_("Warehouse"), empty_label=_("All"), method="either_end"
    )
    status = django_filters.ChoiceFilter(
        choices=TransferStatus.choices, label=_("Status"), empty_label=_("All")
    )

    class Meta:
        model = Transfer
        fields = ["q", "warehouse", "status"]
        form = FilterForm

    def search(self, queryset, name, value):
        return contains_any(queryset, value, ("number", "part__sku"))

    def either_end(self, queryset, name, value):
        """Transfers out of the warehouse and into it."""
        return queryset.filter(Q(source=value) | Q(destination=value)) if value else queryset


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
        return contains_any(queryset, value, ("number", "part__sku", "claim_number"))


class SuggestionFilter(django_filters.FilterSet):
    warehouse = _warehouse_filter()
    status = django_filters.ChoiceFilter(
        choices=SuggestionStatus.choices, label=_("Status"), empty_label=_("All")
    )

    class Meta:
        model = ReorderSuggestion
        fields = ["warehouse", "status"]
        form = FilterForm


class CounterSaleFilter(django_filters.FilterSet):
    q = _search_box(_("Sale number, customer or agent"))
    warehouse = _warehouse_filter()
    agent = django_filters.ModelChoiceFilter(
        queryset=_agents, label=_("Agent"), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        choices=CounterSaleStatus.choices, label=_("Status"), empty_label=_("All")
    )
    sold_from = DateFilter(field_name="sold_at", lookup_expr="date__gte", label=_("Sold from"))
    sold_to = DateFilter(field_name="sold_at", lookup_expr="date__lte", label=_("Sold until"))

    class Meta:
        model = CounterSale
        fields = ["q", "warehouse", "agent", "status", "sold_from", "sold_to"]
        form = FilterForm

    def search(self, queryset, name, value):
        return contains_any(queryset, value, ("number", "customer__display_name", "agent__name"))


class PickListFilter(django_filters.FilterSet):
    """A warehouse and a day (today unless given); `outstanding` adds the earlier reservations
    still active."""

    warehouse = _warehouse_filter()
    day = DateFilter(label=_("Day"), method="on_day")
    outstanding = django_filters.BooleanFilter(
        label=_("Also earlier reservations still active"),
        method="noop",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Reservation
        fields = ["warehouse", "day", "outstanding"]
        form = FilterForm

    def on_day(self, queryset, name, value):
        return queryset  # applied in filter_queryset, with its default

    def noop(self, queryset, name, value):
        return queryset

    @property
    def day_value(self):
        data = getattr(self.form, "cleaned_data", {}) or {}
        return data.get("day") or timezone.localdate()

    def filter_queryset(self, queryset):
        return selectors.to_pick(
            super().filter_queryset(queryset),
            day=self.day_value,
            outstanding=bool(self.form.cleaned_data.get("outstanding")),
        )
