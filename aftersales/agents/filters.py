"""Filters of the agents list; the free-text search is `q`."""

import django_filters
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Country
from aftersales.core.filters import ActiveFilter, SearchFilter
from aftersales.core.forms import FilterForm

from .choices import AgentStatus
from .models import Agent


class AgentFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("Code, name or city"), fields=("code", "name", "city", "region"))
    country = django_filters.ChoiceFilter(
        choices=Country.choices, label=_("Country"), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        choices=AgentStatus.choices, label=_("Status"), empty_label=_("All")
    )
    is_active = ActiveFilter()

    class Meta:
        model = Agent
        fields = ["q", "country", "status", "is_active"]
        form = FilterForm
