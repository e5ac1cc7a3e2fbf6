"""Equipment required per grade, and the check of what an agent holds."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aftersales.core.views.edit import form_page, require

from .. import services
from ..forms import EquipmentCheckForm, EquipmentForm
from ..models import Agent, AgentEquipment, Equipment


@login_required
def equipment_list(request):
    require(request, Equipment, "view")
    return TemplateResponse(
        request,
        "agents/equipment.html",
        {
            "title": _("Equipment required per grade"),
            "items": Equipment.objects.restrict(request.user, "view").prefetch_related(
                "required_for"
            ),
            "can_change": Equipment.policy.allows(request.user, "change"),
        },
    )


@login_required
def equipment_edit(request, pk: int | None = None):
    equipment = None
    if pk is None:
        require(request, Equipment, "add")
    else:
        equipment = get_object_or_404(Equipment.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        EquipmentForm(request.POST or None, instance=equipment),
        save=lambda data: (
            services.equipment_save(equipment=equipment, by=request.user, **data)
            and reverse("agents:equipment")
        ),
        title=_("Equipment"),
        done=_("Changes saved."),
        cancel_url=reverse("agents:equipment"),
    )


@login_required
def equipment_check(request, pk: int):
    require(request, AgentEquipment, "add")
    agent = get_object_or_404(Agent.objects.restrict(request.user, "change"), pk=pk)
    return form_page(
        request,
        EquipmentCheckForm(
            request.POST or None,
            initial={"checked_on": timezone.localdate(), "equipment": request.GET.get("item")},
        ),
        save=lambda data: services.equipment_check(agent=agent, by=request.user, **data) and agent,
        title=_("Equipment check of %(name)s") % {"name": agent.name},
        done=_("Equipment check recorded."),
        cancel_url=agent.get_absolute_url(),
    )
