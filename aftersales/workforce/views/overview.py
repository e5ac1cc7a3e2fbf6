"""The workforce at a glance, for managers: certifications coming due, people trained, tools
out, vehicles due for service; with charts."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from aftersales.core import calendars
from aftersales.core.views.edit import require

from .. import selectors
from ..models import WARN_DAYS, Asset, Attendance, Certification, Handover, Technician


def _month_label(month: dt.date) -> str:
    """'November 2026'; in Persian the Jalali month covering most of it, e.g. ۱۴۰۵/۰۸."""
    if calendars.uses_jalali():
        return calendars.show_date(month + dt.timedelta(days=14))[:-3]
    return formats.date_format(month, "YEAR_MONTH_FORMAT")


@login_required
def overview(request):
    require(request, Certification, "add")  # the manager's page
    today = timezone.localdate()
    user = request.user
    certifications = Certification.objects.restrict(user, "view")
    expiring = selectors.expiring_certifications(
        certifications.select_related("technician", "qualification"), today=today
    ).order_by("expires_on")
    expiries = selectors.expiries_by_month(certifications, today=today)
    trained = selectors.trained_by_month(Attendance.objects.restrict(user, "view"), today=today)
    chart_expiries = {
        "labels": [_month_label(month) for month, _count in expiries],
        "datasets": [{"label": _("Certifications expiring"), "data": [n for _m, n in expiries]}],
    }
    chart_trained = {
        "labels": [_month_label(month) for month in trained["months"]],
        "datasets": [
            {"label": _("Technicians"), "data": trained["technician"]},
            {"label": _("Other staff"), "data": trained["staff"]},
            {"label": _("Customers"), "data": trained["customer"]},
        ],
    }
    context = {
        "title": _("Workforce"),
        "today": today,
        "warn_days": WARN_DAYS,
        "technicians": Technician.objects.restrict(user, "view").filter(is_active=True).count(),
        "expiring": expiring[:10],
        "expiring_count": expiring.count(),
        "expired_count": certifications.filter(
            expires_on__lt=today, technician__is_active=True
        ).count(),
        "tools_out": Handover.objects.restrict(user, "view")
        .filter(returned_at__isnull=True)
        .count(),
        "vehicles_due": selectors.vehicles_due(Asset.objects.restrict(user, "view"), today=today),
        "chart_expiries": chart_expiries,
        "chart_trained": chart_trained,
    }
    return TemplateResponse(request, "workforce/overview.html", context)
