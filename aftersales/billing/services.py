"""Every write of billing. Keyword-only, atomic; messages to customers go out after commit."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import zoneinfo
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from aftersales.core import identity
from aftersales.core.calendars import country_time_zone
from aftersales.core.choices import Country, Role
from aftersales.core.money import PRECISION, quantize, show_money
from aftersales.core.notify import notify
from aftersales.core.numbering import next_number
from aftersales.core.text import persian_digits

from . import tariffs
from .choices import (
    AcceptedVia,
    InvoiceKind,
    InvoiceStatus,
    LineKind,
    Payer,
    PaymentMethod,
    QuoteStatus,
)
from .models import (
    Company,
    FixedPrice,
    Invoice,
    InvoiceLine,
    LabourRate,
    Payment,
    Quote,
    QuoteLine,
    RevenueTarget,
    TravelZone,
)
from .models.common import FINANCE
from .pricing import price_visit
from .selectors import invoice_balance

HUNDRED = Decimal(100)


def company_today(company) -> dt.date:
    """The day in the company's country, whoever's clock asks: a fattura issued (or a quote made)
    at 23:30 in Milan on 31 December is that year's, though it is already the next in Tehran."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(country_time_zone(company.country)))


def _may(by, roles) -> None:
    if by is None or by.is_superuser or by.role == Role.ADMIN or by.role in roles:
        return
    raise PermissionDenied(_("You may not make this change."))


# --- tariffs and targets ------------------------------------------------------------------------


@transaction.atomic
def record_save(*, instance, data: dict, by):
    """Create or change a tariff row, a company or a revenue target (finance and managers).
    The model's own checks run first; nothing is saved when one fails."""
    _may(by, FINANCE)
    for name, value in data.items():
        setattr(instance, name, value)
    instance.full_clean()
    _check_prices(instance)
    _check_company(instance)
    instance.save()
    return instance


def _check_company(instance) -> None:
    """The Italian company's partita IVA is printed on every invoice: it must be a real one
    (11 digits with their check digit; an 'IT' before it is dropped). The account settlements
    are paid from is a real IBAN of a bank in the company's country."""
    if not isinstance(instance, Company):
        return
    errors = {}
    if instance.iban:
        try:
            instance.iban = identity.validate_iban(instance.iban, country=instance.country)
        except ValidationError as error:
            errors["iban"] = error.messages
    if instance.bic:
        try:
            instance.bic = identity.validate_bic(instance.bic)
        except ValidationError as error:
            errors["bic"] = error.messages
    if errors:
        raise ValidationError(errors)
    if instance.country != Country.ITALY:
        return
    if instance.vat_number:
        try:
            instance.vat_number = identity.validate_partita_iva(instance.vat_number)
        except ValidationError as error:
            raise ValidationError({"vat_number": error.messages}) from error


# the prices of each kind of record, in its company's currency (a target: in its own)
PRICES = {
    LabourRate: ("hourly_rate", "commitment_rate"),
    TravelZone: ("fee",),
    FixedPrice: ("amount",),
    RevenueTarget: ("amount",),
}


def _number(value: Decimal) -> str:
    """A number as typed, decimals kept, in the user's digits (for messages)."""
    text = number_format(value, use_l10n=True, force_grouping=True)
    return persian_digits(text) if (get_language() or "").startswith("fa") else text


def _too_fine(amount: Decimal, currency: str) -> str | None:
    """Why `amount` cannot be a price in `currency`: rials have no decimals, and a price is
    refused, never rounded (None when it can be)."""
    if quantize(amount, currency) == amount:
        return None
    return _("Give the price with at most %(places)s decimals in %(currency)s.") % {
        "places": _number(Decimal(PRECISION.get(currency, 2))),
        "currency": currency,
    }


def _check_prices(instance) -> None:
    names = PRICES.get(type(instance), ())
    if isinstance(instance, RevenueTarget):
        currency = instance.currency
    else:
        company = tariffs.company_for(instance.country) if names else None
        currency = company.currency if company is not None else None
    errors = {}
    for name in names:
        amount = getattr(instance, name)
        if currency and amount is not None and (error := _too_fine(Decimal(amount), currency)):
            errors[name] = error
    if errors:
        raise ValidationError(errors)


