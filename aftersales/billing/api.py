"""The billing API: tariffs (read), the standard time of a job, quotes (create, send, answer),
invoices (read, issue, credit) and payments. Creates take an `Idempotency-Key`."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from aftersales.catalog.models import FailureCode, Part, ProductModel
from aftersales.core import bank_xml
from aftersales.core.access import demand
from aftersales.core.idempotency import idempotent
from aftersales.customers.models import Customer
from aftersales.customers.schemas import ERRORS, ErrorOut
from aftersales.service.models import ServiceRequest, ServiceType

from . import fatturapa, services, statements, tariffs
from .choices import AcceptedVia
from .models import (
    BankStatement,
    Company,
    FixedPrice,
    Invoice,
    LabourRate,
    Payment,
    Quote,
    TaxRate,
    TravelZone,
)
from .schemas import (
    AnswerIn,
    BankStatementOut,
    CreditIn,
    InvoiceFilters,
    InvoiceOut,
    PaymentFilters,
    PaymentIn,
    PaymentOut,
    QuoteIn,
    QuoteOut,
    StandardTimeOut,
    StandardTimeQuery,
    StatementRecordIn,
    TariffsOut,
)
from .selectors import invoice_balance

router = Router(tags=["billing"])


@router.get("/tariffs", response={200: TariffsOut, ERRORS: ErrorOut}, summary="Tariffs")
def tariff_list(request, country: str | None = None):
    """Every tariff row (all `valid_from` days, the latest first), optionally of one country."""
    user = request.user
    demand(user, LabourRate, "view")

    def rows(model):
        queryset = model.objects.restrict(user, "view")
        return list(queryset.filter(country=country) if country else queryset)

    return {
        "companies": rows(Company),
        "tax_rates": rows(TaxRate),
        "labour_rates": rows(LabourRate),
        "travel_zones": rows(TravelZone),
        "fixed_prices": rows(FixedPrice),
    }


@router.get(
    "/standard-time", response={200: StandardTimeOut, ERRORS: ErrorOut}, summary="Standard time"
)
def standard_time(request, params: Query[StandardTimeQuery]):
    """The tariff's standard minutes of a job (null when no tariff says)."""
    demand(request.user, LabourRate, "view")
    service_type = get_object_or_404(
        ServiceType.objects.restrict(request.user), pk=params.service_type
    )
    model = get_object_or_404(ProductModel.objects.restrict(request.user), pk=params.product_model)
    codes = FailureCode.objects.filter(code__in=params.failure_codes)
    minutes = tariffs.standard_minutes(
        service_type=service_type,
        product_model=model,
        on=params.on or timezone.localdate(),
        failure_codes=list(codes),
    )
    return {"minutes": minutes}


# --- quotes -------------------------------------------------------------------------------------


def _quotes(user, action: str = "view"):
    return Quote.objects.restrict(user, action).prefetch_related("lines")


@router.get("/quotes", response={200: list[QuoteOut], ERRORS: ErrorOut}, summary="Quotes")
@paginate(PageNumberPagination, page_size=50)
def quote_list(request, status: str | None = None):
    """The quotes the caller may see (a customer: their own), newest first."""
    quotes = _quotes(request.user).order_by("-pk")
    return quotes.filter(status=status) if status else quotes


@router.get("/quotes/{int:quote_id}", response={200: QuoteOut, ERRORS: ErrorOut}, summary="A quote")
def quote_detail(request, quote_id: int):
    return get_object_or_404(_quotes(request.user), pk=quote_id)


@router.post("/quotes", response={201: QuoteOut, ERRORS: ErrorOut}, summary="Create a quote")
@idempotent
def quote_create(request, payload: QuoteIn):
    """A draft quote for a request (or a customer), priced in the customer's company currency."""
    user = request.user
    demand(user, Quote, "add")
    service_request = customer = None
    if payload.request is not None:
        service_request = (
            ServiceRequest.objects.restrict(user, "view").filter(pk=payload.request).first()
        )
        if service_request is None:
            raise ValidationError({"request": [_("There is no such request.")]})
        customer = service_request.customer
    elif payload.customer is not None:
        customer = Customer.objects.restrict(user, "view").filter(pk=payload.customer).first()
    if customer is None:
        raise ValidationError({"customer": [_("Give a request or a customer.")]})
    part_ids = {line.part for line in payload.lines if line.part}
    parts = {part.pk: part for part in Part.objects.filter(pk__in=part_ids)}
    if len(parts) != len(part_ids):
        raise ValidationError({"lines": [_("There is no such part.")]})
    lines = []
    for line in payload.lines:
        data = line.dict()
        data["part"] = parts.get(line.part)
        if not data["description"] and data["part"] is not None:
            data["description"] = f"{data['part'].sku} · {data['part'].name}"
        lines.append(data)
    quote = services.quote_create(
        by=user,
        customer=customer,
        request=service_request,
        lines=lines,
        note=payload.note,
        valid_until=payload.valid_until,
    )
    return Status(201, get_object_or_404(_quotes(user), pk=quote.pk))


