"""The lifecycle pages: the public application form, state changes, evaluation, contracts,
documents, and the selection criteria."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from aftersales.core.access import customer_page
from aftersales.core.views.edit import form_page, require

from .. import services
from ..forms import (
    ApplicationForm,
    ContractForm,
    CriterionForm,
    DocumentForm,
    EvaluationForm,
    TransitionForm,
)
from ..models import Agent, AgentDocument, Contract, Criterion, Evaluation


@customer_page
@require_http_methods(["GET", "POST"])
def apply(request):
    """The public application form: no login."""
    form = ApplicationForm(request.POST or None, request.FILES or None)

    def save(_data):
        agent = services.agent_apply(**form.service_data())
        request.session["agents_applied"] = agent.code
        return reverse("agents:apply_done")

    return form_page(
        request,
        form,
        save=save,
        title=_("Become an authorized service agent"),
        done=_("Thank you: your application has been received."),
        template="agents/apply.html",
        submit_label=_("Send the application"),
    )


@customer_page
def apply_done(request):
    code = request.session.get("agents_applied")
    return TemplateResponse(
        request,
        "core/message.html",
        {
            "title": _("Application received"),
            "text": _(
                "Your application number is %(code)s. We evaluate every application against "
                "published criteria and will contact you."
            )
            % {"code": code}
            if code
            else _("We evaluate every application and will contact you."),
        },
    )


def _agent(request, pk, action="change"):
    return get_object_or_404(Agent.objects.restrict(request.user, action), pk=pk)


@login_required
def transition(request, pk: int):
    agent = _agent(request, pk)
    return form_page(
        request,
        TransitionForm(request.POST or None, agent=agent),
        save=lambda data: services.agent_transition(agent=agent, by=request.user, **data) and agent,
        title=_("Change the state of %(name)s") % {"name": agent.name},
        done=_("State changed."),
        cancel_url=agent.get_absolute_url(),
    )


@login_required
def evaluate(request, pk: int):
    require(request, Evaluation, "add")
    agent = _agent(request, pk)
    form = EvaluationForm(request.POST or None, criteria=Criterion.objects.filter(is_active=True))
    return form_page(
        request,
        form,
        save=lambda _data: (
            services.agent_evaluate(agent=agent, by=request.user, **form.service_data()) and agent
        ),
        title=_("Evaluate %(name)s") % {"name": agent.name},
        done=_("Evaluation recorded."),
        cancel_url=agent.get_absolute_url(),
        intro=_("Rate each criterion from 0 (absent) to 10 (excellent)."),
    )


@login_required
def contract_create(request, pk: int):
    require(request, Contract, "add")
    agent = _agent(request, pk)
    return form_page(
        request,
        ContractForm(request.POST or None),
        save=lambda data: services.contract_create(agent=agent, by=request.user, **data),
        title=_("New contract for %(name)s") % {"name": agent.name},
        done=_("Contract created."),
        cancel_url=agent.get_absolute_url(),
    )


@login_required
def contract_detail(request, pk: int):
    contract = get_object_or_404(
        Contract.objects.restrict(request.user, "view").select_related("agent"), pk=pk
    )
    return TemplateResponse(
        request, "agents/contract.html", {"contract": contract, "title": contract.number}
    )


@login_required
def document_attach(request, pk: int):
    require(request, AgentDocument, "add")
    agent = _agent(request, pk)
    return form_page(
        request,
        DocumentForm(request.POST or None, request.FILES or None),
        save=lambda data: services.document_attach(agent=agent, by=request.user, **data) and agent,
        title=_("Attach a document to %(name)s") % {"name": agent.name},
        done=_("Document attached."),
        cancel_url=agent.get_absolute_url(),
    )


@login_required
def document_file(request, pk: int):
    document = get_object_or_404(AgentDocument.objects.restrict(request.user, "view"), pk=pk)
    return FileResponse(document.file.open("rb"), filename=document.file.name.rsplit("/", 1)[-1])


@login_required
def criteria(request):
    require(request, Criterion, "view")
    return TemplateResponse(
        request,
        "agents/criteria.html",
        {
            "title": _("Selection criteria"),
            "criteria": Criterion.objects.restrict(request.user, "view"),
            "can_change": Criterion.policy.allows(request.user, "change"),
        },
    )


@login_required
def criterion_edit(request, pk: int | None = None):
    criterion = None
    if pk is None:
        require(request, Criterion, "add")
    else:
        criterion = get_object_or_404(Criterion.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        CriterionForm(request.POST or None, instance=criterion),
        save=lambda data: (
            services.criterion_save(criterion=criterion, by=request.user, **data)
            and reverse("agents:criteria")
        ),
        title=_("Selection criterion"),
        done=_("Changes saved."),
        cancel_url=reverse("agents:criteria"),
    )