# --- quotes -------------------------------------------------------------------------------------


def _inexact_amount(quantity: Decimal, unit_price: Decimal, currency: str) -> str | None:
    """In a currency without decimals (rials) quantity x price must come to a whole amount, or
    the line is refused rather than rounded: the amount as the user reads it, else None."""
    amount = quantity * unit_price
    if PRECISION.get(currency, 2) != 0 or quantity <= 0 or quantize(amount, currency) == amount:
        return None
    return _number(amount.normalize())


def _round_lines(lines: list[dict], currency: str) -> list[dict]:
    rounded, errors = [], []
    for index, line in enumerate(lines, start=1):
        n = _number(line.get("line") or index)  # the row the user sees, in the user's digits
        quantity = Decimal(line.get("quantity") or 0)
        unit_price = Decimal(line.get("unit_price") or 0)
        description = (line.get("description") or "").strip()
        if quantity <= 0:
            errors.append(_("Line %(n)s: give a quantity above zero.") % {"n": n})
        if unit_price < 0:
            errors.append(_("Line %(n)s: a price cannot be negative.") % {"n": n})
        if not description:
            errors.append(_("Line %(n)s: describe the work or the part.") % {"n": n})
        if _too_fine(unit_price, currency):  # refused, never rounded
            errors.append(
                _("Line %(n)s: give the price with at most %(places)s decimals in %(currency)s.")
                % {
                    "n": n,
                    "places": _number(Decimal(PRECISION.get(currency, 2))),
                    "currency": currency,
                }
            )
        elif amount := _inexact_amount(quantity, unit_price, currency):
            errors.append(
                _(
                    "Line %(n)s: quantity × price comes to %(amount)s, but %(currency)s has no "
                    "decimals: change the quantity or the price."
                )
                % {"n": n, "amount": amount, "currency": currency}
            )
        unit_price = quantize(unit_price, currency)
        rounded.append(
            {
                "kind": line.get("kind") or LineKind.OTHER,
                "description": description[:300],
                "part": line.get("part"),
                "quantity": quantity,
                "unit_price": unit_price,
                "net": quantize(unit_price * quantity, currency),
            }
        )
    if not rounded:
        errors.append(_("A quote needs at least one line."))
    if errors:
        raise ValidationError({"lines": errors})
    return rounded


@transaction.atomic
def quote_create(
    *,
    by,
    customer,
    lines: list[dict],
    request=None,
    note: str = "",
    valid_until: dt.date | None = None,
) -> Quote:
    """A draft quote for chargeable work, priced in the currency of the customer's company."""
    _may(by, Quote.policy.add)
    if request is not None and request.customer_id != customer.pk:
        raise ValidationError({"request": _("This request is not the customer's.")})
    if (
        by is not None
        and by.role == Role.AGENT
        and (request is None or request.agent_id != by.agent_id)
    ):
        raise ValidationError({"request": _("Choose one of your agent's requests.")})
    company = tariffs.company_for(customer.country)
    if company is None:
        raise ValidationError(
            _("No billing company is set up for the customer's country: ask finance.")
        )
    today = company_today(company)
    if valid_until is not None and valid_until < today:
        raise ValidationError({"valid_until": _("Choose a day from today on.")})
    rounded = _round_lines(lines, company.currency)
    quote = Quote.objects.create(
        number=next_number(f"QT-{today.year}"),
        company=company,
        customer=customer,
        request=request,
        currency=company.currency,
        language=customer.preferred_language or "fa",
        valid_until=valid_until or today + dt.timedelta(days=company.quote_days),
        note=note,
        tax_percent=tariffs.tax_percent(country=company.country, on=today),
        created_by=by,
    )
    QuoteLine.objects.bulk_create(QuoteLine(quote=quote, **line) for line in rounded)
    _quote_totals(quote)
    return quote


