"""Invoices, credit notes and payments: lists with exports for accounting, the invoice page with
its actions (issue, correct a draft line, credit, record a payment), and the PDFs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aftersales.core.access import can, customer_page
from aftersales.core.choices import Country
from aftersales.core.documents import pdf_response
from aftersales.core.views.edit import act, form_page, submit
from aftersales.core.views.lists import EXPORT_LIMIT, AmountColumn, Column, ObjectListView
from aftersales.service.models import Visit

from .. import documents, fatturapa, services
from ..choices import InvoiceStatus
from ..filters import InvoiceFilter, InvoiceLineFilter, PaymentFilter
from ..forms import CreditForm, LineForm, PaymentForm
from ..models import Invoice, InvoiceLine, Payment
from ..selectors import invoice_balance, with_balance


class InvoiceList(ObjectListView):
    model = Invoice
    template_name = "billing/invoice_list.html"
    filterset_class = InvoiceFilter
    default_sort = "-pk"
    select_related = ("customer", "request", "service_type")
    title = gettext_lazy("Invoices and credit notes")
    columns = [
        Column(str, gettext_lazy("Number"), sort="number", link=True, kind="serial"),
        Column("get_kind_display", gettext_lazy("Kind"), sort="kind"),
        Column("get_status_display", gettext_lazy("Status"), sort="status"),
        Column("issue_date", gettext_lazy("Issue date"), sort="issue_date", kind="date"),
        Column("customer.display_name", gettext_lazy("Customer"), sort="customer__search_name"),
        Column("request.number", gettext_lazy("Request"), kind="serial"),
        Column("service_type", gettext_lazy("Service line")),
        Column("region", gettext_lazy("Region"), sort="region"),
        Column("currency", gettext_lazy("Currency"), sort="currency"),
        AmountColumn("net", gettext_lazy("Net"), sort="net"),
        AmountColumn("tax", gettext_lazy("Tax"), sort="tax"),
        AmountColumn("total", gettext_lazy("Total"), sort="total"),
        AmountColumn("customer_total", gettext_lazy("Customer pays")),
        AmountColumn("maker_total", gettext_lazy("Manufacturer pays")),
        AmountColumn("agent_total", gettext_lazy("Agent pays")),
        AmountColumn("balance", gettext_lazy("Balance due"), sort="balance"),
    ]

    def base_queryset(self):
        return with_balance(super().base_queryset())

    def can_create(self):
        return False

    def get(self, request, *args, **kwargs):
        if request.htmx and not request.htmx.boosted:  # the results' partial is the core list's
            self.template_name = ObjectListView.template_name
        response = super().get(request, *args, **kwargs)
        if getattr(response, "context_data", None) is not None:
            # the FatturaPA files of the list's Italian invoices, for whoever may see one
            response.context_data["fatturapa"] = (
                Invoice.objects.restrict(request.user, "view")
                .filter(company__country=Country.ITALY)
                .exists()
            )
        return response


class JournalList(ObjectListView):
    """Every line of the issued documents, with its payer: the accounting journal."""

    model = InvoiceLine
    filterset_class = InvoiceLineFilter
    default_sort = "-pk"
    select_related = ("invoice", "invoice__customer")
    title = gettext_lazy("Invoice lines by payer")
    columns = [
        Column(
            "invoice.number",
            gettext_lazy("Document"),
            sort="invoice__number",
            link=True,
            kind="serial",
        ),
        Column("invoice.get_kind_display", gettext_lazy("Kind")),
        Column(
            "invoice.issue_date",
            gettext_lazy("Issue date"),
            sort="invoice__issue_date",
            kind="date",
        ),
        Column("invoice.customer.display_name", gettext_lazy("Customer")),
        Column("get_kind_display", gettext_lazy("Line")),
        Column("description", gettext_lazy("Description")),
        Column("get_payer_display", gettext_lazy("Payer"), sort="payer"),
        Column("invoice.currency", gettext_lazy("Currency")),
        AmountColumn("net", gettext_lazy("Net"), sort="net", currency="invoice.currency"),
        AmountColumn("tax", gettext_lazy("Tax"), currency="invoice.currency"),
        AmountColumn("total", gettext_lazy("Total"), sort="total", currency="invoice.currency"),
    ]

    def base_queryset(self):
        return super().base_queryset().filter(invoice__status=InvoiceStatus.ISSUED)

    def can_create(self):
        return False


class PaymentList(ObjectListView):
    model = Payment
    filterset_class = PaymentFilter
    default_sort = "-received_on"
    select_related = ("invoice", "invoice__customer")
    title = gettext_lazy("Payments")
    columns = [
        Column("received_on", gettext_lazy("Date"), sort="received_on", kind="date"),
        Column(
            "invoice.number",
            gettext_lazy("Document"),
            sort="invoice__number",
            link=True,
            kind="serial",
        ),
        Column("invoice.get_kind_display", gettext_lazy("Kind")),
        Column("invoice.customer.display_name", gettext_lazy("Customer")),
        Column("get_method_display", gettext_lazy("Method"), sort="method"),
        AmountColumn("amount", gettext_lazy("Amount"), sort="amount"),
        Column("currency", gettext_lazy("Currency"), sort="currency"),
        Column("reference", gettext_lazy("Reference"), kind="serial"),
    ]

    def can_create(self):
        return False


def _invoice(request, pk: int, action: str = "view") -> Invoice:
    return get_object_or_404(
        Invoice.objects.restrict(request.user, action).select_related(
            "customer", "company", "request", "visit", "credit_of", "quote", "counter_sale"
        ),
        pk=pk,
    )


def _page(request, invoice, *, payment_form=None, credit_form=None, status=200):
    user = request.user
    finance = (
        Invoice.policy.allows(user, "change")
        and Invoice.objects.restrict(user, "change").filter(pk=invoice.pk).exists()
    )
    issued = invoice.status == InvoiceStatus.ISSUED
    balance = invoice_balance(invoice) if issued else None
    may_pay = (
        issued
        and can(user, Payment, "add")
        and balance is not None
        and (balance > 0 if not invoice.is_credit else balance < 0)
    )
    context = {
        "invoice": invoice,
        "title": str(invoice),
        "lines": invoice.lines.select_related("part"),
        "payments": invoice.payments.select_related("recorded_by"),
        "credit_notes": invoice.credit_notes.all(),
        "balance": balance,
        "finance": finance,
        "payment_form": (payment_form or PaymentForm()) if may_pay else None,
        "credit_form": (credit_form or CreditForm())
        if finance and issued and not invoice.is_credit and not invoice.credit_notes.exists()
        else None,
        "may_redraft": finance and not invoice.is_credit and invoice.credit_notes.exists(),
    }
    return TemplateResponse(request, "billing/invoice_detail.html", context, status=status)


@customer_page
@login_required
def invoice_detail(request, pk: int):
    return _page(request, _invoice(request, pk))


@customer_page
@login_required
def invoice_pdf(request, pk: int):
    invoice = _invoice(request, pk)
    language = request.GET.get("language")
    if language not in ("fa", "it", "en"):
        language = None
    pdf = documents.invoice_pdf(invoice, language=language)
    name = invoice.number or f"draft-{invoice.pk}"
    return pdf_response(pdf, name)


def _xml_response(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@customer_page
@login_required
def invoice_fatturapa(request, pk: int):
    """The FatturaPA XML of an issued Italian invoice or credit note, for whoever may see it;
    when the SdI would refuse it, the invoice's page says what to complete."""
    invoice = _invoice(request, pk)
    try:
        document = fatturapa.fatturapa(invoice)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(invoice)
    return _xml_response(document.content, document.name, "application/xml")


