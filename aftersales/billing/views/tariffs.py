"""Tariff pages: one list per kind of tariff (search, sort, CSV/XLSX), edited by finance."""

from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import AmountColumn, Column, DecimalColumn, ObjectListView

from .. import services
from ..forms import CompanyForm, FixedPriceForm, LabourRateForm, TaxRateForm, TravelZoneForm
from ..models import Company, FixedPrice, LabourRate, TaxRate, TravelZone
from ..selectors import with_company_currency


def _any(value):
    return value if value not in (None, "") else gettext_lazy("Any")


class TariffList(ObjectListView):
    """The rows of one kind of tariff; `kind` names it in the URL."""

    template_name = "billing/tariff_list.html"
    kind = ""

    @property
    def create_url(self):
        return reverse("billing:tariff_create", args=[self.kind])

    @property
    def title(self):  # the page's title as a title, not the record's lower-case plural
        return capfirst(self.model._meta.verbose_name_plural)

    def base_queryset(self):
        queryset = super().base_queryset()
        if any(isinstance(column, AmountColumn) for column in self.columns):
            queryset = with_company_currency(queryset)
        return queryset

    def get(self, request, *args, **kwargs):
        can_change = self.model.policy.allows(request.user, "change")
        self.columns = [  # the first column opens the row's edit page for those who may edit
            replace(column, link=can_change and index == 0)
            for index, column in enumerate(type(self).columns)
        ]
        if request.htmx and not request.htmx.boosted:  # the filters' partial is the core list's
            self.template_name = ObjectListView.template_name
        response = super().get(request, *args, **kwargs)
        if hasattr(response, "context_data") and response.context_data is not None:
            response.context_data["kinds"] = [
                (kind, view.model._meta.verbose_name_plural) for kind, view in KINDS.items()
            ]
            response.context_data["kind"] = self.kind
            response.context_data["can_change"] = can_change
        return response


class CompanyList(TariffList):
    model = Company
    kind = "companies"
    default_sort = "country"
    columns = [
        Column("get_country_display", gettext_lazy("Country"), sort="country"),
        Column("name", gettext_lazy("Name"), sort="name"),
        Column("currency", gettext_lazy("Currency"), sort="currency"),
        Column("vat_number", gettext_lazy("VAT number"), kind="serial"),
        Column("invoice_prefix", gettext_lazy("Invoice series"), kind="serial"),
    ]


class TaxRateList(TariffList):
    model = TaxRate
    kind = "taxes"
    default_sort = "-valid_from"
    columns = [
        Column("get_country_display", gettext_lazy("Country"), sort="country"),
        Column("name", gettext_lazy("Name"), sort="name"),
        DecimalColumn("percent", gettext_lazy("Rate (%)"), sort="percent"),
        Column("valid_from", gettext_lazy("Valid from"), sort="valid_from", kind="date"),
    ]


class LabourRateList(TariffList):
    model = LabourRate
    kind = "labour"
    default_sort = "-valid_from"
    select_related = ("service_type", "category")
    columns = [
        Column("get_country_display", gettext_lazy("Country"), sort="country"),
        Column(lambda r: _any(r.service_type), gettext_lazy("Service type"), sort="service_type"),
        Column(lambda r: _any(r.category), gettext_lazy("Category"), sort="category"),
        Column(lambda r: _any(r.region), gettext_lazy("Region"), sort="region"),
        AmountColumn("hourly_rate", gettext_lazy("Rate per hour"), sort="hourly_rate"),
        AmountColumn(
            "commitment_rate", gettext_lazy("Commitment-period rate"), sort="commitment_rate"
        ),
        Column("minimum_minutes", gettext_lazy("Minimum (minutes)"), kind="number"),
        Column("valid_from", gettext_lazy("Valid from"), sort="valid_from", kind="date"),
    ]


class TravelZoneList(TariffList):
    model = TravelZone
    kind = "travel"
    default_sort = "up_to_km"
    columns = [
        Column("get_country_display", gettext_lazy("Country"), sort="country"),
        Column("name", gettext_lazy("Name"), sort="name"),
        DecimalColumn("up_to_km", gettext_lazy("Up to (km)"), sort="up_to_km"),
        AmountColumn("fee", gettext_lazy("Fee"), sort="fee"),
        Column("valid_from", gettext_lazy("Valid from"), sort="valid_from", kind="date"),
    ]


class FixedPriceList(TariffList):
    model = FixedPrice
    kind = "fixed"
    default_sort = "-valid_from"
    select_related = ("service_type", "product_model")
    columns = [
        Column("get_country_display", gettext_lazy("Country"), sort="country"),
        Column("service_type", gettext_lazy("Service type"), sort="service_type"),
        Column("product_model", gettext_lazy("Product model"), sort="product_model__code"),
        AmountColumn("amount", gettext_lazy("Price"), sort="amount"),
        Column("minutes", gettext_lazy("Standard duration (minutes)"), kind="number"),
        Column("valid_from", gettext_lazy("Valid from"), sort="valid_from", kind="date"),
    ]


KINDS = {
    view.kind: view
    for view in (CompanyList, TaxRateList, LabourRateList, TravelZoneList, FixedPriceList)
}
FORMS = {
    "companies": CompanyForm,
    "taxes": TaxRateForm,
    "labour": LabourRateForm,
    "travel": TravelZoneForm,
    "fixed": FixedPriceForm,
}


def tariffs_home(request):
    return redirect("billing:tariffs", "labour")


def tariff_list(request, kind: str):
    view = KINDS.get(kind)
    if view is None:
        raise Http404
    return view.as_view()(request)


def _kind(kind: str):
    if kind not in KINDS:
        raise Http404
    return KINDS[kind].model, FORMS[kind]


@login_required
def tariff_create(request, kind: str):
    model, form_class = _kind(kind)
    require(request, model, "add")
    form = form_class(request.POST or None)

    def save(data):
        services.record_save(instance=model(), data=data, by=request.user)
        return reverse("billing:tariffs", args=[kind])

    return form_page(
        request,
        form,
        save=save,
        title=_("New %(kind)s") % {"kind": model._meta.verbose_name},
        cancel_url=reverse("billing:tariffs", args=[kind]),
        done=_("Saved."),
    )


@login_required
def tariff_edit(request, kind: str, pk: int):
    model, form_class = _kind(kind)
    row = get_object_or_404(model.objects.restrict(request.user, "change"), pk=pk)
    form = form_class(request.POST or None, instance=model.objects.get(pk=pk))

    def save(data):
        services.record_save(instance=row, data=data, by=request.user)
        return reverse("billing:tariffs", args=[kind])

    return form_page(
        request,
        form,
        save=save,
        title=_("Edit %(kind)s") % {"kind": model._meta.verbose_name},
        cancel_url=reverse("billing:tariffs", args=[kind]),
        done=_("Changes saved."),
    )
