"""Filters of the billing lists; the free-text search is always `q`."""

import django_filters
from django.utils.translation import gettext_lazy as _

from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm

from .choices import InvoiceKind, InvoiceStatus, Payer, PaymentMethod, QuoteStatus
from .models import Invoice, InvoiceLine, Payment, Quote


class InvoiceFilter(django_filters.FilterSet):
    q = SearchFilter(
        label=_("Number, customer or request"),
        fields=("number", "customer__display_name", "request__number", "visit__number"),
    )
    kind = django_filters.ChoiceFilter(
        choices=InvoiceKind.choices, label=_("Kind"), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        choices=InvoiceStatus.choices, label=_("Status"), empty_label=_("All")
    )
    region = django_filters.CharFilter(label=_("Region"), lookup_expr="icontains")
    issued_from = DateFilter(field_name="issue_date", lookup_expr="gte", label=_("Issued from"))
    issued_to = DateFilter(field_name="issue_date", lookup_expr="lte", label=_("Issued until"))

    class Meta:
        model = Invoice
        fields = ["q", "kind", "status", "currency", "region"]
        form = FilterForm


class InvoiceLineFilter(django_filters.FilterSet):
    q = SearchFilter(
        label=_("Invoice number or description"),
        fields=("invoice__number", "description"),
    )
    payer = django_filters.ChoiceFilter(
        choices=Payer.choices, label=_("Payer"), empty_label=_("All")
    )
    issued_from = DateFilter(
        field_name="invoice__issue_date", lookup_expr="gte", label=_("Issued from")
    )
    issued_to = DateFilter(
        field_name="invoice__issue_date", lookup_expr="lte", label=_("Issued until")
    )

    class Meta:
        model = InvoiceLine
        fields = ["q", "payer", "kind"]
        form = FilterForm


class QuoteFilter(django_filters.FilterSet):
    q = SearchFilter(
        label=_("Number, customer or request"),
        fields=("number", "customer__display_name", "request__number"),
    )
    status = django_filters.ChoiceFilter(
        choices=QuoteStatus.choices, label=_("Status"), empty_label=_("All")
    )

    class Meta:
        model = Quote
        fields = ["q", "status"]
        form = FilterForm


class PaymentFilter(django_filters.FilterSet):
    q = SearchFilter(
        label=_("Invoice, customer or reference"),
        fields=("invoice__number", "invoice__customer__display_name", "reference"),
    )
    method = django_filters.ChoiceFilter(
        choices=PaymentMethod.choices, label=_("Method"), empty_label=_("All")
    )
    received_from = DateFilter(field_name="received_on", lookup_expr="gte", label=_("From"))
    received_to = DateFilter(field_name="received_on", lookup_expr="lte", label=_("Until"))

    class Meta:
        model = Payment
        fields = ["q", "method", "currency"]
        form = FilterForm
