"""Staff pages for the authorized agents: list, the agent's file, create, edit."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView
from aftersales.workforce.models import Technician

from .. import selectors, services
from ..filters import AgentFilter
from ..forms import AgentForm
from ..models import Agent


class AgentList(ObjectListView):
    model = Agent
    filterset_class = AgentFilter
    default_sort = "name"
    columns = [
        Column("code", gettext_lazy("Code"), sort="code", link=True, kind="serial"),
        Column("name", gettext_lazy("Name"), sort="name"),
        Column("city", gettext_lazy("City"), sort="city"),
        Column("region", gettext_lazy("Region"), sort="region"),
        Column("get_country_display", gettext_lazy("Country"), sort="country"),
        Column("phone", gettext_lazy("Phone"), kind="phone"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
    ]

    @property
    def create_url(self):
        return reverse("agents:create")


@login_required
def agent_detail(request, pk: int):
    agent = get_object_or_404(Agent.objects.restrict(request.user, "view"), pk=pk)
    context = {
        "agent": agent,
        "title": agent.name,
        "staff": agent.staff.order_by("last_name", "first_name", "username"),
        "technicians": Technician.objects.restrict(request.user, "view").filter(agent=agent),
        "unit_count": agent.units.restrict(request.user, "view").count(),
        "can_change": Agent.policy.allows(request.user, "change"),
        "sees_bank": selectors.sees_bank_details(request.user, agent),
        **selectors.agent_file(agent, user=request.user, today=timezone.localdate()),
    }
    return TemplateResponse(request, "agents/detail.html", context)


@login_required
def agent_create(request):
    require(request, Agent, "add")
    return form_page(
        request,
        AgentForm(request.POST or None),
        save=lambda data: services.agent_create(by=request.user, **data),
        title=_("New agent"),
        done=_("Agent created."),
        cancel_url=reverse("agents:list"),
    )


@login_required
def agent_edit(request, pk: int):
    agent = get_object_or_404(Agent.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        AgentForm(request.POST or None, instance=agent),
        save=lambda data: services.agent_update(agent=agent, by=request.user, **data),
        title=_("Edit %(name)s") % {"name": agent.name},
        done=_("Changes saved."),
        cancel_url=agent.get_absolute_url(),
    )
