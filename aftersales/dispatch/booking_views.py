"""The operator's "Offer times": the windows a customer on the phone may choose for their
request, booked in one click (the same windows the customer sees on the portal)."""

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from aftersales.core.calendars import show_date, show_time
from aftersales.core.views.edit import require
from aftersales.service.models import ServiceRequest, Visit

from .booking import visit_book
from .templatetags.booking import panel


def chosen_start(request) -> dt.datetime | None:
    """The start of the window a booking form names (ISO 8601 with its offset)."""
    try:
        start = dt.datetime.fromisoformat(request.POST.get("start", "").strip())
    except ValueError:
        return None
    return start if start.tzinfo is not None else None


def book_chosen(request, service_request, *, done: Callable[[Visit], str]) -> Visit | None:
    """Book the window the form names (the customer's portal page, the operator's "Offer
    times"): the booked visit with the message `done(visit)`, or None with the refusal said (a
    window taken meanwhile, a cut-off passed ...). Out of the user's scope is a 404."""
    start = chosen_start(request)
    if start is None:
        messages.error(request, _("Choose one of the times offered."))
        return None
    try:
        visit = visit_book(request=service_request, start=start, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return None
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, done(visit))
    return visit


@login_required
def offer_times(request, pk: int):
    require(request, Visit, "add")
    obj = get_object_or_404(
        ServiceRequest.objects.restrict(request.user, "change").select_related(
            "service_type", "customer", "unit__product_model"
        ),
        pk=pk,
    )
    if request.method == "POST":
        visit = book_chosen(
            request,
            obj,
            done=lambda visit: (
                _("Booked on %(day)s between %(start)s and %(end)s with %(technician)s.")
                % {
                    "day": show_date(visit.window_start),
                    "start": show_time(visit.window_start),
                    "end": show_time(visit.window_end),
                    "technician": visit.technician,
                }
            ),
        )
        return redirect(obj) if visit else redirect("dispatch:offer_times", pk=pk)
    context = {
        "title": _("Offer times for %(number)s") % {"number": obj.number},
        **panel(obj, desk=True, book_url=reverse("dispatch:offer_times", args=[pk])),
    }
    return TemplateResponse(request, "dispatch/offer_times.html", context)
