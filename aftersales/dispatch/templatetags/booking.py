"""The "Choose a time" panel of a service request's pages (the customer's portal page and the
operator's "Offer times" page)."""

from django import template
from django.urls import reverse
from django.utils import formats

from aftersales.core.calendars import show_date
from aftersales.core.choices import Role
from aftersales.dispatch import slots

register = template.Library()


def day_label(day) -> str:
    """ "Monday 07/12/2026", "lunedì 07/12/2026", "دوشنبه ۱۴۰۵/۰۹/۱۶"."""
    return f"{formats.date_format(day, 'l')} {show_date(day)}"


def panel(service_request, *, desk: bool, book_url: str) -> dict:
    offer = slots.slots_for(service_request, desk=desk)
    moving = slots.planned_visit(service_request) if offer.slots or offer.reason else None
    return {
        "obj": service_request,
        "offer": offer,
        "days": [(day_label(day), found) for day, found in offer.by_day()],
        "moving": moving,
        "desk": desk,
        "book_url": book_url,
    }


@register.inclusion_tag("dispatch/_times.html", takes_context=True)
def choose_time(context, service_request):
    """The windows a customer may choose for their request, as buttons by day; nothing for a
    request whose time is not theirs to choose (its type, its state)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or user.role != Role.CUSTOMER or not slots.offered(service_request):
        return {"offer": None}
    url = reverse("portal:book", args=[service_request.pk])
    return panel(service_request, desk=False, book_url=url)


@register.filter
def offers_times(service_request) -> bool:
    """Whether the request's visit time may be chosen from the free windows now."""
    return slots.offered(service_request)
