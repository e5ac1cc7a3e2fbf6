"""Quotes: the list, a new quote for a request, its page (send, record the answer, withdraw),
the PDF, and the one-time link the customer opens from the SMS or e-mail (no login)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.access import can, customer_page
from aftersales.core.documents import pdf_response
from aftersales.core.views.edit import act, require, submit
from aftersales.core.views.lists import AmountColumn, Column, ObjectListView
from aftersales.customers.models import Customer
from aftersales.service.models import ServiceRequest

from .. import documents, services
from ..choices import AcceptedVia, QuoteStatus
from ..filters import QuoteFilter
from ..forms import AnswerForm, QuoteForm, QuoteLineFormSet, RequestPickForm
from ..models import Quote


class QuoteList(ObjectListView):
    model = Quote
    title = gettext_lazy("Quotes")
    filterset_class = QuoteFilter
    default_sort = "-pk"
    select_related = ("customer", "request")
    columns = [
        Column("number", gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("customer.display_name", gettext_lazy("Customer"), sort="customer__search_name"),
        Column("request.number", gettext_lazy("Request"), kind="serial"),
        Column("valid_until", gettext_lazy("Valid until"), sort="valid_until", kind="date"),
        Column("currency", gettext_lazy("Currency")),
        AmountColumn("total", gettext_lazy("Total"), sort="total"),
        Column("decided_at", gettext_lazy("Answered"), sort="decided_at", kind="datetime"),
    ]

    @property
    def create_url(self):
        return reverse("billing:quote_create")


def _quote(request, pk: int, action: str = "view") -> Quote:
    return get_object_or_404(
        Quote.objects.restrict(request.user, action).select_related("customer", "request"),
        pk=pk,
    )


def _record_id(text: str) -> int:
    """A record's id from the address; anything else is a page that does not exist."""
    if not text.isdecimal():
        raise Http404
    return int(text)


@login_required
def quote_create(request):
    """A new quote for `?request=<id>` (or `?customer=<id>`)."""
    require(request, Quote, "add")
    service_request = customer = None
    if request_id := request.GET.get("request"):
        service_request = get_object_or_404(
            ServiceRequest.objects.restrict(request.user, "view"), pk=_record_id(request_id)
        )
        customer = service_request.customer
    elif customer_id := request.GET.get("customer"):
        customer = get_object_or_404(
            Customer.objects.restrict(request.user, "view"), pk=_record_id(customer_id)
        )
    if customer is None:
        return _pick_request(request)
    form = QuoteForm(request.POST or None)
    lines = QuoteLineFormSet(request.POST or None, user=request.user, prefix="lines")
    if (
        request.method == "POST"
        and lines.is_valid()
        and (
            response := submit(
                request,
                form,
                save=lambda data: services.quote_create(
                    by=request.user,
                    customer=customer,
                    request=service_request,
                    lines=lines.lines(),
                    **data,
                ),
                done=_("Quote created: check it and send it to the customer."),
            )
        )
    ):
        return response
    context = {
        "title": _("New quote"),
        "form": form,
        "lines": lines,
        "customer": customer,
        "service_request": service_request,
    }
    return TemplateResponse(
        request, "billing/quote_form.html", context, status=400 if form.is_bound else 200
    )


def _pick_request(request):
    """First step of a new quote from the list: which service request is it for?"""
    form = RequestPickForm(request.GET if "number" in request.GET else None)
    if form.is_valid():
        found = (
            ServiceRequest.objects.restrict(request.user, "view")
            .filter(number__iexact=form.cleaned_data["number"].strip())
            .first()
        )
        if found is not None:
            return redirect(f"{reverse('billing:quote_create')}?request={found.pk}")
        form.add_error("number", _("There is no such request."))
    return TemplateResponse(
        request,
        "billing/quote_pick.html",
        {"form": form, "title": _("New quote")},
        status=400 if form.is_bound else 200,
    )


def _page(request, quote, *, answer_form=None, status=200):
    may_change = can(request.user, Quote, "change") and (
        Quote.objects.restrict(request.user, "change").filter(pk=quote.pk).exists()
    )
    context = {
        "quote": quote,
        "title": str(quote),
        "lines": quote.lines.select_related("part"),
        "may_change": may_change,
        "answer_form": (answer_form or AnswerForm())
        if may_change and quote.status == QuoteStatus.SENT
        else None,
        "invoices": quote.invoices.all(),
    }
    return TemplateResponse(request, "billing/quote_detail.html", context, status=status)


@customer_page
@login_required
def quote_detail(request, pk: int):
    return _page(request, _quote(request, pk))


@customer_page
@login_required
def quote_pdf(request, pk: int):
    quote = _quote(request, pk)
    language = request.GET.get("language")
    pdf = documents.quote_pdf(quote, language=language if language in ("fa", "it", "en") else None)
    return pdf_response(pdf, quote.number)


@login_required
@require_POST
def quote_send(request, pk: int):
    quote = _quote(request, pk, "change")
    return act(
        request,
        quote,
        lambda: services.quote_send(quote=quote, by=request.user),
        done=_("The quote was sent to the customer with a link to accept it."),
        then=quote,
    )


@login_required
@require_POST
def quote_withdraw(request, pk: int):
    quote = _quote(request, pk, "change")
    return act(
        request,
        quote,
        lambda: services.quote_withdraw(quote=quote, by=request.user),
        done=_("Quote withdrawn."),
        then=quote,
    )


@login_required
@require_POST
def quote_answer(request, pk: int):
    """Staff record the customer's answer given by phone or in person."""
    quote = _quote(request, pk, "change")
    form = AnswerForm(request.POST)
    if response := submit(
        request,
        form,
        save=lambda data: services.quote_decide(
            quote=quote, accept=data["accept"], via=AcceptedVia.DESK, by=request.user
        ),
        done=_("The customer's answer was recorded."),
    ):
        return response
    return _page(request, quote, answer_form=form, status=400)


@customer_page
def quote_link(request, token: str):
    """The page the customer opens from the SMS or e-mail: the quote, accept or decline. The
    link works once; no login, and nothing but this quote is shown."""
    quote = services.quote_by_token(token)
    language = quote.language if quote is not None else None
    with translation.override(language or translation.get_language()):
        response = _link_page(request, quote, token)
        if hasattr(response, "render"):
            response.render()  # in the customer's language
    return response


def _link_page(request, quote, token: str):
    if quote is None:
        return TemplateResponse(
            request, "billing/quote_link.html", {"quote": None, "title": _("Quote")}, status=404
        )
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        try:
            services.quote_decide(quote=quote, accept=accept, via=AcceptedVia.LINK, token=token)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            quote.refresh_from_db()
            return TemplateResponse(
                request,
                "billing/quote_link.html",
                {"quote": quote, "done": True, "title": str(quote)},
            )
    context = {"quote": quote, "lines": quote.lines.all(), "token": token, "title": str(quote)}
    return TemplateResponse(request, "billing/quote_link.html", context)


@customer_page
@login_required
@require_POST
def portal_quote_decide(request, pk: int):
    """The customer accepts or declines their quote in the portal."""
    quote = _quote(request, pk)
    accept = request.POST.get("answer") == "accept"
    try:
        return act(
            request,
            quote,
            lambda: services.quote_decide(
                quote=quote, accept=accept, via=AcceptedVia.PORTAL, by=request.user
            ),
            done=_("Thank you: the quote is accepted.") if accept else _("The quote is declined."),
            then=quote,
        )
    except PermissionDenied:
        raise Http404 from None
