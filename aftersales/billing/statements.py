"""Bank statements: the transfers customers made on their invoices, read from the bank's file
and recorded as payments.

Italian customers pay a fattura by bank transfer and write its number in the transfer's
description. The bank's statement (`camt.053`) or credit notification (`camt.054`) lists each
credit with that text. `read` takes the credits out of the file; `matches` finds, for each, the
open invoice it names and says whether it can be recorded; `statement_upload` keeps the file and
`statement_record` records the credits finance confirms, through `services.payment_record` (the
same rules as a payment typed by hand: never more than is open, never dated in the future).
A credit recorded once is never recorded again, from this file or another.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core import bank_xml
from aftersales.core.calendars import show_date
from aftersales.core.models import User
from aftersales.core.money import show_money

from . import services
from .choices import InvoiceKind, InvoiceStatus, PaymentMethod
from .models import BankStatement, Invoice, Payment
from .selectors import with_balance

# An invoice number as payers write it: CN/FT-IT-2026-000012, with spaces or without dashes,
# and without the leading zeros.
NUMBER = re.compile(r"\b([A-Z]{1,6})[\s-]*(IR|IT)[\s-]*(\d{4})[\s/-]*(\d{1,6})\b")


@dataclass
class Credit:
    """A transfer received, as the bank's file shows it."""

    index: int  # its place in the file: what finance confirms
    booked_on: dt.date
    amount: Decimal
    currency: str
    reference: str  # the bank's or the payer's reference of this transfer
    payer: str
    text: str  # what the payer wrote


@dataclass
class Match:
    credit: Credit
    invoice: Invoice | None = None
    problem: str = ""  # why it cannot be recorded ('' when it can)
    recorded: Payment | None = None  # recorded already (from this statement or another)

    @property
    def ready(self) -> bool:
        return self.invoice is not None and not self.problem and self.recorded is None


WHY = {
    "reference": gettext_lazy(
        "The bank gave no reference for this transfer: record it by hand on its invoice."
    ),
    "none": gettext_lazy("No open invoice is named in the transfer's description."),
    "currency": gettext_lazy("The transfer is in %(currency)s; the invoice is in another."),
    "more": gettext_lazy("%(amount)s is more than is open on the invoice (%(open)s)."),
    "closed": gettext_lazy("Nothing is open on the invoice."),
}


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _credits_of(entry) -> list[Credit]:
    """The credits of one statement entry: one per transaction detail (a batch booked as one
    entry lists each transfer), else the entry itself."""
    booked = _day(bank_xml.text(entry, "BookgDt/Dt") or bank_xml.text(entry, "BookgDt/DtTm"))
    booked = booked or _day(bank_xml.text(entry, "ValDt/Dt"))
    details = entry.findall("NtryDtls/TxDtls")
    found = []
    for detail in details or [None]:
        amount_element = None
        if detail is not None and len(details) > 1:
            amount_element = detail.find("Amt")
            if amount_element is None:
                amount_element = detail.find("AmtDtls/TxAmt/Amt")
        if amount_element is None:
            amount_element = entry.find("Amt")
        try:
            amount = Decimal((amount_element.text or "").strip())
        except (AttributeError, InvalidOperation):
            continue
        reference = ""
        for path in ("Refs/EndToEndId", "Refs/AcctSvcrRef", "Refs/TxId"):
            value = bank_xml.text(detail, path)
            if value and value.upper() != "NOTPROVIDED":
                reference = value
                break
        reference = (
            reference or bank_xml.text(entry, "AcctSvcrRef") or bank_xml.text(entry, "NtryRef")
        )
        payer = bank_xml.text(detail, "RltdPties/Dbtr/Nm") or bank_xml.text(
            detail, "RltdPties/Dbtr/Pty/Nm"
        )
        words = []
        if detail is not None:
            words = [part.text.strip() for part in detail.findall("RmtInf/Ustrd") if part.text]
            words += [
                part.text.strip()
                for part in detail.findall("RmtInf/Strd/CdtrRefInf/Ref")
                if part.text
            ]
        words = words or [bank_xml.text(entry, "AddtlNtryInf")]
        found.append(
            Credit(
                index=0,
                booked_on=booked,
                amount=amount,
                currency=amount_element.get("Ccy", ""),
                reference=reference[:60],
                payer=payer[:140],
                text=" ".join(word for word in words if word)[:500],
            )
        )
    return found


def read(data: bytes) -> tuple[str, list[Credit]]:
    """The account (IBAN) and the booked credits of a camt.053 statement or camt.054
    notification; a ValidationError when the file is neither."""
    root = bank_xml.read(data)
    message = None
    if root is not None:
        message = root.find("BkToCstmrStmt")
        if message is None:
            message = root.find("BkToCstmrDbtCdtNtfctn")
    if message is None:
        raise ValidationError(_("This file is not a bank statement (camt.053 or camt.054)."))
    account, credits = "", []
    for report in message.findall("Stmt") + message.findall("Ntfctn"):
        account = account or bank_xml.text(report, "Acct/Id/IBAN")
        for entry in report.findall("Ntry"):
            status = bank_xml.text(entry, "Sts") or bank_xml.text(entry, "Sts/Cd")
            if (
                bank_xml.text(entry, "CdtDbtInd") != "CRDT"
                or bank_xml.text(entry, "RvslInd").lower() == "true"
                or (status and status != "BOOK")
            ):
                continue
            credits += _credits_of(entry)
    credits = [credit for credit in credits if credit.booked_on and credit.amount > 0]
    for index, credit in enumerate(credits, start=1):
        credit.index = index
    return account, credits


