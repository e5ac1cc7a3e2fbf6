"""`{% club_card customer %}`: a customer's club points on the staff's customer page."""

from django import template

from aftersales.core.access import can

from .. import services
from ..models import PointsEntry

register = template.Library()


@register.inclusion_tag("club/_customer_card.html", takes_context=True)
def club_card(context, customer):
    user = context["request"].user
    entries = PointsEntry.objects.restrict(user, "view").filter(customer=customer)
    visible = PointsEntry.policy.allows(user, "view")
    return {
        "customer": customer,
        "balance": services.balance(customer) if visible else None,
        "entries": entries[:5],
        "can_adjust": can(user, PointsEntry, "add"),
        "visible": visible,
    }