def _quote_totals(quote: Quote) -> None:
    net = quote.lines.aggregate(n=Sum("net"))["n"] or Decimal(0)
    quote.net = quantize(net, quote.currency)
    quote.tax = quantize(net * quote.tax_percent / HUNDRED, quote.currency)
    quote.total = quote.net + quote.tax
    quote.save(update_fields=["net", "tax", "total"])


def _lock_quote(quote: Quote) -> Quote:
    return Quote.objects.select_for_update().select_related("customer").get(pk=quote.pk)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def quote_send(*, quote: Quote, by) -> Quote:
    """Send the quote to the customer (e-mail / SMS) with a one-time link to accept it."""
    _may(by, Quote.policy.change)
    quote = _lock_quote(quote)
    if quote.status not in (QuoteStatus.DRAFT, QuoteStatus.SENT):
        raise ValidationError(_("Only a draft or a sent quote can be sent."))
    if quote.valid_until < company_today(quote.company):
        raise ValidationError(_("This quote has expired: create a new one."))
    token = secrets.token_urlsafe(24)
    quote.token_digest = token_digest(token)
    quote.status = QuoteStatus.SENT
    quote.sent_at = timezone.now()
    quote.save(update_fields=["token_digest", "status", "sent_at"])
    notify("aftersales.billing.messages.quote_sent", quote_id=quote.pk, token=token)
    return quote


def quote_by_token(token: str) -> Quote | None:
    if not token:
        return None
    return Quote.objects.filter(token_digest=token_digest(token)).first()


@transaction.atomic
def quote_decide(*, quote: Quote, accept: bool, via: str, by=None, token: str = "") -> Quote:
    """The customer accepts or declines a sent quote: in the portal (`by` is the customer), by
    the one-time link (`token`), or staff record the customer's answer."""
    quote = _lock_quote(quote)
    if via == AcceptedVia.LINK:
        if not token or quote.token_digest != token_digest(token):
            raise PermissionDenied(_("This link is not valid any more."))
    elif via == AcceptedVia.PORTAL:
        if by is None or by.role != Role.CUSTOMER or quote.customer.user_id != by.pk:
            raise PermissionDenied(_("You may not make this change."))
    else:
        _may(by, Quote.policy.change)
    if quote.status != QuoteStatus.SENT:
        raise ValidationError(_("This quote has already been answered."))
    if quote.valid_until < company_today(quote.company):
        raise ValidationError(_("This quote has expired: ask for a new one."))
    quote.status = QuoteStatus.ACCEPTED if accept else QuoteStatus.DECLINED
    quote.decided_at = timezone.now()
    quote.decided_via = via
    quote.token_digest = ""  # the link works once
    quote.save(update_fields=["status", "decided_at", "decided_via", "token_digest"])
    return quote


@transaction.atomic
def quote_withdraw(*, quote: Quote, by) -> Quote:
    _may(by, Quote.policy.change)
    quote = _lock_quote(quote)
    if quote.status not in (QuoteStatus.DRAFT, QuoteStatus.SENT):
        raise ValidationError(_("An answered quote cannot be withdrawn."))
    quote.status = QuoteStatus.WITHDRAWN
    quote.token_digest = ""
    quote.save(update_fields=["status", "token_digest"])
    return quote


# --- invoices -----------------------------------------------------------------------------------


def _totals(invoice: Invoice) -> None:
    sums = {Payer.CUSTOMER: Decimal(0), Payer.MANUFACTURER: Decimal(0), Payer.AGENT: Decimal(0)}
    net = tax = Decimal(0)
    for line in invoice.lines.all():
        net += line.net
        tax += line.tax
        sums[line.payer] += line.total
    invoice.net, invoice.tax, invoice.total = net, tax, net + tax
    invoice.customer_total = sums[Payer.CUSTOMER]
    invoice.maker_total = sums[Payer.MANUFACTURER]
    invoice.agent_total = sums[Payer.AGENT]
    invoice.save(
        update_fields=["net", "tax", "total", "customer_total", "maker_total", "agent_total"]
    )


