"""Pages of complaint handling: the desk's list, intake and record page with the action of the
current stage; the public form and tracking page (no login, no personal data); the analysis;
the stage deadlines."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.access import customer_page
from aftersales.core.calendars import show_month
from aftersales.core.choices import Role
from aftersales.core.views.edit import errors_to_form, form_page, require
from aftersales.core.views.edit import submit as submit_form
from aftersales.core.views.lists import Column, ObjectListView

from . import deadlines, selectors, services
from .choices import Channel, Stage
from .filters import ComplaintFilter
from .forms import (
    AcceptForm,
    AppealForm,
    AssessForm,
    AssignForm,
    CloseForm,
    ComplaintForm,
    DeadlinesForm,
    FollowUpForm,
    InvestigateForm,
    PublicComplaintForm,
    RespondForm,
    TrackForm,
)
from .models import Complaint, StageDeadline


def _due(complaint):
    return complaint.due_at if complaint.stage in deadlines.TIMED_STAGES else None


class ComplaintList(ObjectListView):
    model = Complaint
    filterset_class = ComplaintFilter
    default_sort = "-received_at"
    select_related = ("customer", "agent", "product_model")
    columns = [
        Column("code", gettext_lazy("Code"), sort="code", link=True, kind="serial"),
        Column("received_at", gettext_lazy("Received"), sort="received_at", kind="datetime"),
        Column("subject", gettext_lazy("Subject")),
        Column("customer.display_name", gettext_lazy("Customer"), sort="customer__search_name"),
        Column("get_severity_display", gettext_lazy("Severity"), sort="severity"),
        Column("get_stage_display", gettext_lazy("Stage"), sort="stage"),
        Column(_due, gettext_lazy("Stage due"), sort="due_at", kind="datetime"),
        Column(
            "escalation_level",
            gettext_lazy("Escalation level"),
            sort="escalation_level",
            kind="number",
        ),
        Column("get_root_cause_display", gettext_lazy("Root cause"), sort="root_cause"),
        Column("agent.name", gettext_lazy("Agent"), sort="agent__name"),
        Column("closed_at", gettext_lazy("Closed"), sort="closed_at", kind="datetime"),
    ]

    @property
    def create_url(self):
        return reverse("complaints:create")  # customers are sent on to the public form


# ?request=REQ-…&visit=VIS-…&serial=… prefill the links (e.g. from a request's or visit's page)
PREFILL = {"request": "request_number", "visit": "visit_number", "serial": "serial"}


@customer_page  # sends a customer on to their page
@login_required
def complaint_create(request):
    """The desk records a complaint from any channel."""
    require(request, Complaint, "add")
    if request.user.role == Role.CUSTOMER:
        return redirect("complaints:submit")
    prefill = {name: request.GET.get(key, "") for key, name in PREFILL.items()}
    initial = {"channel": Channel.PHONE, **prefill}
    form = ComplaintForm(request.POST or None, user=request.user, initial=initial)
    return form_page(
        request,
        form,
        save=lambda data: services.complaint_receive(by=request.user, **form.service_kwargs()),
        title=_("Record a complaint"),
        done=_("Complaint recorded; the customer has been sent the tracking code."),
        cancel_url=reverse("complaints:list"),
    )


def _complaint(request, pk, action="view"):
    return get_object_or_404(
        Complaint.objects.restrict(request.user, action).select_related(
            "customer",
            "unit__product_model",
            "request",
            "visit",
            "agent",
            "technician",
            "product_model",
            "assignee",
        ),
        pk=pk,
    )


# action name -> (form, service, button label, stages it applies to)
ACTIONS = {
    "assess": (AssessForm, services.complaint_assess, gettext_lazy("Assess"), {Stage.RECEIVED}),
    "assign": (
        AssignForm,
        services.complaint_assign,
        gettext_lazy("Assign"),
        {Stage.ASSESSED, Stage.INVESTIGATING, Stage.APPEALED, Stage.FOLLOW_UP},
    ),
    "investigate": (
        InvestigateForm,
        services.complaint_investigate,
        gettext_lazy("Record the investigation"),
        {Stage.INVESTIGATING, Stage.APPEALED},
    ),
    "respond": (
        RespondForm,
        services.complaint_respond,
        gettext_lazy("Send the answer"),
        {Stage.INVESTIGATING, Stage.APPEALED},
    ),
    "follow_up": (
        FollowUpForm,
        services.complaint_follow_up,
        gettext_lazy("Record the follow-up"),
        {Stage.FOLLOW_UP, Stage.RESPONDED},
    ),
    "accept": (
        AcceptForm,
        services.complaint_accept,
        gettext_lazy("The customer accepts"),
        {Stage.RESPONDED},
    ),
    "appeal": (
        AppealForm,
        services.complaint_appeal,
        gettext_lazy("The customer appeals"),
        {Stage.RESPONDED},
    ),
    "close": (
        CloseForm,
        services.complaint_close,
        gettext_lazy("Close"),
        {Stage.FOLLOW_UP, Stage.RESPONDED},
    ),
}
TITLES = {
    "assess": gettext_lazy("Initial assessment"),
    "assign": gettext_lazy("Assignment"),
    "investigate": gettext_lazy("Investigation"),
    "respond": gettext_lazy("Decision and answer"),
    "follow_up": gettext_lazy("Follow-up with the customer"),
    "accept": gettext_lazy("The customer told us they accept the answer"),
    "appeal": gettext_lazy("The customer told us they appeal"),
    "close": gettext_lazy("Closure"),
}


def _initial(complaint, action):
    if action == "assess":
        return {"severity": complaint.severity, "is_safety": complaint.is_safety}
    if action == "investigate":
        return {"root_cause": complaint.root_cause, "findings": complaint.findings}
    if action == "assign":
        return {"assignee": complaint.assignee_id}
    return {}


@customer_page  # sends a customer on to their page
@login_required
def complaint_detail(request, pk: int):
    complaint = _complaint(request, pk)
    if request.user.role == Role.CUSTOMER:  # the internal record is the staff's
        return redirect("complaints:track", code=complaint.code)
    return _detail_page(request, complaint)


def _detail_page(request, complaint, *, bound=None, status=200):
    may_act = Complaint.objects.restrict(request.user, "change").filter(pk=complaint.pk).exists()
    forms = []
    if may_act:
        for name, (form_class, _service, label, stages) in ACTIONS.items():
            if complaint.stage not in stages:
                continue
            form = bound[1] if bound and bound[0] == name else None
            form = form or form_class(initial=_initial(complaint, name), prefix=name)
            forms.append({"name": name, "form": form, "label": label, "title": TITLES[name]})
    context = {
        "obj": complaint,
        "title": str(complaint),
        "forms": forms,
        "events": complaint.events.select_related("by"),
        "overdue": complaint.due_at is not None and complaint.due_at < timezone.now(),
        "corrective_url": _corrective_url(request.user, complaint),
        "corrective_actions": _corrective_actions(request.user, complaint),
        "invitations": complaint.survey_invitations.select_related("response"),
    }
    return TemplateResponse(request, "complaints/detail.html", context, status=status)


def _corrective_url(user, complaint):
    """The quality app's "new corrective action" page, prefilled from this complaint."""
    try:
        from aftersales.quality.models import CorrectiveAction
    except ImportError:  # the quality app is optional
        return None
    if not CorrectiveAction.policy.allows(user, "add"):
        return None
    try:
        return reverse("quality:action_create") + f"?complaint={complaint.code}"
    except NoReverseMatch:
        return None


