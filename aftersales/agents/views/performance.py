"""Targets, improvement actions and periodic reviews."""

import django_filters
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core.filters import SearchFilter
from aftersales.core.forms import FilterForm
from aftersales.core.views.edit import form_page, require
from aftersales.core.views.lists import Column, ObjectListView

from .. import services
from ..choices import ActionStatus
from ..forms import ActionCloseForm, ActionForm, ReviewForm, TargetForm
from ..models import Agent, ImprovementAction, Review, Target


def _agent(request, pk):
    return get_object_or_404(Agent.objects.restrict(request.user, "change"), pk=pk)


@login_required
def target_set(request, pk: int):
    require(request, Target, "add")
    agent = _agent(request, pk)
    return form_page(
        request,
        TargetForm(request.POST or None),
        save=lambda data: services.target_set(agent=agent, by=request.user, **data) and agent,
        title=_("Target for %(name)s") % {"name": agent.name},
        done=_("Target set."),
        cancel_url=agent.get_absolute_url(),
        intro=_("Rates are fractions: 0.85 is 85%. NPS goes from -100 to 100."),
    )


@login_required
def action_create(request, pk: int):
    require(request, ImprovementAction, "add")
    agent = _agent(request, pk)
    return form_page(
        request,
        ActionForm(request.POST or None, agent=agent),
        save=lambda data: services.action_create(agent=agent, by=request.user, **data) and agent,
        title=_("Improvement action for %(name)s") % {"name": agent.name},
        done=_("Improvement action recorded."),
        cancel_url=agent.get_absolute_url(),
    )


@login_required
def action_close(request, pk: int):
    action = get_object_or_404(
        ImprovementAction.objects.restrict(request.user, "change").select_related("agent"), pk=pk
    )
    return form_page(
        request,
        ActionCloseForm(request.POST or None),
        save=lambda data: (
            services.action_close(action=action, by=request.user, **data) and action.agent
        ),
        title=_("Close: %(title)s") % {"title": action.title},
        done=_("Improvement action closed."),
        cancel_url=action.agent.get_absolute_url(),
    )


@login_required
def review_record(request, pk: int):
    require(request, Review, "add")
    agent = _agent(request, pk)
    return form_page(
        request,
        ReviewForm(request.POST or None, initial={"held_on": timezone.localdate()}),
        save=lambda data: services.review_record(agent=agent, by=request.user, **data) and agent,
        title=_("Periodic review of %(name)s") % {"name": agent.name},
        done=_("Review recorded."),
        cancel_url=agent.get_absolute_url(),
    )


class ActionFilter(django_filters.FilterSet):
    q = SearchFilter(label=gettext_lazy("Action or agent"), fields=("title", "agent__name"))
    status = django_filters.ChoiceFilter(
        choices=ActionStatus.choices, label=gettext_lazy("Status"), empty_label=gettext_lazy("All")
    )

    class Meta:
        model = ImprovementAction
        fields = ["q", "status"]
        form = FilterForm


class ActionList(ObjectListView):
    model = ImprovementAction
    filterset_class = ActionFilter
    default_sort = "due_on"
    select_related = ("agent", "owner")
    title = gettext_lazy("Improvement actions")
    columns = [
        Column("title", gettext_lazy("Action"), sort="title"),
        Column("agent.name", gettext_lazy("Agent"), sort="agent__name"),
        Column("owner", gettext_lazy("Owner"), sort="owner__username"),
        Column("due_on", gettext_lazy("Due"), sort="due_on", kind="date"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("result", gettext_lazy("Result")),
    ]

    def can_create(self) -> bool:
        return False
