"""Filters of the article list; the free-text search is `q`."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.catalog.choices import FailureLevel
from aftersales.catalog.models import Category, FailureCode, ProductModel
from aftersales.core.forms import FilterForm

from . import selectors
from .choices import ArticleStatus, Audience
from .models import Article


def _categories(request):
    return Category.objects.restrict(request.user if request else None, "view")


def _models(request):
    return ProductModel.objects.restrict(request.user if request else None, "view")


def _symptoms(request):
    return FailureCode.objects.restrict(request.user if request else None, "view").filter(
        level=FailureLevel.SYMPTOM
    )


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Title or text"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )
    category = django_filters.ModelChoiceFilter(
        queryset=_categories, label=_("Category"), empty_label=_("All"), method="for_category"
    )
    model = django_filters.ModelChoiceFilter(
        queryset=_models, label=_("Model"), empty_label=_("All"), method="for_model"
    )
    symptom = django_filters.ModelChoiceFilter(
        queryset=_symptoms, label=_("Symptom"), empty_label=_("All"), method="for_symptom"
    )
    audience = django_filters.ChoiceFilter(
        choices=Audience.choices, label=_("Audience"), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        choices=ArticleStatus.choices, label=_("Status"), empty_label=_("All")
    )

    class Meta:
        model = Article
        fields = ["q", "category", "model", "symptom", "audience", "status"]
        form = FilterForm

    def search(self, queryset, name, value):
        return selectors.article_search(queryset, value)

    def for_category(self, queryset, name, value):
        return queryset.filter(pk__in=Article.objects.filter(categories=value).values("pk"))

    def for_model(self, queryset, name, value):
        """Articles for the model itself or for its whole category."""
        return queryset.filter(pk__in=selectors.article_ids_for_model(pk=value.pk))

    def for_symptom(self, queryset, name, value):
        return queryset.filter(pk__in=Article.objects.filter(symptoms=value).values("pk"))