def _line_tax(net: Decimal, percent: Decimal, currency: str) -> Decimal:
    return quantize(net * percent / HUNDRED, currency)


@transaction.atomic
def invoice_for_visit(*, visit, by=None) -> Invoice | None:
    """The invoice of a closed visit, priced by the tariffs (or the accepted quote) and split by
    payer; issued at once when every line has a price, else left as a draft for finance.
    None when the customer's country has no billing company, or the visit already has one."""
    if Invoice.objects.filter(visit=visit, kind=InvoiceKind.INVOICE).exists():
        return None
    pricing = price_visit(visit)
    if pricing is None:
        return None
    request = visit.request
    invoice = Invoice.objects.create(
        company=pricing.company,
        customer=request.customer,
        request=request,
        visit=visit,
        quote=pricing.quote,
        service_type=request.service_type,
        region=pricing.region,
        currency=pricing.currency,
        language=pricing.language,
        priced_on=pricing.priced_on,
        tax_percent=pricing.tax_percent,
        reason="; ".join(pricing.missing)[:300],
        created_by=by,
    )
    InvoiceLine.objects.bulk_create(
        InvoiceLine(
            invoice=invoice,
            kind=line.kind,
            description=line.description[:300],
            part_id=line.part_id,
            quantity=line.quantity,
            unit_price=line.unit_price or Decimal(0),
            share_percent=line.share_percent,
            payer=line.payer,
            rule=line.rule,
            note=line.note[:300],
            net=line.net,
            tax=(tax := _line_tax(line.net, pricing.tax_percent, pricing.currency)),
            total=line.net + tax,
        )
        for line in pricing.lines
    )
    _totals(invoice)
    if pricing.complete and pricing.lines:
        _issue(invoice, by=by)
    return invoice


@transaction.atomic
def invoice_for_counter_sale(*, sale, by) -> Invoice:
    """The invoice of a counter sale of parts to a customer (the parts app leaves it "to
    invoice"): its lines at the prices of the sale, the customer pays, issued at once."""
    from aftersales.parts.choices import CounterSaleStatus
    from aftersales.parts.models import CounterSale

    _may(by, FINANCE)
    sale = CounterSale.objects.select_for_update().get(pk=sale.pk)  # no outer join to lock
    if sale.customer is None:
        raise ValidationError(_("Sales to agents are charged in their settlement."))
    if sale.status != CounterSaleStatus.TO_INVOICE:
        raise ValidationError(_("This sale is already invoiced."))
    company = tariffs.company_for(sale.customer.country)
    if company is None or company.currency != sale.currency:
        raise ValidationError(
            _("No billing company in %(currency)s is set up for the customer's country.")
            % {"currency": sale.currency}
        )
    day = timezone.localdate(sale.sold_at)
    percent = tariffs.tax_percent(country=company.country, on=day)
    invoice = Invoice.objects.create(
        company=company,
        customer=sale.customer,
        counter_sale=sale,
        currency=company.currency,
        language=sale.customer.preferred_language or "fa",
        priced_on=day,
        tax_percent=percent,
        created_by=by,
    )
    lines = []
    for line in sale.lines.select_related("part"):
        net = quantize(line.amount, company.currency)
        tax = _line_tax(net, percent, company.currency)
        lines.append(
            InvoiceLine(
                invoice=invoice,
                kind=LineKind.PART,
                description=f"{line.part.sku} · {line.part.name}"[:300],
                part=line.part,
                quantity=line.quantity,
                unit_price=line.unit_price,
                net=net,
                tax=tax,
                total=net + tax,
            )
        )
    InvoiceLine.objects.bulk_create(lines)
    _totals(invoice)
    _issue(invoice, by=by)
    CounterSale.objects.filter(pk=sale.pk).update(status=CounterSaleStatus.INVOICED)
    return invoice


def _lock_invoice(invoice: Invoice) -> Invoice:
    return Invoice.objects.select_for_update().get(pk=invoice.pk)


