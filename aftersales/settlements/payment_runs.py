"""Writes of payment runs: paying agents by bank transfer, many settlements in one file.

`payment_run_prepare` takes approved settlements where the maker owes the agent, checks that
each can be paid by transfer, and makes the bank's file (`transfers`); nothing is paid yet.
When the bank has executed the file, `payment_run_paid` records one payment on each settlement
(through `services.payment_record`, so the balance, the journal and the status follow); a file
not to be used is cancelled with `payment_run_cancel`.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from aftersales.billing.models import Company
from aftersales.core import identity
from aftersales.core.calendars import show_date
from aftersales.core.choices import Country
from aftersales.core.models import User
from aftersales.core.numbering import next_number
from aftersales.parts.services import writer

from . import selectors, services, transfers
from .choices import BankStatus, PaymentMethod, RunStatus, SettlementStatus
from .models import PaymentRun, PaymentRunLine, Settlement

LONGEST_WAIT = dt.timedelta(days=60)  # a bank takes an execution date this far ahead at most


def _language(agent) -> str:
    return "fa" if agent.country == Country.IRAN else "it"


def _description(settlement: Settlement) -> str:
    """What the agent reads on its statement, in its own language."""
    with translation.override(_language(settlement.agent)):
        return _("Settlement %(number)s, %(start)s - %(end)s") % {
            "number": settlement.number,
            "start": show_date(settlement.period_start),
            "end": show_date(settlement.period_end),
        }


def _refusal(settlement: Settlement, currency: str, taken: set[int]) -> str | None:
    """Why a settlement cannot go into a run in `currency` (None when it can)."""
    agent = settlement.agent
    if settlement.status != SettlementStatus.APPROVED or settlement.open_amount <= 0:
        return _("nothing is owed to the agent on it")
    if settlement.currency != currency:
        return _("it is in %(currency)s") % {"currency": settlement.currency}
    if settlement.pk in taken:
        return _("it is already in a prepared payment run")
    if not agent.iban:
        return _("the agent has no IBAN")
    try:
        identity.validate_iban(agent.iban, country="IR" if currency == "IRR" else "")
    except ValidationError as error:
        return error.messages[0]
    return None


@writer
def payment_run_prepare(
    *, by: User | None, settlements, execution_date: dt.date | None = None
) -> PaymentRun:
    """A payment run for `settlements` (one currency), its bank file made and stored. Every
    settlement that cannot be paid by transfer is named with its reason, and nothing is made."""
    services._require(services.may_pay(by))
    ids = sorted({settlement.pk for settlement in settlements})
    if not ids:
        raise ValidationError(_("Choose at least one settlement to pay."))
    chosen = list(
        Settlement.objects.select_for_update()
        .select_related("agent")
        .filter(pk__in=ids)
        .order_by("agent__name", "pk")
    )
    currencies = {settlement.currency for settlement in chosen}
    if len(currencies) != 1:
        raise ValidationError(_("A payment run pays in one currency: choose settlements of one."))
    currency = currencies.pop()
    if currency not in transfers.FORMATS:
        raise ValidationError(
            _("No bank file is made for payments in %(currency)s.") % {"currency": currency}
        )
    today = timezone.localdate()
    execution_date = execution_date or today
    if execution_date < today or execution_date > today + LONGEST_WAIT:
        raise ValidationError(
            {
                "execution_date": _(
                    "The bank executes a transfer from today up to 60 days ahead; "
                    "choose a date in that time."
                )
            }
        )
    company = Company.objects.filter(currency=currency).first()
    problems = []
    if company is None or not company.iban:
        problems.append(
            _("The company paying in %(currency)s has no IBAN: enter it on the company.")
            % {"currency": currency}
        )
    taken = set(
        selectors.held_lines().filter(settlement_id__in=ids).values_list("settlement_id", flat=True)
    )
    for settlement in chosen:
        reason = _refusal(settlement, currency, taken)
        if reason:
            problems.append(
                _("%(settlement)s (%(agent)s): %(reason)s")
                % {"settlement": settlement, "agent": settlement.agent.name, "reason": reason}
            )
    if problems:
        raise ValidationError(problems)

    number = next_number(f"PR-{today.year}")
    lines = [
        transfers.Transfer(
            payee=settlement.agent.payee,
            iban=settlement.agent.iban,
            amount=settlement.open_amount,
            end_to_end_id=f"{number}-{row}",
            description=_description(settlement),
        )
        for row, settlement in enumerate(chosen, start=1)
    ]
    if transfers.FORMATS[currency] == "sepa":
        made = transfers.sepa_file(
            payer=company.name,
            payer_iban=company.iban,
            payer_bic=company.bic,
            execution_date=execution_date,
            transfers=lines,
        )
    else:
        made = transfers.sheba_sheet(
            run_number=number, execution_date=execution_date, transfers=lines
        )
    run = PaymentRun(
        number=number,
        currency=currency,
        execution_date=execution_date,
        total=sum(line.amount for line in lines),
        message_id=made.message_id,
        created_by=by,
    )
    run.file.save(f"{number}.{made.extension}", ContentFile(made.content), save=False)
    run.save()
    PaymentRunLine.objects.bulk_create(
        PaymentRunLine(
            run=run,
            settlement=settlement,
            amount=line.amount,
            payee=line.payee,
            iban=line.iban,
            end_to_end_id=line.end_to_end_id,
        )
        for settlement, line in zip(chosen, lines, strict=True)
    )
    return run


def prepared(run: PaymentRun) -> PaymentRun:
    """`run`, locked, when it is still prepared (its file not yet executed or cancelled)."""
    run = PaymentRun.objects.select_for_update().get(pk=run.pk)
    if run.status != RunStatus.PREPARED:
        raise ValidationError(
            _("This payment run is %(status)s already.")
            % {"status": RunStatus(run.status).label.lower()}
        )
    return run


@writer
def payment_run_paid(
    *, run: PaymentRun, by: User | None, paid_on: dt.date | None = None, reference: str = ""
) -> PaymentRun:
    """The bank executed the run: a transfer payment on each settlement, as in the file, but for
    the transfers the bank rejected. A settlement whose open amount changed since is named, and
    nothing is recorded."""
    services._require(services.may_pay(by))
    run = prepared(run)
    lines = list(run.lines.exclude(bank_status=BankStatus.REJECTED).select_related("settlement"))
    if not lines:
        raise ValidationError(
            _("The bank rejected every transfer of this run: cancel it, and pay in a new run.")
        )
    changed = [
        line.settlement
        for line in lines
        if line.settlement.status != SettlementStatus.APPROVED
        or line.settlement.open_amount != line.amount
    ]
    if changed:
        raise ValidationError(
            _(
                "These settlements changed since the file was made (paid another way?): "
                "%(settlements)s. Cancel this run and prepare a new one."
            )
            % {"settlements": ", ".join(str(settlement) for settlement in changed)}
        )
    reference = (reference or "").strip() or run.message_id
    for line in lines:
        line.payment = services.payment_record(
            settlement=line.settlement,
            by=by,
            amount=line.amount,
            paid_on=paid_on,
            method=PaymentMethod.TRANSFER,
            reference=f"{reference} {line.end_to_end_id}"[:60],
        )
        line.save(update_fields=["payment"])
    run.status = RunStatus.PAID
    run.paid_on = lines[0].payment.paid_on
    run.bank_reference = reference[:60]
    run.closed_by = by
    run.closed_at = timezone.now()
    run.save(update_fields=["status", "paid_on", "bank_reference", "closed_by", "closed_at"])
    return run


@writer
def payment_run_cancel(*, run: PaymentRun, by: User | None) -> PaymentRun:
    """The file is not to be used: its settlements may go into another run."""
    services._require(services.may_pay(by))
    run = prepared(run)
    run.status = RunStatus.CANCELLED
    run.closed_by = by
    run.closed_at = timezone.now()
    run.save(update_fields=["status", "closed_by", "closed_at"])
    return run