@login_required
def invoices_fatturapa(request):
    """A ZIP of the FatturaPA files of the issued Italian documents in the invoices list as it
    is filtered; those the SdI would refuse are listed in the ZIP with the reason."""
    back = f"{reverse('billing:invoices')}?{request.GET.urlencode()}"
    invoices = with_balance(Invoice.objects.restrict(request.user, "view"))
    filters = InvoiceFilter(request.GET or None, queryset=invoices, request=request)
    if filters.is_bound:
        if not filters.is_valid():
            messages.error(request, _("Correct the filters first."))
            return redirect(back)
        invoices = filters.qs
    invoices = fatturapa.exportable(invoices).select_related("company", "customer", "credit_of")
    invoices = invoices.order_by("issue_date", "pk")[:EXPORT_LIMIT]
    content, made, refused = fatturapa.fatturapa_zip(invoices)
    if not made and not refused:
        messages.error(request, _("No issued Italian invoice in this list."))
        return redirect(back)
    name = f"fatturapa-{timezone.localdate():%Y%m%d}.zip"
    return _xml_response(content, name, "application/zip")


@login_required
@require_POST
def invoice_issue(request, pk: int):
    invoice = _invoice(request, pk, "change")
    return act(
        request,
        invoice,
        lambda: services.invoice_issue(invoice=invoice, by=request.user),
        done=_("Invoice issued."),
    )


