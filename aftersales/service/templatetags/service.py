"""Template tags of service delivery, for pages of other apps."""

from django import template

from aftersales.service import planning
from aftersales.service.selectors import requests_for

register = template.Library()


@register.simple_tag(takes_context=True)
def unit_requests(context, unit, limit: int = 20):
    """The requests of `unit` that the page's user may see, newest first."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None:
        return []
    return list(requests_for(user).filter(unit=unit).order_by("-opened_at")[:limit])


@register.filter
def destination(visit):
    """Where the technician goes for `visit` (None for bench work): `planning.destination`."""
    return planning.destination(visit)