@router.post(
    "/quotes/{int:quote_id}/send", response={200: QuoteOut, ERRORS: ErrorOut}, summary="Send"
)
def quote_send(request, quote_id: int):
    """Send the quote to the customer with a one-time link to accept or decline it."""
    demand(request.user, Quote, "change")
    quote = get_object_or_404(_quotes(request.user, "change"), pk=quote_id)
    services.quote_send(quote=quote, by=request.user)
    return get_object_or_404(_quotes(request.user), pk=quote_id)


@router.post(
    "/quotes/{int:quote_id}/answer", response={200: QuoteOut, ERRORS: ErrorOut}, summary="Answer"
)
def quote_answer(request, quote_id: int, payload: AnswerIn):
    """The customer's answer: given by the customer themselves (portal app), or recorded by
    staff who heard it."""
    user = request.user
    quote = get_object_or_404(_quotes(user), pk=quote_id)
    via = AcceptedVia.PORTAL if user.role == "customer" else AcceptedVia.DESK
    services.quote_decide(quote=quote, accept=payload.accept, via=via, by=user)
    return get_object_or_404(_quotes(user), pk=quote_id)


# --- invoices and payments ----------------------------------------------------------------------


def _invoices(user, action: str = "view"):
    return Invoice.objects.restrict(user, action).prefetch_related("lines")


def _out(invoice: Invoice) -> Invoice:
    invoice.balance = invoice_balance(invoice) if invoice.number else None
    return invoice


@router.get("/invoices", response={200: list[InvoiceOut], ERRORS: ErrorOut}, summary="Invoices")
@paginate(PageNumberPagination, page_size=50)
def invoice_list(request, filters: Query[InvoiceFilters]):
    """Invoices and credit notes the caller may see (a customer: their own issued ones)."""
    invoices = _invoices(request.user).order_by("-pk")
    if filters.status:
        invoices = invoices.filter(status=filters.status)
    if filters.kind:
        invoices = invoices.filter(kind=filters.kind)
    if filters.customer is not None:
        invoices = invoices.filter(customer_id=filters.customer)
    if filters.issued_from:
        invoices = invoices.filter(issue_date__gte=filters.issued_from)
    if filters.issued_to:
        invoices = invoices.filter(issue_date__lte=filters.issued_to)
    return [_out(invoice) for invoice in invoices]


@router.get(
    "/invoices/{int:invoice_id}", response={200: InvoiceOut, ERRORS: ErrorOut}, summary="An invoice"
)
def invoice_detail(request, invoice_id: int):
    return _out(get_object_or_404(_invoices(request.user), pk=invoice_id))


