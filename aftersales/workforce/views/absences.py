"""Time off pages: the list, a request (a technician's own, from a phone), the record with its
decision buttons and the planned visits it collides with."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from aftersales.core.choices import Role
from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from .. import services
from ..choices import AbsenceStatus
from ..filters import AbsenceFilter
from ..forms import AbsenceDecisionForm, AbsenceForm
from ..models import ABSENCE_DECIDERS, Absence, Technician
from ..selectors import visits_during
from .feedback import fail


class AbsenceList(ObjectListView):
    model = Absence
    filterset_class = AbsenceFilter
    default_sort = "-starts_at"
    select_related = ("technician__agent",)
    title = gettext_lazy("Time off")
    columns = [
        Column("technician.full_name", gettext_lazy("Technician"), link=True),
        Column(lambda a: a.technician.employer, gettext_lazy("Agent")),
        Column("get_kind_display", gettext_lazy("Why"), sort="kind"),
        # whole days show (and export) as days, part of a day with the times
        Column("start_shown", gettext_lazy("Starts"), sort="starts_at", kind="datetime"),
        Column("end_shown", gettext_lazy("Ends"), sort="ends_at", kind="datetime"),
        Column("all_day", gettext_lazy("Whole days"), sort="all_day", kind="bool"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("requested_at", gettext_lazy("Requested"), sort="requested_at", kind="date"),
    ]

    @property
    def create_url(self):
        return reverse("workforce:absence_create")

    @property
    def template_name(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return "core/object_list.html"  # the view asks for its #results partial
        return "workforce/absence_list.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if hasattr(response, "context_data") and is_decider(request.user):
            # the decider's queue: the requests in their scope that wait for a decision
            response.context_data["waiting"] = (
                Absence.objects.restrict(request.user, "change")
                .filter(status=AbsenceStatus.REQUESTED)
                .count()
            )
        return response


def is_decider(user) -> bool:
    return user.is_superuser or user.role in ABSENCE_DECIDERS


def own_technician(user) -> Technician | None:
    """The technician record of a technician's login (None for anyone else)."""
    if user.role != Role.TECHNICIAN or user.is_superuser:
        return None
    technician = Technician.objects.filter(user=user, is_active=True).first()
    if technician is None:
        raise Http404  # a technician's login with no technician record has no time off
    return technician


def _tell_visits(request, decided: services.Decided) -> None:
    """Say, after an approval, which planned visits now need another technician."""
    count = len(decided.visits)
    if not count:
        return
    numbers = ", ".join(visit.number for visit in decided.visits)
    messages.warning(
        request,
        ngettext(
            "This visit needs another technician: %(numbers)s.",
            "These %(count)s visits need another technician: %(numbers)s.",
            count,
        )
        % {"count": count, "numbers": numbers},
    )


@login_required
def absence_create(request):
    """A technician asks for their own time off; staff enter it for a technician in their scope,
    approved at once when they may decide it."""
    require(request, Absence, "add")
    technician = own_technician(request.user)
    form = AbsenceForm(request.POST or None, user=request.user, technician=technician)

    def save(data):
        if data.get("approved"):
            decided = services.absence_record(by=request.user, **form.service_data())
            _tell_visits(request, decided)
            return decided.absence
        return services.absence_request(by=request.user, **form.service_data())

    return form_page(
        request,
        form,
        save=save,
        title=_("Ask for time off") if technician else _("New time off"),
        done=_("Time off saved."),
        cancel_url=reverse("workforce:absences"),
        submit_label=_("Send the request") if technician else None,
    )


@login_required
def absence_detail(request, pk: int):
    absence = get_object_or_404(
        Absence.objects.restrict(request.user, "view").select_related(
            "technician__agent", "requested_by", "decided_by"
        ),
        pk=pk,
    )
    in_change_scope = Absence.objects.restrict(request.user, "change").filter(pk=pk).exists()
    pending = absence.status == AbsenceStatus.REQUESTED
    visits = list(visits_during(absence)) if absence.is_open else []
    context = {
        "title": str(absence),
        "absence": absence,
        "visits": visits,
        "can_decide": pending and in_change_scope and is_decider(request.user),
        "can_cancel": absence.is_open and in_change_scope and not absence.is_over,
        "decision_form": AbsenceDecisionForm(),
    }
    return TemplateResponse(request, "workforce/absence_detail.html", context)


STEPS = ("approve", "refuse", "cancel")


@login_required
@require_POST
def absence_action(request, pk: int, step: str):
    if step not in STEPS:
        raise Http404
    absence = get_object_or_404(Absence.objects.restrict(request.user, "change"), pk=pk)
    form = AbsenceDecisionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        if step == "cancel":
            services.absence_cancel(absence=absence, reason=reason, by=request.user)
            messages.success(request, _("Time off cancelled."))
        else:
            decided = services.absence_decide(
                absence=absence, approve=step == "approve", reason=reason, by=request.user
            )
            if step == "approve":
                messages.success(request, _("Time off approved."))
                _tell_visits(request, decided)
            else:
                messages.success(request, _("Time off refused."))
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        fail(request, error)
    return redirect(absence)
