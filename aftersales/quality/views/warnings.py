"""Early warnings: the list, one warning with its investigation, a scan on demand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.tasks import TaskResultStatus
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from aftersales.core.views.edit import require, submit
from aftersales.core.views.lists import Column, ObjectListView

from .. import services, tasks
from ..choices import WarningStatus
from ..filters import WarningFilter
from ..forms import DismissForm
from ..models import EarlyWarning
from .common import WithQualityNav


def _rate_ratio(warning):
    return f"{warning.rate_ratio}×"


def _adjusted_p(warning):
    return f"{warning.adjusted_p:.2g}"


class WarningList(WithQualityNav, ObjectListView):
    model = EarlyWarning
    filterset_class = WarningFilter
    default_sort = "-detected_at"
    select_related = ("product_model",)
    page_template = "quality/warning_list.html"
    columns = [
        Column("product_model.code", gettext_lazy("Model"), sort="product_model__code", link=True),
        Column("get_group_kind_display", gettext_lazy("Group"), sort="group_kind"),
        Column("group_shown", gettext_lazy("Batch or month"), sort="group", kind="serial"),
        Column("claims", gettext_lazy("Claims"), sort="claims", kind="number"),
        Column("expected", gettext_lazy("Expected claims"), sort="expected", kind="number"),
        Column(_rate_ratio, gettext_lazy("Rate ratio"), kind="number"),
        Column(_adjusted_p, gettext_lazy("Adjusted p-value"), sort="adjusted_p", kind="number"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("detected_at", gettext_lazy("Detected"), sort="detected_at", kind="datetime"),
    ]

    def can_create(self):
        return False

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if hasattr(response, "context_data"):
            response.context_data["can_scan"] = EarlyWarning.policy.allows(request.user, "add")
        return response


@login_required
def warning_detail(request, pk: int):
    warning = get_object_or_404(
        EarlyWarning.objects.restrict(request.user, "view").select_related("product_model"), pk=pk
    )
    return _page(request, warning)


def _page(request, warning, *, form=None, status=200):
    can_change = EarlyWarning.policy.allows(request.user, "change")
    context = {
        "obj": warning,
        "title": str(warning),
        "actions": warning.actions.all(),
        "form": (form or DismissForm())
        if can_change and warning.status != WarningStatus.DISMISSED
        else None,
    }
    return TemplateResponse(request, "quality/warning_detail.html", context, status=status)


@login_required
@require_POST
def warning_dismiss(request, pk: int):
    warning = get_object_or_404(EarlyWarning.objects.restrict(request.user, "change"), pk=pk)
    form = DismissForm(request.POST)
    if response := submit(
        request,
        form,
        save=lambda data: services.warning_dismiss(warning=warning, by=request.user, **data),
        done=_("Warning dismissed."),
        then=warning,
    ):
        return response
    return _page(request, warning, form=form, status=400)


@login_required
@require_POST
def warning_scan(request):
    """Run the early-warning scan now (it also runs nightly: `manage.py quality_scan`)."""
    require(request, EarlyWarning, "add")
    result = tasks.early_warning_scan.enqueue()  # a large installed base takes a while
    if not result.is_finished:
        messages.info(request, _("The scan runs in the background; new warnings appear here."))
        return redirect("quality:warnings")
    if result.status != TaskResultStatus.SUCCESSFUL:
        messages.error(request, _("The scan failed; the administrator was told."))
        return redirect("quality:warnings")
    raised = result.return_value
    if raised:
        messages.warning(
            request,
            ngettext(
                "%(count)s new warning: an investigation was opened for it.",
                "%(count)s new warnings: an investigation was opened for each.",
                raised,
            )
            % {"count": raised},
        )
    else:
        messages.success(request, _("No production group's claim rate is above its model's."))
    return redirect("quality:warnings")