@router.get(
    "/invoices/{int:invoice_id}/fatturapa",
    response={ERRORS: ErrorOut},
    summary="FatturaPA XML",
    openapi_extra={
        "responses": {
            200: {
                "description": "The FatturaPA file (FPR12), named by the SdI's rule in "
                "Content-Disposition.",
                "content": {"application/xml": {"schema": {"type": "string"}}},
            }
        }
    },
)
def invoice_fatturapa(request, invoice_id: int):
    """The FatturaPA XML of an issued invoice (TD01) or credit note (TD04) of the Italian
    company; 422 names what the SdI would refuse (a draft, another country's invoice, a
    customer without codice fiscale / partita IVA or CAP)."""
    invoice = get_object_or_404(
        Invoice.objects.restrict(request.user, "view").select_related(
            "company", "customer", "credit_of"
        ),
        pk=invoice_id,
    )
    document = fatturapa.fatturapa(invoice)
    response = HttpResponse(document.content, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{document.name}"'
    return response


@router.post(
    "/invoices/{int:invoice_id}/issue",
    response={200: InvoiceOut, ERRORS: ErrorOut},
    summary="Issue",
)
def invoice_issue(request, invoice_id: int):
    demand(request.user, Invoice, "change")
    invoice = get_object_or_404(_invoices(request.user, "change"), pk=invoice_id)
    services.invoice_issue(invoice=invoice, by=request.user)
    return _out(get_object_or_404(_invoices(request.user), pk=invoice_id))


@router.post(
    "/invoices/{int:invoice_id}/credit-notes",
    response={201: InvoiceOut, ERRORS: ErrorOut},
    summary="Credit an invoice",
)
@idempotent
def invoice_credit(request, invoice_id: int, payload: CreditIn):
    """Cancel an issued invoice with a credit note (issued at once, numbered in its series)."""
    demand(request.user, Invoice, "change")
    invoice = get_object_or_404(_invoices(request.user, "change"), pk=invoice_id)
    note = services.credit_note_create(invoice=invoice, by=request.user, reason=payload.reason)
    return Status(201, _out(get_object_or_404(_invoices(request.user), pk=note.pk)))


@router.get("/payments", response={200: list[PaymentOut], ERRORS: ErrorOut}, summary="Payments")
@paginate(PageNumberPagination, page_size=50)
def payment_list(request, filters: Query[PaymentFilters]):
    payments = Payment.objects.restrict(request.user, "view").order_by("-received_on", "-pk")
    if filters.received_from:
        payments = payments.filter(received_on__gte=filters.received_from)
    if filters.received_to:
        payments = payments.filter(received_on__lte=filters.received_to)
    if filters.method:
        payments = payments.filter(method=filters.method)
    return payments


@router.post(
    "/invoices/{int:invoice_id}/payments",
    response={201: PaymentOut, ERRORS: ErrorOut},
    summary="Record a payment",
)
@idempotent
def payment_create(request, invoice_id: int, payload: PaymentIn):
    """Money received on an invoice (or refunded on a credit note); never more than is open."""
    demand(request.user, Payment, "add")
    invoice = get_object_or_404(_invoices(request.user), pk=invoice_id)
    payment = services.payment_record(
        invoice=invoice,
        by=request.user,
        method=payload.method,
        amount=payload.amount,
        received_on=payload.received_on,
        reference=payload.reference,
    )
    return Status(201, payment)


# Bank statements (finance): transfers received, matched to the invoices they name -------------


STATEMENT_FIELDS = ("id", "name", "account", "credits", "recorded", "uploaded_at")


def _statement_out(request, statement: BankStatement) -> dict:
    invoices = _invoices(request.user)
    transfers = [
        {
            **vars(match.credit),
            "invoice": match.invoice.pk if match.invoice else None,
            "problem": match.problem,
            "payment": match.recorded.pk if match.recorded else None,
            "ready": match.ready,
        }
        for match in statements.statement_matches(statement, invoices)
    ]
    return {
        **{field: getattr(statement, field) for field in STATEMENT_FIELDS},
        "transfers": transfers,
    }


@router.post(
    "/bank-statements",
    response={201: BankStatementOut, ERRORS: ErrorOut},
    summary="Read a bank statement",
    openapi_extra=bank_xml.OPENAPI_BODY,
)
def statement_upload(request, name: str = "statement.xml"):
    """The bank's camt.053 statement or camt.054 notification as the request body (XML). Each
    transfer received is matched to the open invoice its description names; nothing is
    recorded until `record`."""
    statement = statements.statement_upload(by=request.user, data=request.body, name=name)
    return Status(201, _statement_out(request, statement))


@router.get(
    "/bank-statements/{int:statement_id}",
    response={200: BankStatementOut, ERRORS: ErrorOut},
    summary="A bank statement",
)
def statement_detail(request, statement_id: int):
    statement = get_object_or_404(
        BankStatement.objects.restrict(request.user, "view"), pk=statement_id
    )
    return _statement_out(request, statement)


@router.post(
    "/bank-statements/{int:statement_id}/record",
    response={200: BankStatementOut, ERRORS: ErrorOut},
    summary="Record transfers as payments",
)
def statement_record(request, statement_id: int, payload: StatementRecordIn):
    """Record the chosen transfers as payments on their invoices; if one cannot be recorded
    (recorded already, more than is open, no invoice named), nothing is."""
    statement = get_object_or_404(
        BankStatement.objects.restrict(request.user, "change"), pk=statement_id
    )
    statements.statement_record(
        statement=statement,
        by=request.user,
        invoices=_invoices(request.user),
        chosen=payload.credits,
    )
    statement.refresh_from_db()
    return _statement_out(request, statement)
