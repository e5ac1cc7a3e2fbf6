"""The bank files of a payment run: SEPA credit transfers for euros (ISO 20022 pain.001.001.03,
made and checked against the schema by `sepaxml`) and, for rials, a sheet of Sheba transfers
as Iranian banks take a group transfer (Paya) in their corporate portals."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from sepaxml import SepaTransfer


@dataclass(frozen=True)
class Transfer:
    payee: str
    iban: str
    amount: Decimal
    end_to_end_id: str
    description: str


@dataclass(frozen=True)
class BankFile:
    content: bytes
    extension: str
    message_id: str


def sepa_file(
    *, payer: str, payer_iban: str, payer_bic: str, execution_date: dt.date, transfers
) -> BankFile:
    """One batch of SEPA credit transfers from the payer's account. Names and descriptions are
    written in the Latin letters SEPA allows; the file is refused if the schema refuses it."""
    config = {"name": payer, "IBAN": payer_iban, "batch": True, "currency": "EUR"}
    if payer_bic:
        config["BIC"] = payer_bic
    sepa = SepaTransfer(config, clean=True)
    for transfer in transfers:
        sepa.add_payment(
            {
                "name": transfer.payee,
                "IBAN": transfer.iban,
                "amount": int(transfer.amount * 100),
                "execution_date": execution_date,
                "description": transfer.description,
                "endtoend_id": transfer.end_to_end_id,
            }
        )
    return BankFile(sepa.export(validate=True), "xml", sepa.msg_id)


def sheba_sheet(*, run_number: str, execution_date: dt.date, transfers) -> BankFile:
    """A right-to-left sheet, headed in Persian: row, Sheba, amount in rials, account holder,
    description, payment identifier."""
    book = Workbook()
    sheet = book.active
    with translation.override("fa"):
        sheet.title = _("Sheba transfers")
        sheet.append(
            [
                _("Row"),
                _("Sheba number"),
                _("Amount (rials)"),
                _("Account holder"),
                _("Description"),
                _("Payment identifier"),
            ]
        )
    sheet.sheet_view.rightToLeft = True
    for row, transfer in enumerate(transfers, start=1):
        sheet.append(
            [
                row,
                transfer.iban,
                int(transfer.amount),
                transfer.payee,
                transfer.description,
                transfer.end_to_end_id,
            ]
        )
    for column, width in zip("ABCDEF", (6, 30, 18, 36, 48, 24), strict=True):
        sheet.column_dimensions[column].width = width
    book.properties.title = run_number
    book.properties.keywords = execution_date.isoformat()
    out = io.BytesIO()
    book.save(out)
    return BankFile(out.getvalue(), "xlsx", run_number)


# the file each currency is paid with
FORMATS = {"EUR": "sepa", "IRR": "sheba"}
