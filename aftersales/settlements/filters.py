"""Filters of the settlement lists; the free-text search is always `q`."""

import django_filters
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Currency
from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm

from .choices import RunStatus, SettlementStatus
from .models import JournalEntry, PaymentRun, Settlement


class SettlementFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("number", "agent__code", "agent__name"), label=_("Number or agent"))
    status = django_filters.ChoiceFilter(
        choices=SettlementStatus.choices, label=_("Status"), empty_label=_("All")
    )
    since = DateFilter(field_name="period_end", lookup_expr="gte", label=_("Periods ending from"))
    until = DateFilter(field_name="period_end", lookup_expr="lte", label=_("Periods ending by"))

    class Meta:
        model = Settlement
        fields = ["q", "status", "since", "until"]
        form = FilterForm


class JournalFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("settlement__number", "settlement__agent__code", "reference"),
        label=_("Settlement, agent or reference"),
    )
    since = DateFilter(field_name="day", lookup_expr="gte", label=_("From"))
    until = DateFilter(field_name="day", lookup_expr="lte", label=_("To"))

    class Meta:
        model = JournalEntry
        fields = ["q", "since", "until"]
        form = FilterForm


class PaymentRunFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("number", "bank_reference", "lines__settlement__number", "lines__payee"),
        label=_("Run, settlement, payee or reference"),
    )
    status = django_filters.ChoiceFilter(
        choices=RunStatus.choices, label=_("Status"), empty_label=_("All")
    )
    currency = django_filters.ChoiceFilter(
        choices=Currency.choices, label=_("Currency"), empty_label=_("All")
    )
    since = DateFilter(field_name="execution_date", lookup_expr="gte", label=_("Executed from"))
    until = DateFilter(field_name="execution_date", lookup_expr="lte", label=_("Executed by"))

    class Meta:
        model = PaymentRun
        fields = ["q", "status", "currency", "since", "until"]
        form = FilterForm

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()  # a run matches once, whatever line
