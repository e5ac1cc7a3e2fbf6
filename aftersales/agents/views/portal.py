"""The agent portal: one page for an agent's staff with their work, their scorecard and grade."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors


@login_required
def portal(request):
    agent = request.user.agent
    if agent is None:
        raise Http404
    return TemplateResponse(
        request,
        "agents/portal.html",
        {
            "title": agent.name,
            "agent": agent,
            "tiles": selectors.portal_tiles(request.user),
            **selectors.agent_file(agent, user=request.user, today=timezone.localdate()),
            "heading": _("Your agency"),
        },
    )
