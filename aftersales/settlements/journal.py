"""The journal lines a settlement posts for accounting: one amount from a debit account to a
credit account, written when the settlement is approved (its lines, on the period's last day) and
when a payment is recorded (on the payment's day). The agents' account is the counterpart of
every line; the code an accounting package knows each account by comes from
`settings.SETTLEMENT_ACCOUNT_CODES` (a dict by account), with the defaults below."""

from decimal import Decimal

from django.conf import settings

from .choices import Account, Direction, LineKind
from .models import JournalEntry, Payment, Settlement

DEFAULT_CODES = {
    Account.AGENTS: "2120",
    Account.WARRANTY_LABOUR: "6110",
    Account.WARRANTY_TRAVEL: "6120",
    Account.WARRANTY_PARTS: "6130",
    Account.PARTS_SALES: "4210",
    Account.GRADE: "6140",
    Account.ADJUSTMENTS: "6190",
    Account.BANK: "1110",
}
ACCOUNT_OF_KIND = {
    LineKind.PURCHASE: Account.PARTS_SALES,
    LineKind.GRADE: Account.GRADE,
    LineKind.ADJUSTMENT: Account.ADJUSTMENTS,
}


def account_code(account: str) -> str:
    """The accounting package's code of one of our accounts."""
    codes = {**DEFAULT_CODES, **getattr(settings, "SETTLEMENT_ACCOUNT_CODES", {})}
    return str(codes.get(account, account))


def _entry(settlement, *, account, amount: Decimal, day, kind, reference, line=None, payment=None):
    """Above zero the maker owes the agent more: debit `account`, credit the agents' account."""
    if not amount:
        return None
    debit, credit = (account, Account.AGENTS) if amount > 0 else (Account.AGENTS, account)
    return JournalEntry(
        settlement=settlement,
        line=line,
        payment=payment,
        day=day,
        debit=debit,
        credit=credit,
        amount=abs(amount),
        currency=settlement.currency,
        kind=kind,
        reference=reference,
    )


def post_settlement(settlement: Settlement) -> list[JournalEntry]:
    """Journal the lines of an approved settlement. The balance carried over is already on the
    agents' account, so it posts nothing."""
    entries = []
    day = settlement.period_end
    for line in settlement.lines.order_by("pk"):
        common = {"day": day, "kind": line.kind, "reference": line.reference, "line": line}
        if line.kind == LineKind.CLAIM:
            for account, amount in (
                (Account.WARRANTY_LABOUR, line.labour),
                (Account.WARRANTY_TRAVEL, line.travel),
                (Account.WARRANTY_PARTS, line.parts),
            ):
                entries.append(_entry(settlement, account=account, amount=amount, **common))
        elif line.kind in ACCOUNT_OF_KIND:
            entries.append(
                _entry(settlement, account=ACCOUNT_OF_KIND[line.kind], amount=line.amount, **common)
            )
    return _save([entry for entry in entries if entry is not None])


def post_payment(payment: Payment) -> list[JournalEntry]:
    """Paying the agent: debit the agents' account, credit the bank; receiving: the reverse."""
    if payment.direction == Direction.TO_AGENT:
        debit, credit = Account.AGENTS, Account.BANK
    else:
        debit, credit = Account.BANK, Account.AGENTS
    entry = JournalEntry(
        settlement=payment.settlement,
        payment=payment,
        day=payment.paid_on,
        debit=debit,
        credit=credit,
        amount=payment.amount,
        currency=payment.settlement.currency,
        kind="payment",
        reference=payment.reference or payment.settlement.number,
    )
    return _save([entry])


def _save(entries: list[JournalEntry]) -> list[JournalEntry]:
    for entry in entries:
        entry.save()  # one by one, so each is audited
    return entries
