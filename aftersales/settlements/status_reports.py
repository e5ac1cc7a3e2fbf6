"""The bank's answer to a payment run: its status report (ISO 20022 `pain.002`), read back.

A bank checks a SEPA file before executing it and answers with a status report: the whole file
accepted or rejected, or transfer by transfer (by the end-to-end identifier we gave each one),
with a reason code for each rejection (`AC04`: the account is closed ...). `read` turns the XML
into a `Report`; `payment_run_status_read` records it on the run's lines. A rejected transfer's
settlement is free for another run at once, and recording the run as paid leaves it out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aftersales.core import bank_xml
from aftersales.core.models import User
from aftersales.parts.services import writer

from . import services
from .choices import BankStatus
from .models import PaymentRun
from .payment_runs import prepared

CURRENCIES = ("EUR",)  # SEPA banks send pain.002; Iran's group transfers answer in their portals

ACCEPTED = {"ACCP", "ACSP", "ACSC", "ACWC", "ACCC"}  # accepted, settled, with changes ...
REJECTED = {"RJCT"}  # anything else (RCVD, ACTC, PDNG, PART) is no decision yet

# The reasons a SEPA bank gives most (the EPC's guidance); any other code is shown as it is.
REASONS = {
    "AC01": gettext_lazy("the account number is wrong"),
    "AC04": gettext_lazy("the account is closed"),
    "AC06": gettext_lazy("the account is blocked"),
    "AG01": gettext_lazy("this account may not receive such a transfer"),
    "AG02": gettext_lazy("the bank does not accept this kind of operation"),
    "AM04": gettext_lazy("there is not enough money on the paying account"),
    "AM05": gettext_lazy("the transfer was sent twice"),
    "BE04": gettext_lazy("the payee's address is missing"),
    "CNOR": gettext_lazy("the payee's bank is not reachable"),
    "DUPL": gettext_lazy("the transfer was sent twice"),
    "FF01": gettext_lazy("the file's format is wrong"),
    "MD07": gettext_lazy("the account holder has died"),
    "MS02": gettext_lazy("refused by the payee, no reason given"),
    "MS03": gettext_lazy("refused by a bank, no reason given"),
    "RC01": gettext_lazy("the bank identifier (BIC) is wrong"),
    "RR01": gettext_lazy("the paying account is not identified as the regulations require"),
    "RR03": gettext_lazy("the payee's name or address is missing, as the regulations require"),
    "RR04": gettext_lazy("regulatory reasons"),
}


def reason_text(code: str) -> str:
    """The reader's words for a bank's reason code (the code itself when we do not know it)."""
    return str(REASONS.get(code, code))


@dataclass
class Answer:
    """What the report says of one transfer, of a batch or of the whole file."""

    status: str = ""
    reason: str = ""
    note: str = ""


@dataclass
class Report:
    message_id: str  # of the file it answers: our run's `message_id`
    whole: Answer
    transfers: dict[str, Answer] = field(default_factory=dict)  # by end-to-end identifier


def _answer(element: ET.Element, status_tag: str) -> Answer:
    reason = element.find("StsRsnInf")
    if reason is None:
        return Answer(status=(element.findtext(status_tag) or "").strip())
    notes = [text.strip() for text in reason.itertext() if text.strip()]
    code = (reason.findtext("Rsn/Cd") or reason.findtext("Rsn/Prtry") or "").strip()
    return Answer(
        status=(element.findtext(status_tag) or "").strip(),
        reason=code[:4],
        note=" ".join(note for note in notes if note != code)[:210],
    )


def read(data: bytes) -> Report:
    """The report in `data`, or a ValidationError saying it is not one."""
    refused = ValidationError(_("This file is not a bank status report (pain.002)."))
    root = bank_xml.read(data)
    if root is None:
        raise refused
    report = root.find("CstmrPmtStsRpt")
    group = report.find("OrgnlGrpInfAndSts") if report is not None else None
    if group is None or not (group.findtext("OrgnlMsgId") or "").strip():
        raise refused
    whole = _answer(group, "GrpSts")
    result = Report(message_id=group.findtext("OrgnlMsgId").strip(), whole=whole)
    for batch in report.findall("OrgnlPmtInfAndSts"):
        batch_answer = _answer(batch, "PmtInfSts")
        for transfer in batch.findall("TxInfAndSts"):
            answer = _answer(transfer, "TxSts")
            if not answer.status:
                answer = batch_answer
            identifier = (transfer.findtext("OrgnlEndToEndId") or "").strip()
            if identifier:
                result.transfers[identifier] = answer
        if batch_answer.status and not batch.findall("TxInfAndSts"):
            result.whole = batch_answer  # our runs hold one batch: its answer is the file's
    return result


def _decision(answer: Answer) -> str | None:
    if answer.status in ACCEPTED:
        return BankStatus.ACCEPTED
    if answer.status in REJECTED:
        return BankStatus.REJECTED
    return None


@writer
def payment_run_status_read(
    *, run: PaymentRun, by: User | None, data: bytes, name: str = "pain.002.xml"
) -> dict[str, int]:
    """Record the bank's status report `data` on the transfers of `run` (still prepared); returns
    how many transfers are accepted, rejected and still waiting. A report of another file, or
    naming transfers this run does not hold, is refused and nothing is recorded."""
    services._require(services.may_pay(by))
    report = read(data)
    run = prepared(run)
    if report.message_id != run.message_id:
        raise ValidationError(
            _("This status report answers the bank file %(other)s, not this run's (%(own)s).")
            % {"other": report.message_id, "own": run.message_id}
        )
    lines = {line.end_to_end_id: line for line in run.lines.select_for_update()}
    strangers = sorted(set(report.transfers) - set(lines))
    if strangers:
        raise ValidationError(
            _("The report names transfers that are not in this run: %(transfers)s.")
            % {"transfers": ", ".join(strangers)}
        )
    whole = report.whole if report.whole.status != "PART" else Answer()
    for identifier, line in lines.items():
        answer = report.transfers.get(identifier, whole)
        status = _decision(answer)
        if status is None or status == line.bank_status:
            continue
        if line.bank_status == BankStatus.REJECTED:
            raise ValidationError(
                _(
                    "The bank rejected the transfer %(transfer)s in an earlier report; a later "
                    "report cannot accept it. Ask the bank, and pay the settlement in a new run."
                )
                % {"transfer": identifier}
            )
        line.bank_status = status
        line.bank_reason = answer.reason if status == BankStatus.REJECTED else ""
        line.bank_note = answer.note if status == BankStatus.REJECTED else ""
        line.save(update_fields=["bank_status", "bank_reason", "bank_note"])
    run.status_report.save(
        name.rsplit("/", 1)[-1][:80] or "pain.002.xml", ContentFile(data), save=False
    )
    run.status_report_at = timezone.now()
    run.save(update_fields=["status_report", "status_report_at"])
    counts = {status.value: 0 for status in BankStatus}
    for line in lines.values():
        counts[line.bank_status] += 1
    return counts
