"""Filters of the workshop queue; the free-text search is `q`."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftersales.core.filters import SearchFilter
from aftersales.core.forms import FilterForm
from aftersales.core.phones import parse_phone
from aftersales.core.search import contains_any
from aftersales.core.text import latin_digits

from .choices import ACTIVE_STATUSES, JobStatus
from .models import Workshop, WorkshopJob

SEARCHED = ("number", "request__number", "unit__serial", "request__customer__display_name")
STATE_CHOICES = [("here", _("In our hands")), ("gone", _("Returned or cancelled"))]


class JobSearch(SearchFilter):
    """Number, request number, serial or customer name; a phone in any format finds the
    customer's jobs by their phones or the request's contact phone."""

    def filter(self, queryset, value):
        text = latin_digits(value or "").strip()
        if not text:
            return queryset
        phone = parse_phone(text)
        if phone:
            return queryset.filter(
                Q(request__customer__phones__number=phone) | Q(request__contact_phone=phone)
            ).distinct()
        return contains_any(queryset, value, SEARCHED)


def _workshops(request):
    return Workshop.objects.restrict(request.user if request else None, "view")


class JobFilter(django_filters.FilterSet):
    q = JobSearch(fields=SEARCHED, label=_("Number, serial, customer or phone"))
    state = django_filters.ChoiceFilter(
        choices=STATE_CHOICES, method="by_state", label=_("Where"), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        choices=JobStatus.choices, label=_("Status"), empty_label=_("All")
    )
    workshop = django_filters.ModelChoiceFilter(
        queryset=_workshops, label=_("Workshop"), empty_label=_("All")
    )

    class Meta:
        model = WorkshopJob
        fields = ["q", "state", "status", "workshop"]
        form = FilterForm

    def by_state(self, queryset, name, value):
        if value == "here":
            return queryset.filter(status__in=ACTIVE_STATUSES)
        return queryset.exclude(status__in=ACTIVE_STATUSES)