def _series(invoice: Invoice, year: int) -> str:
    prefix = "CN" if invoice.is_credit else invoice.company.invoice_prefix
    return f"{prefix}-{invoice.company.country}-{year}"


def _issue(invoice: Invoice, *, by) -> None:
    today = company_today(invoice.company)  # dated and numbered by its country's day
    invoice.status = InvoiceStatus.ISSUED
    invoice.issue_date = today
    invoice.issued_at = timezone.now()
    # the gap-free number last: its row lock is held only until the commit
    invoice.number = next_number(_series(invoice, today.year))
    invoice.save(update_fields=["status", "issue_date", "issued_at", "number"])
    if not invoice.is_credit and invoice.customer_total > 0:
        notify("aftersales.billing.messages.invoice_issued", invoice_id=invoice.pk)


def _draft(invoice: Invoice) -> None:
    if invoice.status != InvoiceStatus.DRAFT:
        raise ValidationError(_("An issued invoice is never changed: issue a credit note."))


@transaction.atomic
def invoice_issue(*, invoice: Invoice, by) -> Invoice:
    """Give a draft its number and make it final."""
    _may(by, FINANCE)
    invoice = _lock_invoice(invoice)
    _draft(invoice)
    if not invoice.lines.exists():
        raise ValidationError(_("An invoice needs at least one line."))
    if (
        invoice.lines.filter(unit_price=0, payer=Payer.CUSTOMER)
        .exclude(kind=LineKind.OTHER)
        .exists()
    ):
        raise ValidationError(_("Some lines have no price yet: give every line its price."))
    invoice.reason = ""
    invoice.save(update_fields=["reason"])
    _issue(invoice, by=by)
    return invoice


@transaction.atomic
def invoice_line_set(
    *, line: InvoiceLine, by, quantity: Decimal, unit_price: Decimal, description: str = ""
) -> InvoiceLine:
    """Correct a line of a draft invoice."""
    _may(by, FINANCE)
    invoice = _lock_invoice(line.invoice)
    _draft(invoice)
    if quantity <= 0:
        raise ValidationError({"quantity": _("Give a quantity above zero.")})
    if unit_price < 0:
        raise ValidationError({"unit_price": _("A price cannot be negative.")})
    if error := _too_fine(unit_price, invoice.currency):  # refused, never rounded
        raise ValidationError({"unit_price": error})
    if amount := _inexact_amount(quantity, unit_price, invoice.currency):
        raise ValidationError(
            {
                "quantity": _(
                    "Quantity × price comes to %(amount)s, but %(currency)s has no decimals: "
                    "change the quantity or the price."
                )
                % {"amount": amount, "currency": invoice.currency}
            }
        )
    line.quantity = quantity
    line.unit_price = quantize(unit_price, invoice.currency)
    full = quantize(line.unit_price * quantity, invoice.currency)
    line.net = quantize(full * line.share_percent / HUNDRED, invoice.currency)
    line.tax = _line_tax(line.net, invoice.tax_percent, invoice.currency)
    line.total = line.net + line.tax
    if description.strip():
        line.description = description.strip()[:300]
    line.save()
    _totals(invoice)
    return line