def _corrective_actions(user, complaint):
    """The corrective actions raised from this complaint."""
    try:
        from aftersales.quality.models import CorrectiveAction
    except ImportError:
        return []
    names = {field.name for field in CorrectiveAction._meta.get_fields()}
    link = {"complaint": complaint} if "complaint" in names else {"complaint_code": complaint.code}
    return list(CorrectiveAction.objects.restrict(user, "view").filter(**link))


@login_required
@require_POST
def complaint_act(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404
    complaint = _complaint(request, pk, "change")
    form_class, service, _label, _stages = ACTIONS[action]
    form = form_class(request.POST, prefix=action)
    try:
        response = submit_form(
            request,
            form,
            save=lambda data: service(complaint=complaint, by=request.user, **data),
            done=_("Saved."),
            then=complaint,
        )
    except PermissionDenied as error:
        form.add_error(None, str(error))
    else:
        if response:
            return response
    complaint.refresh_from_db()
    return _detail_page(request, complaint, bound=(action, form), status=400)


# --- public ------------------------------------------------------------------------------------


@customer_page
def submit(request):
    """Public: anyone may complain, without a login; they get the tracking code at once."""
    customer = getattr(request.user, "customer", None) if request.user.is_authenticated else None
    initial = {}
    if customer is not None:  # a signed-in customer does not type who they are again
        phone = customer.primary_phone
        initial = {
            "contact_name": customer.display_name,
            "contact_email": customer.email,
            "contact_phone": phone.number if phone else "",
        }
    form = PublicComplaintForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if data.pop("website"):  # a bot filled the hidden field: pretend all is well
            return redirect("complaints:track_form")
        try:
            complaint = services.complaint_receive(
                by=request.user if customer else None,
                customer=customer,
                channel=Channel.WEB,
                language=translation.get_language() or "",
                unit=data.pop("serial"),
                owner_from_unit=False,
                **data,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            request.session["complaint_submitted"] = complaint.code
            return redirect("complaints:track", code=complaint.code)
    context = {"form": form, "title": _("Make a complaint")}
    return TemplateResponse(
        request, "complaints/submit.html", context, status=400 if form.is_bound else 200
    )


@customer_page
@login_required
def my_complaints(request):
    """The customer's own complaints, newest first, each opening its tracking page."""
    if request.user.role != Role.CUSTOMER:
        return redirect("complaints:list")
    complaints = Complaint.objects.restrict(request.user, "view").order_by("-received_at")
    context = {"complaints": complaints, "title": _("My complaints")}
    return TemplateResponse(request, "complaints/mine.html", context)


@customer_page
def track_form(request):
    """Public: type the tracking code."""
    form = TrackForm(request.GET or None)
    if form.is_bound and form.is_valid():
        complaint = selectors.by_code(form.cleaned_data["code"])
        if complaint is not None:
            return redirect("complaints:track", code=complaint.code)
        form.add_error("code", _("No complaint has this tracking code."))
    return TemplateResponse(
        request,
        "complaints/track_form.html",
        {"form": form, "title": _("Follow a complaint")},
        status=404 if form.errors else 200,
    )


@customer_page
def track(request, code: str):
    """Public: a complaint's stage, by its code. Shows no personal data."""
    complaint = selectors.by_code(code)
    if complaint is None:
        raise Http404
    return _track_page(request, complaint)


def _track_page(request, complaint, *, appeal_form=None, status=200):
    just_sent = request.session.pop("complaint_submitted", None) == complaint.code
    context = {
        "complaint": complaint,
        "code": complaint.code,
        "steps": selectors.public_steps(complaint),
        "may_answer": complaint.stage == Stage.RESPONDED,
        "appeal_form": appeal_form or AppealForm(),
        "just_sent": just_sent,
        "title": _("Complaint %(code)s") % {"code": complaint.code},
    }
    return TemplateResponse(request, "complaints/track.html", context, status=status)


@customer_page
@require_POST
def track_answer(request, code: str):
    """Public: the customer accepts the answer or appeals it (the code is their key)."""
    complaint = selectors.by_code(code)
    if complaint is None:
        raise Http404
    if request.POST.get("accept"):
        try:
            services.complaint_accept(complaint=complaint)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you. We will check with you that all is well."))
        return redirect("complaints:track", code=complaint.code)
    form = AppealForm(request.POST)
    if response := submit_form(
        request,
        form,
        save=lambda data: services.complaint_appeal(complaint=complaint, reason=data["reason"]),
        done=_("Your appeal has been passed to a senior colleague."),
        then=reverse("complaints:track", kwargs={"code": complaint.code}),
    ):
        return response
    return _track_page(request, complaint, appeal_form=form, status=400)


# --- analysis and set-up -----------------------------------------------------------------------

ANALYSTS = {Role.QUALITY, Role.MANAGER, Role.OPERATOR, Role.DISPATCHER, Role.AGENT, Role.ADMIN}


@login_required
def analysis(request):
    """By cause, product, agent and time to close, with charts."""
    if request.user.role not in ANALYSTS and not request.user.is_superuser:
        raise Http404
    from aftersales.core.forms import DateField  # Jalali input for Persian users

    today = timezone.localdate()
    start = _date(DateField, request.GET.get("start")) or today - dt.timedelta(days=365)
    end = _date(DateField, request.GET.get("end")) or today
    if start > end:
        start, end = end, start
    result = selectors.analysis(
        Complaint.objects.restrict(request.user, "view"), start=start, end=end
    )
    month_rows = [(show_month(month), n) for month, n in result.by_month]
    charts = {
        "cause": _chart(result.by_cause),
        "product": _chart(result.by_product),
        "agent": _chart(result.by_agent),
        "month": _chart(month_rows),
        "close": _chart(result.close_times),
    }
    context = {
        "title": _("Complaint analysis"),
        "result": result,
        "start": start,
        "end": end,
        "charts": charts,
        "month_rows": month_rows,
    }
    return TemplateResponse(request, "complaints/analysis.html", context)


def _date(field_class, text):
    if not text:
        return None
    try:
        return field_class(required=False).clean(text)
    except ValidationError:
        return None


def _chart(rows):
    return {"labels": [str(label) for label, _n in rows], "values": [n for _l, n in rows]}


@login_required
def deadlines_edit(request):
    """The hours each stage may take per severity, before it escalates."""
    require(request, StageDeadline, "change")
    form = DeadlinesForm(request.POST or None, matrix=deadlines.matrix())

    if request.method == "POST" and form.is_valid():
        services.stage_deadlines_set(hours=form.hours(), by=request.user)
        messages.success(request, _("Deadlines saved."))
        return redirect("complaints:deadlines")
    return TemplateResponse(
        request,
        "complaints/deadlines.html",
        {"form": form, "title": _("Complaint stage deadlines"), "levels": deadlines.LEVELS},
        status=400 if form.is_bound else 200,
    )
