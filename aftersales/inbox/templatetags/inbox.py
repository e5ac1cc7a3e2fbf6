"""Template tags of the incoming e-mail, for a service request's staff page."""

from django import template

from ..selectors import messages_of_request

register = template.Library()


@register.inclusion_tag("inbox/_request_messages.html", takes_context=True)
def request_messages(context, service_request):
    """The e-mail that went to the request (for those who may read the mail); none, nothing."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    found = list(messages_of_request(user=user, request=service_request)) if user else []
    replied = any(message.customer_replied for message in found)
    return {"messages_in": found, "obj": service_request, "replied": replied}