@transaction.atomic
def credit_note_create(*, invoice: Invoice, by, reason: str) -> Invoice:
    """Cancel what is left of an issued invoice with a credit note (its lines, negated in
    meaning: the amounts are stored positive on a document of kind credit note)."""
    _may(by, FINANCE)
    invoice = _lock_invoice(invoice)
    if invoice.is_credit or invoice.status != InvoiceStatus.ISSUED:
        raise ValidationError(_("Only an issued invoice can be credited."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the invoice is credited.")})
    if invoice.credit_notes.exists():
        raise ValidationError(_("This invoice has already been credited."))
    note = Invoice.objects.create(
        kind=InvoiceKind.CREDIT_NOTE,
        credit_of=invoice,
        company=invoice.company,
        customer=invoice.customer,
        request=invoice.request,
        visit=invoice.visit,
        service_type=invoice.service_type,
        region=invoice.region,
        currency=invoice.currency,
        language=invoice.language,
        priced_on=invoice.priced_on,
        tax_percent=invoice.tax_percent,
        reason=reason.strip()[:300],
        created_by=by,
    )
    InvoiceLine.objects.bulk_create(
        InvoiceLine(
            invoice=note,
            kind=line.kind,
            description=line.description,
            part_id=line.part_id,
            quantity=line.quantity,
            unit_price=line.unit_price,
            share_percent=line.share_percent,
            payer=line.payer,
            rule=line.rule,
            note=line.note,
            net=line.net,
            tax=line.tax,
            total=line.total,
        )
        for line in invoice.lines.all()
    )
    _totals(note)
    _issue(note, by=by)
    return note


@transaction.atomic
def invoice_redraft(*, invoice: Invoice, by) -> Invoice:
    """After a credit note: a new draft with the credited invoice's lines, to correct and issue."""
    _may(by, FINANCE)
    invoice = _lock_invoice(invoice)
    if invoice.is_credit or not invoice.credit_notes.exists():
        raise ValidationError(_("Credit the invoice before drafting its replacement."))
    copy = Invoice.objects.create(
        company=invoice.company,
        customer=invoice.customer,
        request=invoice.request,
        quote=invoice.quote,
        service_type=invoice.service_type,
        region=invoice.region,
        currency=invoice.currency,
        language=invoice.language,
        priced_on=invoice.priced_on,
        tax_percent=invoice.tax_percent,
        reason=_("Replaces %(number)s.") % {"number": invoice.number},
        created_by=by,
    )
    lines = list(invoice.lines.all())
    for line in lines:
        line.pk = None
        line.invoice = copy
    InvoiceLine.objects.bulk_create(lines)
    _totals(copy)
    return copy


# --- payments -----------------------------------------------------------------------------------


@transaction.atomic
def payment_record(
    *,
    invoice: Invoice,
    by,
    method: str,
    amount: Decimal,
    received_on: dt.date | None = None,
    reference: str = "",
    statement=None,
) -> Payment:
    """Money the customer paid on an invoice (or a refund paid out on a credit note); never more
    than is open. `statement`: the bank statement it was read from."""
    _may(by, Payment.policy.add)
    invoice = _lock_invoice(invoice)
    errors = {}
    if invoice.status != InvoiceStatus.ISSUED:
        errors["amount"] = _("Issue the invoice before recording a payment.")
    if method not in PaymentMethod.values:
        errors["method"] = _("Choose how it was paid.")
    amount = Decimal(amount)
    if amount <= 0:
        errors["amount"] = _("Give an amount above zero.")
    elif quantize(amount, invoice.currency) != amount:  # money received is never rounded
        errors["amount"] = _(
            "Give the amount with at most %(places)s decimals in %(currency)s."
        ) % {
            "places": _number(PRECISION.get(invoice.currency, 2)),
            "currency": invoice.currency,
        }
    amount = quantize(amount, invoice.currency)
    received_on = received_on or timezone.localdate()
    if received_on > timezone.localdate():
        errors["received_on"] = _("A payment cannot be dated in the future.")
    if method in (PaymentMethod.CARD, PaymentMethod.TRANSFER) and not reference.strip():
        errors["reference"] = _("Give the card slip or bank reference.")
    if not errors:
        open_amount = invoice_balance(invoice)
        if invoice.is_credit:
            open_amount = -open_amount  # what is still to be refunded
        if amount > open_amount:
            errors["amount"] = _("Only %(open)s is open on this document.") % {
                "open": show_money(max(open_amount, Decimal(0)), invoice.currency)
            }
    if errors:
        raise ValidationError(errors)
    return Payment.objects.create(
        invoice=invoice,
        method=method,
        amount=amount,
        currency=invoice.currency,
        received_on=received_on,
        reference=reference.strip(),
        recorded_by=by,
        statement=statement,
    )