def _numbers(text: str) -> list[str]:
    """The invoice numbers named in `text`, written as we write them."""
    return [
        f"{prefix}-{country}-{year}-{int(serial):06d}"
        for prefix, country, year, serial in NUMBER.findall(text.upper())
    ]


def matches(credits: list[Credit], invoices) -> list[Match]:
    """For each credit, the open invoice among `invoices` (already restricted) it names, or why
    it cannot be recorded; a credit already recorded is shown with its payment."""
    named = {number for credit in credits for number in _numbers(credit.text)}
    by_number = {
        invoice.number: invoice
        for invoice in with_balance(
            invoices.filter(number__in=named, kind=InvoiceKind.INVOICE, status=InvoiceStatus.ISSUED)
        ).select_related("customer")
    }
    references = [credit.reference for credit in credits if credit.reference]
    done = {
        (payment.reference, payment.amount): payment
        for payment in Payment.objects.filter(
            invoice__in=invoices, method=PaymentMethod.TRANSFER, reference__in=references
        ).select_related("invoice__customer")
    }
    result = []
    for credit in credits:
        match = Match(credit=credit)
        match.recorded = done.get((credit.reference, credit.amount))
        invoice = next(
            (by_number[number] for number in _numbers(credit.text) if number in by_number), None
        )
        if match.recorded is not None:
            match.invoice = match.recorded.invoice
        elif not credit.reference:
            match.problem = str(WHY["reference"])
        elif invoice is None:
            match.problem = str(WHY["none"])
        else:
            match.invoice = invoice
            open_amount = invoice.balance
            if invoice.currency != credit.currency:
                match.problem = str(WHY["currency"]) % {"currency": credit.currency}
            elif open_amount <= 0:
                match.problem = str(WHY["closed"])
            elif credit.amount > open_amount:
                match.problem = str(WHY["more"]) % {
                    "amount": show_money(credit.amount, credit.currency),
                    "open": show_money(open_amount, invoice.currency),
                }
        result.append(match)
    return result


@transaction.atomic
def statement_upload(*, by: User | None, data: bytes, name: str) -> BankStatement:
    """Keep a bank statement with the count of its credits; nothing is recorded yet."""
    services._may(by, BankStatement.policy.add)
    account, credits = read(data)
    if not credits:
        raise ValidationError(_("This statement has no transfers received."))
    name = (name.rsplit("/", 1)[-1] or "statement.xml")[:120]
    statement = BankStatement(name=name, account=account, credits=len(credits), uploaded_by=by)
    statement.file.save(name, ContentFile(data), save=False)
    statement.save()
    return statement


def statement_matches(statement: BankStatement, invoices) -> list[Match]:
    with statement.file.open("rb") as file:
        _account, credits = read(file.read())
    return matches(credits, invoices)


@transaction.atomic
def statement_record(
    *, statement: BankStatement, by: User | None, invoices, chosen: list[int]
) -> list[Payment]:
    """Record as payments the credits of `statement` at the places `chosen`, each on the
    invoice it names among `invoices` (restricted to `by`). A chosen credit that can no longer
    be recorded is named, and nothing is recorded."""
    services._may(by, BankStatement.policy.change)
    statement = BankStatement.objects.select_for_update().get(pk=statement.pk)
    found = {match.credit.index: match for match in statement_matches(statement, invoices)}
    wanted = [found.get(index) for index in sorted(set(chosen))]
    if not wanted:
        raise ValidationError(_("Choose the transfers to record."))
    refused = [
        _("There is no transfer %(place)s in this statement.") % {"place": index}
        for index, match in zip(sorted(set(chosen)), wanted, strict=True)
        if match is None
    ] + [
        _("Transfer of %(day)s (%(reference)s): %(problem)s")
        % {
            "day": show_date(match.credit.booked_on),
            "reference": match.credit.reference,
            "problem": match.problem or _("it is recorded already."),
        }
        for match in wanted
        if match is not None and not match.ready
    ]
    if refused:
        raise ValidationError(refused)
    payments = [
        services.payment_record(
            invoice=match.invoice,
            by=by,
            method=PaymentMethod.TRANSFER,
            amount=match.credit.amount,
            received_on=match.credit.booked_on,
            reference=match.credit.reference,
            statement=statement,
        )
        for match in wanted
    ]
    statement.recorded = statement.payments.count()
    statement.save(update_fields=["recorded"])
    return payments
