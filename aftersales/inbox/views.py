"""Pages of the incoming e-mail: the desk's queue, a message's page with its actions, the new
request opened from a message (the service's own request form, prefilled), an attachment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.access import can
from aftersales.core.views.edit import act, form_page, require
from aftersales.core.views.lists import Column, ObjectListView
from aftersales.customers.models import Customer
from aftersales.customers.selectors import customers_find
from aftersales.service.choices import Channel
from aftersales.service.forms import RequestForm
from aftersales.service.models import ServiceRequest
from aftersales.units.models import Unit

from . import selectors, services
from .filters import MessageFilter
from .forms import AttachForm
from .models import InboundAttachment, InboundMessage


def _request_number(message: InboundMessage) -> str | None:
    return message.request.number if message.request else None


def _note(message: InboundMessage) -> str:
    if message.customer_replied:
        return _("Customer replied")
    if message.suggested_request_id and message.status == "new":
        return _("Names request %(number)s") % {"number": message.suggested_request.number}
    return ""


class MessageList(ObjectListView):
    """The desk's queue of incoming e-mail, newest first."""

    model = InboundMessage
    filterset_class = MessageFilter
    default_sort = "-received_at"
    select_related = ("customer", "request", "suggested_request")
    title = gettext_lazy("Incoming e-mail")
    columns = [
        Column("received_at", gettext_lazy("Received"), sort="received_at", kind="datetime"),
        Column("from_address", gettext_lazy("From"), sort="from_address", kind="email"),
        Column("from_name", gettext_lazy("Name"), sort="from_name"),
        Column("subject", gettext_lazy("Subject"), sort="subject", link=True),
        Column("customer.display_name", gettext_lazy("Customer"), sort="customer__search_name"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column(_request_number, gettext_lazy("Request"), sort="request__number", kind="serial"),
        Column(_note, gettext_lazy("Note")),
    ]

    def base_queryset(self):
        return selectors.with_hold_since(super().base_queryset())

    def can_create(self) -> bool:
        return False  # mail comes in by itself


def _message(request, pk: int, action: str = "view") -> InboundMessage:
    return get_object_or_404(selectors.messages_for(request.user, action), pk=pk)


@login_required
def message_detail(request, pk: int):
    obj = _message(request, pk)
    may_act = obj.status in services.OPEN_TO_ACTION and can(request.user, InboundMessage, "change")
    suggested = obj.suggested_request.number if obj.suggested_request else ""
    context = {
        "title": obj.subject or _("(no subject)"),
        "obj": obj,
        "attachments": list(obj.attachments.all()),
        "may_act": may_act,
        "may_open": may_act and can(request.user, ServiceRequest, "add"),
        "may_ignore": may_act and obj.status == "new",
        "attach_form": AttachForm(initial={"number": suggested}),
    }
    return TemplateResponse(request, "inbox/message.html", context)


@login_required
@require_POST
def message_attach(request, pk: int):
    obj = _message(request, pk, "change")
    form = AttachForm(request.POST)
    found = None
    if form.is_valid():
        found = selectors.request_by_number(user=request.user, number=form.cleaned_data["number"])
    if found is None:
        messages.error(request, _("No request has this number."))
        return redirect(obj)
    return act(
        request,
        obj,
        lambda: services.message_attach(message=obj, request=found, by=request.user),
        done=_("The e-mail was attached to request %(number)s.") % {"number": found.number},
    )


@login_required
@require_POST
def message_ignore(request, pk: int):
    obj = _message(request, pk, "change")
    return act(
        request,
        obj,
        lambda: services.message_ignore(message=obj, by=request.user),
        done=_("The e-mail was set aside."),
        then=reverse("inbox:list"),
    )


@login_required
def message_open_request(request, pk: int):
    """The service's new-request form for the message's customer (or one the desk finds),
    prefilled: channel e-mail, the message as description. Saving links the message."""
    require(request, ServiceRequest, "add")
    obj = _message(request, pk, "change")
    if obj.status not in services.OPEN_TO_ACTION:
        messages.error(request, _("This e-mail has already gone to a request."))
        return redirect(obj)
    customers = Customer.objects.restrict(request.user, "view")
    chosen = request.GET.get("customer") or request.POST.get("customer")
    if chosen:
        customer = get_object_or_404(customers, pk=chosen) if chosen.isdigit() else None
    else:
        customer = customers.filter(pk=obj.customer_id).first() if obj.customer_id else None
    if customer is None:
        return _choose_customer(request, obj)
    units = Unit.objects.restrict(request.user, "view").filter(owner=customer)
    description = "\n\n".join(part for part in (obj.subject, obj.body) if part)
    form = RequestForm(
        request.POST or None,
        initial={"channel": Channel.EMAIL, "description": description},
        user=request.user,
        customer=customer,
        units=units,
    )

    def save(data):
        return services.message_open_request(
            message=obj, by=request.user, customer=customer, **data
        )

    return form_page(
        request,
        form,
        save=save,
        title=_("New service request for %(name)s") % {"name": customer.display_name},
        done=_("The request was opened from the e-mail."),
        cancel_url=obj.get_absolute_url(),
    )


def _choose_customer(request, obj: InboundMessage):
    query = request.GET.get("q", "").strip()
    found = list(customers_find(user=request.user, query=query)[:10]) if query else []
    context = {
        "title": _("New request from this e-mail"),
        "obj": obj,
        "query": query,
        "customers": found,
    }
    return TemplateResponse(request, "inbox/choose_customer.html", context)


@login_required
def attachment(request, pk: int):
    """A file of a message: a safe image is shown, anything else is downloaded."""
    record = get_object_or_404(InboundAttachment.objects.restrict(request.user, "view"), pk=pk)
    response = FileResponse(
        record.file.open("rb"),
        as_attachment=not record.is_image,
        filename=record.filename,
        content_type=record.content_type if record.is_image else "application/octet-stream",
    )
    response["Content-Security-Policy"] = "sandbox"
    return response
