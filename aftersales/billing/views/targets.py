"""Revenue targets with actual against target, and the revenue by month, as charts."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.calendars import show_month
from aftersales.core.views.edit import form_page, require

from .. import services
from ..forms import RevenueTargetForm
from ..models import RevenueTarget
from ..selectors import home_currency, monthly_revenue, target_progress


@login_required
def target_list(request):
    require(request, RevenueTarget, "view")
    targets = RevenueTarget.objects.restrict(request.user, "view").select_related("service_type")
    progress = target_progress(targets[:50])
    today = timezone.localdate()
    start = (today.replace(day=1) - dt.timedelta(days=335)).replace(day=1)
    currency = home_currency()
    months = monthly_revenue(start=start, end=today, currency=currency)
    # targets in rials and in euros share one chart only as the share of each that was reached
    chart_targets = {
        "labels": [item.target.name for item in progress],
        "datasets": [
            {
                "label": _("Reached, per cent of the target"),
                "data": [
                    None if item.percent is None else float(item.percent) for item in progress
                ],
            }
        ],
    }
    chart_months = {
        "labels": [show_month(day) for day, _amount in months],
        "datasets": [
            {
                "label": _("Revenue (%(currency)s)") % {"currency": currency},
                "data": [float(amount) for _day, amount in months],
            }
        ],
    }
    context = {
        "title": _("Revenue targets"),
        "progress": progress,
        "chart_targets": chart_targets,
        "chart_months": chart_months,
        "currency": currency,
        "can_add": RevenueTarget.policy.allows(request.user, "add"),
    }
    return TemplateResponse(request, "billing/targets.html", context)


@login_required
def target_create(request):
    require(request, RevenueTarget, "add")
    form = RevenueTargetForm(request.POST or None, initial={"currency": home_currency()})

    def save(data):
        services.record_save(instance=RevenueTarget(), data=data, by=request.user)
        return reverse("billing:targets")

    return form_page(
        request,
        form,
        save=save,
        title=_("New revenue target"),
        cancel_url=reverse("billing:targets"),
        done=_("Target saved."),
    )


@login_required
def target_edit(request, pk: int):
    target = get_object_or_404(RevenueTarget.objects.restrict(request.user, "change"), pk=pk)
    form = RevenueTargetForm(request.POST or None, instance=RevenueTarget.objects.get(pk=pk))

    def save(data):
        services.record_save(instance=target, data=data, by=request.user)
        return reverse("billing:targets")

    return form_page(
        request,
        form,
        save=save,
        title=_("Edit %(name)s") % {"name": target},
        cancel_url=reverse("billing:targets"),
        done=_("Changes saved."),
    )