@login_required
def invoice_line_edit(request, pk: int, line: int):
    invoice = _invoice(request, pk, "change")
    row = get_object_or_404(invoice.lines, pk=line)
    if invoice.status != InvoiceStatus.DRAFT:  # no form that could only be refused
        messages.error(request, _("An issued invoice is never changed: issue a credit note."))
        return redirect(invoice)
    form = LineForm(
        request.POST or None,
        initial={
            "description": row.description,
            "quantity": row.quantity,
            "unit_price": row.unit_price,
        },
    )
    return form_page(
        request,
        form,
        save=lambda data: services.invoice_line_set(line=row, by=request.user, **data).invoice,
        title=_("Correct a line of a draft invoice"),
        cancel_url=invoice.get_absolute_url(),
        done=_("Line saved."),
    )


@login_required
@require_POST
def invoice_credit(request, pk: int):
    invoice = _invoice(request, pk, "change")
    form = CreditForm(request.POST)
    if response := submit(
        request,
        form,
        save=lambda data: services.credit_note_create(invoice=invoice, by=request.user, **data),
        done=_("Credit note issued."),
    ):
        return response
    return _page(request, invoice, credit_form=form, status=400)


@login_required
@require_POST
def invoice_redraft(request, pk: int):
    invoice = _invoice(request, pk, "change")
    return act(
        request,
        invoice,
        lambda: services.invoice_redraft(invoice=invoice, by=request.user),
        done=_("A corrected draft was created."),
    )


@login_required
@require_POST
def payment_create(request, pk: int):
    invoice = _invoice(request, pk)
    form = PaymentForm(request.POST)
    if response := submit(
        request,
        form,
        save=lambda data: services.payment_record(invoice=invoice, by=request.user, **data),
        done=_("Payment recorded."),
        then=invoice.get_absolute_url(),
    ):
        return response
    return _page(request, invoice, payment_form=form, status=400)


@login_required
def visit_invoice(request, pk: int):
    """The invoice of a visit (from the visit's page)."""
    visit = get_object_or_404(Visit.objects.restrict(request.user, "view"), pk=pk)
    invoice = get_object_or_404(
        Invoice.objects.restrict(request.user, "view"), visit=visit, kind="invoice"
    )
    return redirect(invoice)


@customer_page
@login_required
def job_sheet(request, pk: int):
    """The visit report with the customer's signature, as a PDF."""
    visit = get_object_or_404(
        Visit.objects.restrict(request.user, "view").select_related(
            "request__customer", "request__unit__product_model", "technician"
        ),
        pk=pk,
    )
    language = request.GET.get("language")
    pdf = documents.job_sheet_pdf(
        visit, language=language if language in ("fa", "it", "en") else None
    )
    return pdf_response(pdf, visit.number)
