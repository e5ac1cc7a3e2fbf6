"""Corrective and preventive actions: the list, opening one (from a defect report, an early
warning or a complaint), planning it, verifying it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.views.edit import act, errors_to_form, form_page, require
from aftersales.core.views.lists import Column, ObjectListView
from aftersales.service.models import DefectReport

from .. import services
from ..choices import OPEN_CAPA, CapaSource, CapaStatus
from ..filters import CapaFilter
from ..forms import CapaCheckForm, CapaOpenForm, CapaPlanForm
from ..models import CorrectiveAction, EarlyWarning
from .common import WithQualityNav


class CapaList(WithQualityNav, ObjectListView):
    model = CorrectiveAction
    filterset_class = CapaFilter
    default_sort = "-pk"
    select_related = ("product_model", "owner")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("title", gettext_lazy("Title"), sort="title"),
        Column("get_source_display", gettext_lazy("Source"), sort="source"),
        Column("product_model.code", gettext_lazy("Model"), sort="product_model__code"),
        Column("owner", gettext_lazy("Owner")),
        Column("due_date", gettext_lazy("Due date"), sort="due_date", kind="date"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("get_verdict_display", gettext_lazy("Verdict"), sort="verdict"),
    ]

    @property
    def create_url(self):
        return reverse("quality:action_create")


@login_required
def capa_create(request):
    require(request, CorrectiveAction, "add")
    initial = _initial_from(request)
    form = CapaOpenForm(request.POST or None, initial=initial, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.capa_open(by=request.user, **data),
        title=_("New corrective action"),
        cancel_url=reverse("quality:actions"),
        done=_("Corrective action opened."),
    )


def _initial_from(request) -> dict:
    """Prefill from the finding the user came from (?defect=, ?warning=, ?complaint=)."""
    initial = {}
    if defect := request.GET.get("defect", "").strip():
        report = DefectReport.objects.restrict(request.user, "view").filter(pk=_int(defect)).first()
        if report is not None:
            initial.update(
                source=CapaSource.DEFECT_REPORT,
                defect_report=report.pk,
                title=_("Defect %(number)s") % {"number": report.number},
                problem=report.description,
                product_model=report.unit.product_model_id,
            )
    elif warning := request.GET.get("warning", "").strip():
        found = EarlyWarning.objects.restrict(request.user, "view").filter(pk=_int(warning)).first()
        if found is not None:
            initial.update(
                source=CapaSource.EARLY_WARNING,
                warning=found.pk,
                product_model=found.product_model_id,
            )
    elif complaint := request.GET.get("complaint", "").strip():
        initial.update(source=CapaSource.COMPLAINT, complaint_code=complaint[:40])
    return initial


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


@login_required
def capa_detail(request, pk: int):
    return _detail_page(request, get_object_or_404(_visible(request), pk=pk))


def _detail_page(request, capa, *, check_form=None, status=200):
    can_change = CorrectiveAction.policy.allows(request.user, "change")
    may_verify = can_change and capa.status in (
        CapaStatus.IMPLEMENTED,
        CapaStatus.EFFECTIVE,
        CapaStatus.NOT_EFFECTIVE,
    )
    by_hand = capa.product_model_id is None  # no claim rate to measure: checked by a person
    context = {
        "obj": capa,
        "title": str(capa),
        "can_change": can_change and capa.status in OPEN_CAPA,
        "can_verify": may_verify and not by_hand,
        "check_form": (check_form or CapaCheckForm())
        if may_verify and by_hand and capa.status != CapaStatus.EFFECTIVE
        else None,
    }
    return TemplateResponse(request, "quality/capa_detail.html", context, status=status)


def _visible(request, action="view"):
    return CorrectiveAction.objects.restrict(request.user, action).select_related(
        "product_model", "failure_code", "part", "owner", "defect_report", "warning"
    )


@login_required
def capa_edit(request, pk: int):
    capa = get_object_or_404(_visible(request, "change"), pk=pk)
    form = CapaPlanForm(request.POST or None, instance=capa, user=request.user)
    return form_page(
        request,
        form,
        save=lambda data: services.capa_update(capa=capa, by=request.user, **data),
        title=_("Plan %(number)s") % {"number": capa.number},
        cancel_url=capa.get_absolute_url(),
        done=_("Corrective action saved."),
    )


@login_required
@require_POST
def capa_verify(request, pk: int):
    capa = get_object_or_404(_visible(request, "change"), pk=pk)
    try:
        capa = services.capa_verify(capa=capa, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Verification: %(verdict)s.") % {"verdict": capa.get_verdict_display()}
        )
    return redirect(capa)


@login_required
@require_POST
def capa_check(request, pk: int):
    capa = get_object_or_404(_visible(request, "change"), pk=pk)
    form = CapaCheckForm(request.POST)
    if form.is_valid():
        try:
            capa = services.capa_check(capa=capa, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request, _("Verification: %(verdict)s.") % {"verdict": capa.get_verdict_display()}
            )
            return redirect(capa)
    return _detail_page(request, capa, check_form=form, status=400)


@login_required
@require_POST
def capa_cancel(request, pk: int):
    capa = get_object_or_404(_visible(request, "change"), pk=pk)
    return act(
        request,
        capa,
        lambda: services.capa_cancel(capa=capa, by=request.user),
        done=_("Corrective action cancelled."),
        then=capa,
    )
