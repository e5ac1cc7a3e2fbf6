"""Pages of the surveys: the customer's one-time survey page (no login, works on a phone, in the
customer's language); the staff's scores, invitations, responses and follow-up queue."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.access import customer_page
from aftersales.core.calendars import show_month
from aftersales.core.choices import Language, Role
from aftersales.core.forms import DateField
from aftersales.core.templatetags.aftersales import digits
from aftersales.core.views.edit import submit
from aftersales.core.views.lists import Column, ObjectListView

from . import rules, selectors, services
from .choices import FollowUpStatus
from .filters import FollowUpFilter, InvitationFilter
from .forms import FollowUpCloseForm, survey_fields
from .models import FollowUp, Invitation, Response, SurveyTemplate

LANGUAGES = dict(Language.choices)


# --- the customer's page -----------------------------------------------------------------------


def _language(request, invitation) -> str:
    chosen = request.GET.get("lang") or request.POST.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return invitation.language or translation.get_language()


@customer_page
def answer(request, token: str):
    """Public: the survey behind a one-time link; one response, then it thanks and closes."""
    invitation = get_object_or_404(Invitation.objects.select_related("template"), token=token)
    language = _language(request, invitation)
    with translation.override(language):
        questions = list(invitation.template.questions.order_by("position", "pk"))
        state, errors, data, status = "open", {}, None, 200
        posted = request.method == "POST"
        if hasattr(invitation, "response"):
            state, status = "answered", 409 if posted else 200
        elif invitation.expires_at <= timezone.now():
            state, status = "expired", 410 if posted else 200
        elif request.method == "POST":
            data = request.POST
            try:
                services.response_submit(invitation=invitation, answers=dict(data.items()))
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    errors = {
                        name: " ".join(messages_) for name, messages_ in error.message_dict.items()
                    }
                else:
                    state, status = "answered", 409
            else:
                return redirect(f"{invitation.public_path()}?lang={language}")
            status = status if state == "answered" else 400
        context = {
            "invitation": invitation,
            "rows": survey_fields(questions, data),
            "errors": errors,
            "state": state,
            "language": language,
            "survey_languages": Language.choices,
            "title": invitation.template.name,
        }
        response = TemplateResponse(request, "surveys/answer.html", context, status=status)
        response.render()
    return response


# --- staff -------------------------------------------------------------------------------------


def _score(name):
    def value(invitation):
        response = getattr(invitation, "response", None)
        return getattr(response, name, None) if response else None

    return value


class InvitationList(ObjectListView):
    model = Invitation
    filterset_class = InvitationFilter
    default_sort = "-sent_at"
    select_related = (
        "template",
        "customer",
        "agent",
        "technician",
        "visit",
        "complaint",
        "response",
    )
    title = gettext_lazy("Survey invitations")
    columns = [
        Column("pk", gettext_lazy("No."), sort="pk", link=True, kind="number"),
        Column("sent_at", gettext_lazy("Sent"), sort="sent_at", kind="datetime"),
        Column("template.name", gettext_lazy("Survey")),
        Column("customer.display_name", gettext_lazy("Customer"), sort="customer__search_name"),
        Column("agent.name", gettext_lazy("Agent"), sort="agent__name"),
        Column(lambda i: i.visit or i.complaint or "", gettext_lazy("About")),
        Column("reminders_sent", gettext_lazy("Reminders"), sort="reminders_sent", kind="number"),
        Column(_score("csat"), gettext_lazy("CSAT"), sort="response__csat", kind="number"),
        Column(_score("nps"), gettext_lazy("NPS"), sort="response__nps", kind="number"),
        Column(_score("ces"), gettext_lazy("CES"), sort="response__ces", kind="number"),
    ]

    def can_create(self):
        return False


class FollowUpList(ObjectListView):
    model = FollowUp
    filterset_class = FollowUpFilter
    default_sort = "due_at"
    select_related = ("customer", "agent", "assignee", "response")
    title = gettext_lazy("Service recovery: customers to call back")
    columns = [
        Column("pk", gettext_lazy("No."), sort="pk", link=True, kind="number"),
        Column("due_at", gettext_lazy("Call by"), sort="due_at", kind="datetime"),
        Column("customer.display_name", gettext_lazy("Customer"), sort="customer__search_name"),
        Column(lambda f: services.recovery_reason(f.response), gettext_lazy("Reason")),
        Column(
            lambda f: f.agent.name if f.agent else _("Operators"),
            gettext_lazy("Queue"),
            sort="agent__name",
        ),
        Column(
            lambda f: f.assignee.get_full_name() or f.assignee.username if f.assignee else "",
            gettext_lazy("Assigned to"),
        ),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
    ]

    def can_create(self):
        return False


def _period(request):
    today = timezone.localdate()

    def parse(name, default):
        text = request.GET.get(name)
        if not text:
            return default
        try:
            return DateField(required=False).clean(text) or default
        except ValidationError:
            return default

    start = parse("start", today - dt.timedelta(days=365))
    end = parse("end", today)
    return (end, start) if start > end else (start, end)


@login_required
def dashboard(request):
    """Response rate, CSAT, NPS, CES over time and per agent and technician, with charts."""
    invitations = Invitation.objects.restrict(request.user, "view")
    if not Invitation.policy.allows(request.user, "view"):
        raise Http404
    start, end = _period(request)
    months = selectors.by_month(invitations, start=start, end=end)
    labels = [show_month(row["month"]) for row in months]

    def series(key, scale=1):
        return [None if row[key] is None else float(row[key]) * scale for row in months]

    context = {
        "title": _("Customer satisfaction"),
        "start": start,
        "end": end,
        "total": selectors.scores(start=start, end=end, invitations=invitations),
        "months": months,
        "nps_chart": {"labels": labels, "values": series("nps")},
        "rate_chart": {"labels": labels, "values": series("response_rate", 100)},
        "agents": selectors.scorecards(invitations, start=start, end=end, by="agent"),
        "technicians": selectors.scorecards(invitations, start=start, end=end, by="technician"),
        "open_follow_ups": selectors.open_follow_ups(
            FollowUp.objects.restrict(request.user, "view")
        ).count(),
    }
    return TemplateResponse(request, "surveys/dashboard.html", context)


@login_required
def invitation_detail(request, pk: int):
    invitation = get_object_or_404(
        Invitation.objects.restrict(request.user, "view").select_related(
            "template", "customer", "visit", "complaint", "agent", "technician"
        ),
        pk=pk,
    )
    response = Response.objects.restrict(request.user, "view").filter(invitation=invitation).first()
    answers = []
    if response is not None:
        for question in invitation.template.questions.order_by("position", "pk"):
            if question.field_name in response.answers:
                answers.append((question.text, response.answers[question.field_name]))
    context = {
        "obj": invitation,
        "response": response,
        "answers": answers,
        "follow_up": getattr(response, "follow_up", None) if response else None,
        "title": _("Survey invitation %(number)s") % {"number": digits(invitation.pk)},
    }
    return TemplateResponse(request, "surveys/invitation_detail.html", context)


def _follow_up(request, pk, action="view"):
    return get_object_or_404(
        FollowUp.objects.restrict(request.user, action).select_related(
            "customer",
            "agent",
            "assignee",
            "response__invitation__visit",
            "response__invitation__complaint",
        ),
        pk=pk,
    )


@login_required
def follow_up_detail(request, pk: int, form=None, status=200):
    follow_up = _follow_up(request, pk)
    may_act = FollowUp.objects.restrict(request.user, "change").filter(pk=pk).exists()
    customer = follow_up.customer
    context = {
        "obj": follow_up,
        "title": str(follow_up),
        "form": (form or FollowUpCloseForm())
        if may_act and follow_up.status == FollowUpStatus.OPEN
        else None,
        "may_take": may_act
        and follow_up.status == FollowUpStatus.OPEN
        and follow_up.assignee_id != request.user.pk,
        "phone": customer.primary_phone if customer else None,
        "invitation": follow_up.response.invitation,
        "response": follow_up.response,
        "reason": services.recovery_reason(follow_up.response),
        "rule": rules.rule_label(follow_up.rule),
    }
    return TemplateResponse(request, "surveys/follow_up_detail.html", context, status=status)


@login_required
@require_POST
def follow_up_close(request, pk: int):
    follow_up = _follow_up(request, pk, "change")
    form = FollowUpCloseForm(request.POST)
    try:
        response = submit(
            request,
            form,
            save=lambda data: services.follow_up_close(
                follow_up=follow_up, by=request.user, **data
            ),
            done=_("Call recorded."),
            then="surveys:follow_ups",
        )
    except PermissionDenied as error:
        form.add_error(None, str(error))
    else:
        if response:
            return response
    return follow_up_detail(request, pk, form=form, status=400)


@login_required
@require_POST
def follow_up_take(request, pk: int):
    follow_up = _follow_up(request, pk, "change")
    try:
        services.follow_up_take(follow_up=follow_up, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect(follow_up)


@login_required
def templates_list(request):
    templates = SurveyTemplate.objects.restrict(request.user, "view").prefetch_related("questions")
    if not SurveyTemplate.policy.allows(request.user, "view"):
        raise Http404
    return TemplateResponse(
        request,
        "surveys/templates.html",
        {
            "templates": templates,
            "title": _("Survey templates"),
            "may_edit": request.user.role in (Role.MANAGER, Role.QUALITY, Role.ADMIN)
            or request.user.is_superuser,
        },
    )


@login_required
def template_detail(request, pk: int):
    return redirect("surveys:templates")
