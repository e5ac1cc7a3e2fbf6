from django import template

from ..audit import history_of

register = template.Library()


@register.inclusion_tag("core/_audit.html")
def audit_trail(obj):
    return {"entries": history_of(obj)}
