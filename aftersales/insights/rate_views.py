"""Exchange rates: the list (search, filters, export) and the form to add or change one."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.calendars import show_date
from aftersales.core.text import show_number
from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, DecimalColumn, ObjectListView

from . import services
from .display import _number
from .filters import ExchangeRateFilter
from .forms import ExchangeRateForm
from .models import ExchangeRate
from .rates import reporting_currency


def _inverse(rate: ExchangeRate) -> str:
    """'1 EUR = 1,050,000 IRR': how the rate is usually quoted."""
    per_unit = Decimal(1) / rate.rate
    amount = _number(per_unit, 0) if per_unit >= 100 else show_number(round(per_unit, 8))
    return _("1 %(reporting)s = %(amount)s %(currency)s") % {
        "reporting": reporting_currency(),
        "amount": amount,
        "currency": rate.currency,
    }


class RateColumn(DecimalColumn):
    """A rate of up to 18 decimals, exported as written ('0.000000952381', not '9.52E-7')."""

    def export(self, obj):
        value = self.value(obj)
        return "" if value is None else f"{value.normalize():f}"


class RateList(ObjectListView):
    model = ExchangeRate
    filterset_class = ExchangeRateFilter
    default_sort = "-valid_from"
    create_url = reverse_lazy("insights:rate_create")
    columns = [
        Column("get_currency_display", gettext_lazy("Currency"), sort="currency", link=True),
        Column("valid_from", gettext_lazy("Valid from"), sort="valid_from", kind="date"),
        RateColumn("rate", gettext_lazy("Rate"), sort="rate"),
        Column(_inverse, gettext_lazy("As quoted")),
        Column("note", gettext_lazy("Note")),
    ]

    def get(self, request, *args, **kwargs):
        require(request, ExchangeRate, "view")
        response = super().get(request, *args, **kwargs)
        if getattr(response, "context_data", None) is not None:
            response.context_data["title"] = _("Exchange rates to %(currency)s") % {
                "currency": reporting_currency()
            }
        return response


def _save(request, rate: ExchangeRate):
    def save(data):
        services.exchange_rate_save(
            rate=rate,
            by=request.user,
            currency=data["currency"],
            valid_from=data["valid_from"],
            value=data["rate"],
            note=data.get("note", ""),
        )
        return reverse("insights:rates")

    return save


@login_required
def rate_create(request):
    require(request, ExchangeRate, "add")
    form = ExchangeRateForm(request.POST or None)
    return form_page(
        request,
        form,
        save=_save(request, ExchangeRate()),
        title=_("New exchange rate"),
        cancel_url=reverse("insights:rates"),
        done=_("Rate saved."),
    )


@login_required
def rate_edit(request, pk: int):
    rate = get_object_or_404(ExchangeRate.objects.restrict(request.user, "change"), pk=pk)
    initial = {
        "currency": rate.currency,
        "valid_from": rate.valid_from,
        "rate": f"{rate.rate.normalize():f}",
        "note": rate.note,
    }
    form = ExchangeRateForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        save=_save(request, rate),
        title=_("Exchange rate of %(currency)s from %(day)s")
        % {
            "currency": rate.currency,
            "day": show_date(rate.valid_from),
        },
        cancel_url=reverse("insights:rates"),
        done=_("Changes saved."),
    )
