"""The network plan: under- and over-served regions, with a chart."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.choices import Country
from aftersales.core.views.edit import require

from .. import planning
from ..forms import PeriodForm
from ..models import Agent


@login_required
def network_plan(request):
    require(request, Agent, "add")  # the people who shape the network
    today = timezone.localdate()
    initial = {"start": today - dt.timedelta(days=90), "end": today}
    form = PeriodForm(request.GET or None, initial=initial)
    start, end = initial["start"], initial["end"]
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    country = request.GET.get("country") or None
    if country not in Country.values:
        country = None
    regions = planning.network_plan(start=start, end=end, country=country)
    labels = [region.name or _("No region") for region in regions]
    return TemplateResponse(
        request,
        "agents/planning.html",
        {
            "title": _("Network plan"),
            "form": form,
            "country": country,
            "countries": Country.choices,
            "start": start,
            "end": end,
            "regions": regions,
            "under": planning.UNDER_SERVED,
            "over": planning.OVER_SERVED,
            "chart": {
                "labels": labels,
                "datasets": [
                    {
                        "label": _("Demand (hours)"),
                        "values": [float(r.demand_hours) for r in regions],
                    },
                    {
                        "label": _("Capacity (hours)"),
                        "values": [float(r.capacity_hours) for r in regions],
                    },
                ],
            },
        },
    )
