"""Filters of the insights lists; the free-text search is always `q`."""

import django_filters
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Currency
from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm

from .models import ExchangeRate


class ExchangeRateFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("Note"), fields=("note",))
    currency = django_filters.ChoiceFilter(
        choices=Currency.choices, label=_("Currency"), empty_label=_("All")
    )
    valid_from = DateFilter(field_name="valid_from", lookup_expr="gte", label=_("From"))
    valid_to = DateFilter(field_name="valid_from", lookup_expr="lte", label=_("Until"))

    class Meta:
        model = ExchangeRate
        fields = ["q", "currency"]
        form = FilterForm
