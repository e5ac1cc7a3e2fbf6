import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Country, Language
from aftersales.core.forms import FilterForm

from .choices import CustomerKind, CustomerTier
from .models import Customer
from .selectors import customers_find


class CustomerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Phone, name or national ID"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )
    kind = django_filters.ChoiceFilter(choices=CustomerKind.choices, label=_("Kind"))
    country = django_filters.ChoiceFilter(choices=Country.choices, label=_("Country"))
    tier = django_filters.ChoiceFilter(choices=CustomerTier.choices, label=_("Tier"))
    preferred_language = django_filters.ChoiceFilter(choices=Language.choices, label=_("Language"))
    consent_sms = django_filters.BooleanFilter(label=_("Agrees to SMS"))

    class Meta:
        model = Customer
        fields = ["q", "kind", "country", "tier", "preferred_language", "consent_sms"]
        form = FilterForm

    def search(self, queryset, name, value):
        found = customers_find(user=self.request.user, query=value).values("pk")
        return queryset.filter(pk__in=found)
