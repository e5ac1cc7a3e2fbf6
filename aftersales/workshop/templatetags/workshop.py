"""Template tags of the workshop, for a service request's pages (staff and portal)."""

from django import template

from aftersales.core.access import can
from aftersales.service.choices import VisitResult, VisitStatus
from aftersales.service.models import ServiceRequest

from ..models import Workshop, WorkshopJob
from ..selectors import active_job, jobs_of_request
from ..services import carry_in_type

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.inclusion_tag("workshop/_request_panel.html", takes_context=True)
def workshop_panel(context, service_request):
    """The request's workshop jobs, and "Receive in workshop" when the unit may come in; the
    result "needs workshop" of the request's last visit is pointed out."""
    user = _user(context)
    jobs = jobs_of_request(user, service_request) if user else []
    last = service_request.visits.filter(status=VisitStatus.DONE).order_by("-pk").first()
    may_receive = (
        user is not None
        and can(user, WorkshopJob, "add")
        and service_request.is_open
        and service_request.unit_id is not None
        and active_job(jobs) is None
        and Workshop.objects.restrict(user, "view").filter(is_active=True).exists()
    )
    return {
        "obj": service_request,
        "jobs": jobs,
        "may_receive": may_receive,
        "needs_workshop": last is not None and last.result == VisitResult.NEEDS_WORKSHOP,
    }


@register.inclusion_tag("workshop/_portal_status.html", takes_context=True)
def workshop_status(context, service_request):
    """For the customer: where their unit is (in the workshop since …, ready for collection …)."""
    user = _user(context)
    jobs = jobs_of_request(user, service_request) if user else []
    return {"jobs": jobs}


def _may_walk_in(context) -> bool:
    """Whether the user may open a walk-in repair (asked once per page)."""
    cache = context.render_context
    if "workshop_may_walk_in" not in cache:
        user = _user(context)
        cache["workshop_may_walk_in"] = (
            user is not None
            and can(user, ServiceRequest, "add")
            and can(user, WorkshopJob, "add")
            and carry_in_type() is not None
            and Workshop.objects.restrict(user, "view").filter(is_active=True).exists()
        )
    return cache["workshop_may_walk_in"]


@register.inclusion_tag("workshop/_walk_in_button.html", takes_context=True)
def walk_in_button(context, customer_id, unit_id=None):
    """ "Walk-in repair" beside a customer (or a unit) found at the desk: the request and the
    unit's intake in the workshop in one page, with no address."""
    return {"may": _may_walk_in(context), "customer_id": customer_id, "unit_id": unit_id}
