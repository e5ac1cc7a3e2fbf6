"""Bank statements: finance uploads the bank's camt.053 file; each transfer received is matched
to the open invoice whose number its payer wrote, and the chosen ones are recorded as payments,
never twice and never above what is open."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aftersales.billing import statements
from aftersales.billing.models import BankStatement, Invoice, Payment
from aftersales.billing.selectors import invoice_balance


def camt053(*credits: tuple[str, str, str, str], currency: str = "EUR") -> bytes:
    """A statement as an Italian bank sends it: `credits` are (amount, reference, payer,
    description); a debit and a returned transfer are always in it, to be left out."""
    entries = "".join(
        f"""<Ntry><Amt Ccy="{currency}">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts><BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>{reference}</AcctSvcrRef>
        <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
        <RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr></RltdPties>
        <RmtInf><Ustrd>{text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"""
        for amount, reference, payer, text in credits
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
 <GrpHdr><MsgId>STM-1</MsgId><CreDtTm>2026-11-21T06:00:00</CreDtTm></GrpHdr>
 <Stmt><Id>1</Id><Acct><Id><IBAN>IT83X0542811101000000111111</IBAN></Id></Acct>
 {entries}
 <Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
  <BookgDt><Dt>2026-11-20</Dt></BookgDt><AddtlNtryInf>Commissioni</AddtlNtryInf></Ntry>
 <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd>
  <Sts>BOOK</Sts><BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>R-9</AcctSvcrRef></Ntry>
 </Stmt></BkToCstmrStmt></Document>""".encode()


def _spaced(number: str) -> str:
    """The number as a customer types it: spaces, no leading zeros."""
    prefix, country, year, serial = number.split("-")
    return f"Saldo fattura n. {prefix} {country} {year}/{int(serial)} grazie"


@pytest.fixture
def statement(italian_invoice, finance):
    open_amount = invoice_balance(italian_invoice)
    data = camt053(
        (f"{open_amount}", "CRO-1", "Mario Rossi", _spaced(italian_invoice.number)),
        ("99.00", "CRO-2", "Anna Bianchi", "Bonifico senza riferimenti"),
        (f"{open_amount + 1}", "CRO-3", "Luca Verdi", f"Fattura {italian_invoice.number}"),
    )
    return statements.statement_upload(by=finance, data=data, name="novembre.xml")


def test_each_transfer_finds_the_invoice_its_payer_named(statement, italian_invoice, finance):
    assert statement.credits == 3 and statement.account.startswith("IT83")
    first, second, third = statements.statement_matches(statement, Invoice.objects.all())
    assert first.ready and first.invoice == italian_invoice
    assert first.credit.payer == "Mario Rossi" and first.credit.reference == "CRO-1"
    assert second.invoice is None and "No open invoice" in second.problem
    assert third.invoice == italian_invoice and "more than is open" in third.problem


def test_recording_pays_the_invoice_once(statement, italian_invoice, finance):
    open_amount = invoice_balance(italian_invoice)
    [payment] = statements.statement_record(
        statement=statement, by=finance, invoices=Invoice.objects.all(), chosen=[1]
    )
    assert payment.amount == open_amount and payment.method == "transfer"
    assert payment.reference == "CRO-1" and payment.statement == statement
    assert str(payment.received_on) == "2026-11-20"
    assert invoice_balance(italian_invoice) == 0
    statement.refresh_from_db()
    assert statement.recorded == 1

    # the same file again: the transfer shows as recorded and cannot be recorded twice
    again = statements.statement_upload(
        by=finance, data=statement.file.open("rb").read(), name="novembre.xml"
    )
    first = statements.statement_matches(again, Invoice.objects.all())[0]
    assert first.recorded == payment and not first.ready
    with pytest.raises(ValidationError, match="recorded already"):
        statements.statement_record(
            statement=again, by=finance, invoices=Invoice.objects.all(), chosen=[1]
        )
    assert Payment.objects.count() == 1


def test_a_transfer_that_cannot_be_recorded_stops_the_whole_choice(statement, finance):
    with pytest.raises(ValidationError) as refused:
        statements.statement_record(
            statement=statement, by=finance, invoices=Invoice.objects.all(), chosen=[1, 3, 7]
        )
    text = " ".join(refused.value.messages)
    assert "no transfer 7" in text and "CRO-3" in text
    assert not Payment.objects.exists()


def test_files_that_are_not_statements_are_refused(finance):
    for junk in (b"hello", b"<Document/>", camt053()):
        with pytest.raises(ValidationError):
            statements.statement_upload(by=finance, data=junk, name="x.xml")
    assert not BankStatement.objects.exists()


def test_finance_uploads_and_records_on_the_pages(login, finance, italian_invoice, operator):
    client = login(finance)
    data = camt053(
        (f"{invoice_balance(italian_invoice)}", "CRO-8", "Mario Rossi", italian_invoice.number)
    )
    wrong = client.post(
        reverse("billing:statement_upload"),
        {"file": SimpleUploadedFile("a.xml", b"<x/>", content_type="application/xml")},
    )
    assert wrong.status_code == 400 and "not a bank statement" in wrong.text

    made = client.post(
        reverse("billing:statement_upload"),
        {"file": SimpleUploadedFile("nov.xml", data, content_type="application/xml")},
    )
    statement = BankStatement.objects.get()
    assert made.status_code == 302 and made["Location"] == statement.get_absolute_url()
    page = client.get(statement.get_absolute_url())
    assert 'id="pick-1"' in page.text and italian_invoice.number in page.text
    assert "nov.xml" in client.get(reverse("billing:statements"), {"q": "nov"}).text

    nothing = client.post(statement.get_absolute_url(), {})
    assert nothing.status_code == 400 and "Choose the transfers to record." in nothing.text
    done = client.post(statement.get_absolute_url(), {"credit": ["1"]})
    assert done.status_code == 302
    assert invoice_balance(italian_invoice) == Decimal(0)

    # the operator collects payments at the counter but does not read the bank's statements
    assert login(operator).get(statement.get_absolute_url()).status_code == 404


def test_the_api_reads_and_records_a_statement(token_client, finance, italian_invoice, operator):
    api = token_client(finance)
    data = camt053(
        (f"{invoice_balance(italian_invoice)}", "CRO-5", "Mario Rossi", italian_invoice.number),
        ("12.00", "CRO-6", "Anna Bianchi", "Acconto"),
    )
    made = api.post(
        "/api/v1/billing/bank-statements?name=nov.xml", data=data, content_type="application/xml"
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert [row["ready"] for row in body["transfers"]] == [True, False]
    assert body["transfers"][0]["invoice"] == italian_invoice.pk

    url = f"/api/v1/billing/bank-statements/{body['id']}/record"
    refused = api.post(url, data={"credits": [2]}, content_type="application/json")
    assert refused.status_code == 422 and "No open invoice" in refused.text
    done = api.post(url, data={"credits": [1]}, content_type="application/json")
    assert done.status_code == 200 and done.json()["recorded"] == 1
    assert done.json()["transfers"][0]["payment"] == Payment.objects.get().pk

    stranger = token_client(operator)
    assert stranger.get(f"/api/v1/billing/bank-statements/{body['id']}").status_code == 404
    assert stranger.post(
        "/api/v1/billing/bank-statements", data=data, content_type="application/xml"
    ).status_code in (403, 404)


def test_matching_a_long_statement_takes_a_few_queries(
    italian_invoice, finance, django_assert_max_num_queries
):
    text = f"Fattura {italian_invoice.number}"
    data = camt053(*[("1.00", f"CRO-{n}", "Mario Rossi", text) for n in range(40)])
    statement = statements.statement_upload(by=finance, data=data, name="lungo.xml")
    with django_assert_max_num_queries(3):
        found = statements.statement_matches(statement, Invoice.objects.all())
    assert len(found) == 40 and all(match.ready for match in found)
