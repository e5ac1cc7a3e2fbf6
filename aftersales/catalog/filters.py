"""Filters of the catalogue lists; the free-text search is always `q`."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.filters import ActiveFilter
from aftersales.core.forms import FilterForm

from . import selectors
from .choices import FailureLevel, UsageMeter
from .models import Category, FailureCode, Part, ProductModel


def _search_box(label):
    return django_filters.CharFilter(
        label=label,
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )


def _categories(request):
    return Category.objects.restrict(request.user if request else None, "view")


def _models(request):
    return ProductModel.objects.restrict(request.user if request else None, "view")


class CategoryFilter(django_filters.FilterSet):
    q = _search_box(_("Code or name"))

    class Meta:
        model = Category
        fields = ["q"]
        form = FilterForm

    def search(self, queryset, name, value):
        return selectors.category_search(queryset, value)


class ProductModelFilter(django_filters.FilterSet):
    q = _search_box(_("Code or name"))
    category = django_filters.ModelChoiceFilter(
        queryset=_categories, label=_("Category"), empty_label=_("All")
    )
    usage_meter = django_filters.ChoiceFilter(
        choices=UsageMeter.choices, label=_("Usage meter"), empty_label=_("All")
    )
    is_active = ActiveFilter()

    class Meta:
        model = ProductModel
        fields = ["q", "category", "usage_meter", "is_active"]
        form = FilterForm

    def search(self, queryset, name, value):
        return selectors.product_model_search(queryset, value)


class PartFilter(django_filters.FilterSet):
    q = _search_box(_("SKU, name or description"))
    model = django_filters.ModelChoiceFilter(
        queryset=_models, label=_("Fits model"), empty_label=_("All"), method="fits_model"
    )
    category = django_filters.ModelChoiceFilter(
        queryset=_categories, label=_("Category"), empty_label=_("All"), method="in_category"
    )
    superseded = django_filters.BooleanFilter(
        field_name="superseded_by",
        lookup_expr="isnull",
        exclude=True,
        label=_("Superseded"),
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )
    is_active = ActiveFilter()

    class Meta:
        model = Part
        fields = ["q", "model", "category", "superseded", "is_active"]
        form = FilterForm

    def search(self, queryset, name, value):
        return selectors.part_search(queryset, value)

    def fits_model(self, queryset, name, value):
        fitting = Part.objects.filter(compatible_models=value).values("pk")
        return queryset.filter(pk__in=fitting)

    def in_category(self, queryset, name, value):
        fitting = Part.objects.filter(compatible_models__category=value).values("pk")
        return queryset.filter(pk__in=fitting)


class FailureCodeFilter(django_filters.FilterSet):
    q = _search_box(_("Code or name"))
    level = django_filters.ChoiceFilter(
        choices=FailureLevel.choices, label=_("Level"), empty_label=_("All")
    )
    category = django_filters.ModelChoiceFilter(
        queryset=_categories, label=_("Category"), empty_label=_("All"), method="in_category"
    )
    is_active = ActiveFilter()

    class Meta:
        model = FailureCode
        fields = ["q", "level", "category", "is_active"]
        form = FilterForm

    def search(self, queryset, name, value):
        return selectors.failure_code_search(queryset, value)

    def in_category(self, queryset, name, value):
        matching = FailureCode.objects.filter(categories=value).values("pk")
        return queryset.filter(pk__in=matching)
