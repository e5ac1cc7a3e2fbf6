import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from aftersales.agents.models import Agent
from aftersales.catalog.models import Category, ProductModel
from aftersales.core.filters import DateFilter
from aftersales.core.forms import FilterForm

from .choices import RegistrationStatus, UnitSource, UnitStatus
from .models import Registration, Unit
from .selectors import units_find


class UnitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Serial number"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True, "dir": "ltr"}),
    )
    category = django_filters.ModelChoiceFilter(
        field_name="product_model__category", queryset=Category.objects.all(), label=_("Category")
    )
    product_model = django_filters.ModelChoiceFilter(
        queryset=ProductModel.objects.all(), label=_("Model")
    )
    status = django_filters.ChoiceFilter(choices=UnitStatus.choices, label=_("Status"))
    service_agent = django_filters.ModelChoiceFilter(
        queryset=Agent.objects.all(), label=_("Servicing agent")
    )
    source = django_filters.ChoiceFilter(choices=UnitSource.choices, label=_("Source"))
    batch = django_filters.CharFilter(label=_("Production batch"))
    sold_after = DateFilter(field_name="sale_date", lookup_expr="gte", label=_("Sold from"))
    sold_before = DateFilter(field_name="sale_date", lookup_expr="lte", label=_("Sold until"))

    class Meta:
        model = Unit
        fields = ["q", "category", "product_model", "status", "service_agent", "source", "batch"]
        form = FilterForm

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["service_agent"].queryset = Agent.objects.restrict(request.user, "view")

    def search(self, queryset, name, value):
        return queryset.filter(pk__in=units_find(user=self.request.user, query=value).values("pk"))


class RegistrationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=RegistrationStatus.choices, label=_("Status"))
    serial = django_filters.CharFilter(label=_("Serial number"), lookup_expr="icontains")

    class Meta:
        model = Registration
        fields = ["status", "serial"]
        form = FilterForm
