"""Filters of the service lists; the free-text search is always `q`."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aftersales.core.filters import DateFilter, SearchFilter
from aftersales.core.forms import FilterForm
from aftersales.core.phones import parse_phone
from aftersales.customers.models import Phone
from aftersales.workforce.models import Technician

from .choices import OPEN_STATUSES, Channel, DefectStatus, Priority, Status, VisitStatus
from .models import DefectReport, ServiceRequest, ServiceType, Visit
from .selectors import breached_q


def _types(request):
    return ServiceType.objects.restrict(request.user if request else None, "view")


def _technicians(request):
    return Technician.objects.restrict(request.user if request else None, "view")


OPEN_CHOICES = [("open", _("Open")), ("closed", _("Finished"))]


class RequestSearchFilter(SearchFilter):
    """The queue's search box: the text in the number, customer, serial or description, or a
    phone number in any format (the customer's phones, the request's contact phone)."""

    def filter(self, queryset, value):
        found = super().filter(queryset, value)
        phone = parse_phone(value or "")
        if not phone:
            return found
        owners = Phone.objects.filter(number=phone).values("customer_id")
        return queryset.filter(
            Q(pk__in=found.values("pk")) | Q(customer__in=owners) | Q(contact_phone=phone)
        )


class RequestFilter(django_filters.FilterSet):
    q = RequestSearchFilter(
        fields=("number", "customer__display_name", "unit__serial", "description"),
        label=_("Number, customer, phone, serial or text"),
    )
    state = django_filters.ChoiceFilter(
        choices=OPEN_CHOICES, method="by_state", label=_("Open or finished"), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        choices=Status.choices, label=_("Status"), empty_label=_("All")
    )
    priority = django_filters.ChoiceFilter(
        choices=Priority.choices, label=_("Priority"), empty_label=_("All")
    )
    service_type = django_filters.ModelChoiceFilter(
        queryset=_types, label=_("Service type"), empty_label=_("All")
    )
    channel = django_filters.ChoiceFilter(
        choices=Channel.choices, label=_("Channel"), empty_label=_("All")
    )
    breached = django_filters.BooleanFilter(
        method="by_breach",
        label=_("Service level breached"),
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )

    class Meta:
        model = ServiceRequest
        fields = ["q", "state", "status", "priority", "service_type", "channel", "breached"]
        form = FilterForm

    def by_breach(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(breached_q()) if value else queryset.exclude(breached_q())

    def by_state(self, queryset, name, value):
        if value == "open":
            return queryset.filter(status__in=OPEN_STATUSES)
        return queryset.exclude(status__in=OPEN_STATUSES)


class VisitFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("number", "request__number", "request__customer__display_name"),
        label=_("Number or customer"),
    )
    status = django_filters.ChoiceFilter(
        choices=VisitStatus.choices, label=_("Status"), empty_label=_("All")
    )
    technician = django_filters.ModelChoiceFilter(
        queryset=_technicians, label=_("Technician"), empty_label=_("All")
    )
    since = DateFilter(field_name="window_start", lookup_expr="date__gte", label=_("From day"))
    until = DateFilter(field_name="window_start", lookup_expr="date__lte", label=_("Until day"))

    class Meta:
        model = Visit
        fields = ["q", "status", "technician", "since", "until"]
        form = FilterForm


class DefectFilter(django_filters.FilterSet):
    q = SearchFilter(
        fields=("number", "unit__serial", "batch", "unit__product_model__code", "description"),
        label=_("Number, serial, batch or model"),
    )
    status = django_filters.ChoiceFilter(
        choices=DefectStatus.choices, label=_("Status"), empty_label=_("All")
    )

    class Meta:
        model = DefectReport
        fields = ["q", "status"]
        form = FilterForm
