"""Filters shared by every list."""

import django_filters

from .forms import DateField


class DateFilter(django_filters.DateFilter):
    """A date filter that takes Jalali input for Persian users (see core.forms.DateField)."""

    field_class = DateField
