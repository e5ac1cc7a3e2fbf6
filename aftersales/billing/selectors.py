"""Reads of billing: balances, revenue, revenue against targets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, DecimalField, F, OuterRef, Q, Subquery, Sum, When
from django.db.models.functions import Coalesce

from .choices import InvoiceKind, InvoiceStatus
from .models import Company, Invoice, Payment, RevenueTarget

ZERO = Decimal(0)
MONEY = DecimalField(max_digits=18, decimal_places=2)


def _sum(queryset, field: str) -> Decimal:
    return queryset.aggregate(total=Sum(field))["total"] or ZERO


def invoice_balance(invoice: Invoice) -> Decimal:
    """What the customer still owes on an invoice (negative: what is owed back to them), after
    its credit notes, its payments and the refunds paid on its credit notes. For a credit note,
    the balance of the invoice it credits."""
    if invoice.kind == InvoiceKind.CREDIT_NOTE:
        invoice = invoice.credit_of
    notes = invoice.credit_notes.filter(status=InvoiceStatus.ISSUED)
    credited = _sum(notes, "customer_total")
    paid = _sum(Payment.objects.filter(invoice=invoice), "amount")
    refunded = _sum(Payment.objects.filter(invoice__in=notes), "amount")
    return invoice.customer_total - credited - paid + refunded


def with_balance(invoices):
    """`invoices` annotated with `balance`: what `invoice_balance` answers, for the issued
    invoices of a list (None on a draft or a credit note), so the list can show, sort and filter
    what is still due."""

    def total(queryset, group: str, field: str):
        sums = queryset.values(group).annotate(total=Sum(field)).values("total")
        return Coalesce(Subquery(sums), ZERO, output_field=MONEY)

    notes = Invoice.objects.filter(credit_of=OuterRef("pk"), status=InvoiceStatus.ISSUED)
    paid = Payment.objects.filter(invoice=OuterRef("pk"))
    refunded = Payment.objects.filter(
        invoice__credit_of=OuterRef("pk"), invoice__status=InvoiceStatus.ISSUED
    )
    balance = (
        F("customer_total")
        - total(notes, "credit_of", "customer_total")
        - total(paid, "invoice", "amount")
        + total(refunded, "invoice__credit_of", "amount")
    )
    return invoices.annotate(
        balance=Case(
            When(kind=InvoiceKind.INVOICE, status=InvoiceStatus.ISSUED, then=balance),
            default=None,
            output_field=MONEY,
        )
    )


def with_company_currency(tariffs):
    """Tariff rows annotated with `currency`: a tariff's prices are in the currency of its
    country's company."""
    company = Company.objects.filter(country=OuterRef("country"))
    return tariffs.annotate(currency=Subquery(company.values("currency")[:1]))


def home_currency() -> str:
    """The currency of the first billing company (IRR when none is set up)."""
    return Company.objects.order_by("pk").values_list("currency", flat=True).first() or "IRR"


def _revenue_rows(*, start, end, region=None, service_type=None, currency=None):
    rows = Invoice.objects.filter(
        status=InvoiceStatus.ISSUED,
        issue_date__gte=start,
        issue_date__lte=end,
        currency=currency or home_currency(),
    )
    if region:
        rows = rows.filter(region__iexact=region)
    if service_type is not None:
        rows = rows.filter(service_type_id=getattr(service_type, "pk", service_type))
    return rows


def revenue(
    *,
    start: dt.date,
    end: dt.date,
    region: str | None = None,
    service_type=None,
    currency: str | None = None,
) -> Decimal:
    """The unit's revenue (net of tax, from every payer: customers, the manufacturer under
    warranty, agents) invoiced from `start` to `end` inclusive, less credit notes, in `currency`
    (by default the first company's)."""
    rows = _revenue_rows(
        start=start, end=end, region=region, service_type=service_type, currency=currency
    )
    totals = rows.aggregate(
        invoiced=Sum("net", filter=Q(kind=InvoiceKind.INVOICE)),
        credited=Sum("net", filter=Q(kind=InvoiceKind.CREDIT_NOTE)),
    )
    return (totals["invoiced"] or ZERO) - (totals["credited"] or ZERO)


@dataclass
class Progress:
    target: RevenueTarget
    actual: Decimal

    @property
    def ratio(self) -> Decimal | None:
        if not self.target.amount:
            return None
        return (self.actual / self.target.amount).quantize(Decimal("0.001"))

    @property
    def percent(self) -> Decimal | None:
        ratio = self.ratio
        return None if ratio is None else (ratio * 100).quantize(Decimal("0.1"))


def target_progress(targets) -> list[Progress]:
    """Each target with the revenue actually invoiced in its period, line and region."""
    return [
        Progress(
            target=target,
            actual=revenue(
                start=target.start,
                end=target.end,
                region=target.region or None,
                service_type=target.service_type_id,
                currency=target.currency,
            ),
        )
        for target in targets
    ]


def monthly_revenue(*, start: dt.date, end: dt.date, currency: str, region=None, service_type=None):
    """[(first day of month, revenue)] for the months from `start` to `end`."""
    months = []
    day = start.replace(day=1)
    while day <= end:
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        last = min(following - dt.timedelta(days=1), end)
        first = max(day, start)
        months.append(
            (
                day,
                revenue(
                    start=first,
                    end=last,
                    region=region,
                    service_type=service_type,
                    currency=currency,
                ),
            )
        )
        day = following
    return months
