"""Filters of the incoming e-mail list; the free-text search is `q`."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm

from .choices import MessageStatus
from .models import InboundMessage
from .selectors import replied

YES_NO = [("", _("All")), ("true", _("Yes")), ("false", _("No"))]


class MessageFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("from_address", "from_name", "subject"), label=_("Sender or subject"))
    status = django_filters.ChoiceFilter(
        choices=MessageStatus.choices, label=_("Status"), empty_label=_("All")
    )
    replied = django_filters.BooleanFilter(
        label=_("Customer replied"), method="filter_replied", widget=forms.Select(choices=YES_NO)
    )
    received_from = DateFilter(field_name="received_at", lookup_expr="date__gte", label=_("From"))
    received_to = DateFilter(field_name="received_at", lookup_expr="date__lte", label=_("To"))

    class Meta:
        model = InboundMessage
        fields = ["q", "status", "replied"]
        form = FilterForm

    def filter_replied(self, queryset, name, value):
        answers = replied(InboundMessage.objects.all()).values("pk")
        return queryset.filter(pk__in=answers) if value else queryset.exclude(pk__in=answers)
