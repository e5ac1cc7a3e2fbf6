"""Filters of the billing lists; the free-text search is always `q`."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Currency
from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm

from .choices import InvoiceKind, InvoiceStatus, LineKind, Payer, PaymentMethod, QuoteStatus
from .models import BankStatement, Invoice, InvoiceLine, Payment, Quote


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
    currency = django_filters.ChoiceFilter(
        choices=Currency.choices, label=_("Currency"), empty_label=_("All")
    )
    due = django_filters.BooleanFilter(
        label=_("Balance due"),
        method="filter_due",
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )
    region = django_filters.CharFilter(label=_("Region"), lookup_expr="icontains")
    issued_from = DateFilter(field_name="issue_date", lookup_expr="gte", label=_("Issued from"))
    issued_to = DateFilter(field_name="issue_date", lookup_expr="lte", label=_("Issued until"))

    class Meta:
        model = Invoice
        fields = ["q", "kind", "status", "currency", "region"]
        form = FilterForm

    def filter_due(self, queryset, name, value):
        """Issued invoices with money still due (or owed back: a negative balance), or not."""
        due = Q(status=InvoiceStatus.ISSUED, kind=InvoiceKind.INVOICE) & ~Q(balance=0)
        return queryset.filter(due) if value else queryset.exclude(due)


class InvoiceLineFilter(django_filters.FilterSet):
    q = SearchFilter(
        label=_("Invoice number or description"),
        fields=("invoice__number", "description"),
    )
    payer = django_filters.ChoiceFilter(
        choices=Payer.choices, label=_("Payer"), empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(
        choices=LineKind.choices, label=_("Line"), empty_label=_("All")
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
    currency = django_filters.ChoiceFilter(
        choices=Currency.choices, label=_("Currency"), empty_label=_("All")
    )
    received_from = DateFilter(field_name="received_on", lookup_expr="gte", label=_("From"))
    received_to = DateFilter(field_name="received_on", lookup_expr="lte", label=_("Until"))

    class Meta:
        model = Payment
        fields = ["q", "method", "currency"]
        form = FilterForm


class BankStatementFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("File or account"), fields=("name", "account"))
    uploaded_from = DateFilter(field_name="uploaded_at", lookup_expr="date__gte", label=_("From"))
    uploaded_to = DateFilter(field_name="uploaded_at", lookup_expr="date__lte", label=_("Until"))

    class Meta:
        model = BankStatement
        fields = ["q"]
        form = FilterForm
