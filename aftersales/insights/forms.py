"""The dashboard's scope: a period of days and at most a few dimensions."""

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aftersales.core.choices import Currency
from aftersales.core.forms import AmountField, BootstrapMixin, DateField

from .rates import reporting_currency
from .scope import Scope

MAX_DAYS = 3660
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


class PeriodDateField(DateField):
    """A date typed by the user (Jalali for Persian), or an ISO Gregorian date as the
    dashboard's own links carry it (a year after 1700 cannot be a Jalali year in use)."""

    def to_python(self, value):
        match = ISO_DATE.match(value) if isinstance(value, str) else None
        if match and int(match.group(1)) > 1700:
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                pass
        return super().to_python(value)


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last twelve months, this one included."""
    today = today or timezone.localdate()
    year, month = today.year, today.month - 11
    if month < 1:
        year, month = year - 1, month + 12
    return dt.date(year, month, 1), today


class ScopeForm(BootstrapMixin, forms.Form):
    """Reads a `Scope` from the query string; every choice comes through `restrict()`."""

    start = PeriodDateField(label=_("From"), required=False)
    end = PeriodDateField(label=_("To"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    agent = forms.ModelChoiceField(queryset=None, label=_("Agent"), required=False)
    technician = forms.ModelChoiceField(queryset=None, label=_("Technician"), required=False)
    category = forms.ModelChoiceField(queryset=None, label=_("Category"), required=False)
    product_model = forms.ModelChoiceField(queryset=None, label=_("Model"), required=False)
    service_type = forms.ModelChoiceField(queryset=None, label=_("Service type"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from aftersales.agents.models import Agent
        from aftersales.catalog.models import Category, ProductModel
        from aftersales.service.models import ServiceType
        from aftersales.workforce.models import Technician

        agents = Agent.objects.restrict(user, "view")
        self.fields["agent"].queryset = agents.order_by("code")
        self.fields["technician"].queryset = Technician.objects.restrict(user, "view")
        self.fields["category"].queryset = Category.objects.restrict(user, "view")
        self.fields["product_model"].queryset = ProductModel.objects.restrict(user, "view")
        self.fields["service_type"].queryset = ServiceType.objects.restrict(user, "view")
        regions = agents.exclude(region="").order_by("region").values_list("region", flat=True)
        self.fields["region"].choices = [("", _("All")), *((r, r) for r in regions.distinct())]
        for name in ("agent", "technician", "category", "product_model", "service_type"):
            self.fields[name].empty_label = _("All")

    def clean(self):
        data = super().clean()
        start, end = default_period()
        data["start"] = data.get("start") or start
        data["end"] = data.get("end") or end
        if data["start"] > data["end"]:
            self.add_error("end", _("The period must end on or after its first day."))
        elif (data["end"] - data["start"]).days > MAX_DAYS:
            self.add_error("start", _("Choose a period of ten years at most."))
        return data

    def scope(self) -> Scope:
        data = self.cleaned_data
        return Scope(
            start=data["start"],
            end=data["end"],
            region=data.get("region") or None,
            agent=data.get("agent"),
            technician=data.get("technician"),
            category=data.get("category"),
            product_model=data.get("product_model"),
            service_type=data.get("service_type"),
        )


RATE_PLACES = 18
RATE_MAX = Decimal(10) ** 12


class ExchangeRateForm(BootstrapMixin, forms.Form):
    """An exchange rate as typed: '0.00000095', '0,00000095' in Italian, Persian digits."""

    currency = forms.ChoiceField(label=_("Currency"))
    valid_from = DateField(label=_("Valid from"))
    rate = AmountField(
        label=_("Rate"),
        max_digits=None,
        decimal_places=None,
        error_messages={
            "invalid": _("Enter the rate as a number."),
            "required": _("Enter the rate."),
        },
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reporting = reporting_currency()
        self.fields["currency"].choices = [
            (value, label) for value, label in Currency.choices if value != reporting
        ]
        self.fields["rate"].help_text = _(
            "What one unit of the currency is worth in %(currency)s, from that day on."
        ) % {"currency": reporting}

    def clean_rate(self):
        value = self.cleaned_data["rate"]
        if not value.is_finite() or value <= 0:
            raise forms.ValidationError(_("Enter a rate above zero."), code="not_positive")
        if value >= RATE_MAX:
            raise forms.ValidationError(_("This rate is too large."), code="too_large")
        rounded = value.quantize(Decimal(1).scaleb(-RATE_PLACES), rounding=ROUND_HALF_UP)
        if not rounded:
            raise forms.ValidationError(_("This rate is too small."), code="too_small")
        return rounded
