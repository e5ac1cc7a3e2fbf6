"""Filters shared by every list."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import DateField
from .search import contains_any


class DateFilter(django_filters.DateFilter):
    """A date filter that takes Jalali input for Persian users (see core.forms.DateField)."""

    field_class = DateField


class SearchFilter(django_filters.CharFilter):
    """The list's free-text box (`q`): any of `fields` contains the text, ignoring case."""

    def __init__(self, *, fields: tuple[str, ...], label, **kwargs):
        self.search_fields = fields
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search", "autofocus": True}))
        super().__init__(label=label, **kwargs)

    def filter(self, queryset, value):
        return contains_any(queryset, value, self.search_fields)


class ActiveFilter(django_filters.BooleanFilter):
    """All / active / inactive records."""

    def __init__(self, **kwargs):
        kwargs.setdefault("field_name", "is_active")
        kwargs.setdefault("label", _("Active"))
        kwargs.setdefault(
            "widget", forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))])
        )
        super().__init__(**kwargs)
