"""The bank's status report (pain.002) read back on a payment run: each transfer accepted or
rejected with the bank's reason; a rejected transfer's settlement may be paid in a new run at
once, and recording the run as paid leaves it out. A report of another file is refused."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aftersales.settlements import payment_runs, selectors, status_reports
from aftersales.settlements.choices import BankStatus, RunStatus, SettlementStatus
from aftersales.settlements.models import PaymentRun, Settlement
from tests.factories import AgentFactory

BIANCHI_IBAN = "IT07X0542811101000000654321"


def pain002(message_id: str, *transfers: tuple[str, str, str], group: str = "PART") -> bytes:
    """A status report as an Italian bank sends it (pain.002.001.03): `transfers` are
    (end-to-end identifier, status, reason code)."""
    rows = "".join(
        f"""<TxInfAndSts><StsId>S{number}</StsId><OrgnlEndToEndId>{identifier}</OrgnlEndToEndId>
        <TxSts>{status}</TxSts>{
            f"<StsRsnInf><Rsn><Cd>{reason}</Cd></Rsn><AddtlInf>Conto estinto</AddtlInf></StsRsnInf>"
            if reason
            else ""
        }</TxInfAndSts>"""
        for number, (identifier, status, reason) in enumerate(transfers)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
 <CstmrPmtStsRpt>
  <GrpHdr><MsgId>STS-1</MsgId><CreDtTm>2026-11-24T09:00:00</CreDtTm></GrpHdr>
  <OrgnlGrpInfAndSts><OrgnlMsgId>{message_id}</OrgnlMsgId>
   <OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>{group}</GrpSts></OrgnlGrpInfAndSts>
  <OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId>{rows}</OrgnlPmtInfAndSts>
 </CstmrPmtStsRpt>
</Document>""".encode()


@pytest.fixture
def bianchi(db):
    return AgentFactory(
        code="AG-TO", name="Bianchi Clima", city="Torino", country="IT", iban=BIANCHI_IBAN
    )


@pytest.fixture
def run(italy, rossi, bianchi, euro_settlement, finance):
    settlements = [euro_settlement(rossi, "85.55"), euro_settlement(bianchi, "120.00")]
    return payment_runs.payment_run_prepare(by=finance, settlements=settlements)


def _line(run, agent):
    return run.lines.get(settlement__agent=agent)


def test_a_rejected_transfer_is_free_for_a_new_run_and_left_out_when_paid(
    run, rossi, bianchi, finance
):
    rossi_line, bianchi_line = _line(run, rossi), _line(run, bianchi)
    owed = Settlement.objects.all()
    assert not selectors.payable_by_transfer(owed, "EUR").exists()  # both held by the run

    counts = status_reports.payment_run_status_read(
        run=run,
        by=finance,
        data=pain002(
            run.message_id,
            (rossi_line.end_to_end_id, "ACCP", ""),
            (bianchi_line.end_to_end_id, "RJCT", "AC04"),
        ),
    )
    assert counts == {"waiting": 0, "accepted": 1, "rejected": 1}
    bianchi_line.refresh_from_db()
    assert bianchi_line.bank_status == BankStatus.REJECTED
    assert bianchi_line.bank_reason == "AC04" and bianchi_line.bank_note == "Conto estinto"
    assert list(selectors.payable_by_transfer(owed, "EUR")) == [bianchi_line.settlement]

    payment_runs.payment_run_paid(run=run, by=finance, reference="CRO 9")
    rossi_line.settlement.refresh_from_db()
    bianchi_line.settlement.refresh_from_db()
    assert rossi_line.settlement.status == SettlementStatus.PAID
    assert bianchi_line.settlement.status == SettlementStatus.APPROVED
    assert not bianchi_line.settlement.payments.exists()

    # the agent gives a new account; its settlement goes into a new run
    again = payment_runs.payment_run_prepare(by=finance, settlements=[bianchi_line.settlement])
    assert again.lines.get().settlement == bianchi_line.settlement


def test_a_whole_file_rejected_leaves_nothing_to_record(run, finance):
    status_reports.payment_run_status_read(
        run=run, by=finance, data=pain002(run.message_id, group="RJCT")
    )
    assert set(run.lines.values_list("bank_status", flat=True)) == {BankStatus.REJECTED}
    with pytest.raises(ValidationError, match="rejected every transfer"):
        payment_runs.payment_run_paid(run=run, by=finance)
    payment_runs.payment_run_cancel(run=run, by=finance)


def test_a_report_only_received_changes_nothing(run, finance):
    counts = status_reports.payment_run_status_read(
        run=run, by=finance, data=pain002(run.message_id, group="ACTC")
    )
    assert counts == {"waiting": 2, "accepted": 0, "rejected": 0}
    run.refresh_from_db()
    assert run.status_report_at is not None and run.status_report.name.endswith(".xml")


def test_reports_of_another_file_or_of_strange_transfers_are_refused(run, finance):
    with pytest.raises(ValidationError, match="answers the bank file OTHER-1"):
        status_reports.payment_run_status_read(
            run=run, by=finance, data=pain002("OTHER-1", group="ACCP")
        )
    with pytest.raises(ValidationError, match="not in this run: PR-X-9"):
        status_reports.payment_run_status_read(
            run=run, by=finance, data=pain002(run.message_id, ("PR-X-9", "RJCT", "AC01"))
        )
    for junk in (b"not xml at all", b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', b"<Document/>"):
        with pytest.raises(ValidationError, match="not a bank status report"):
            status_reports.payment_run_status_read(run=run, by=finance, data=junk)
    assert not run.lines.exclude(bank_status=BankStatus.WAITING).exists()


def test_a_rejection_is_final(run, rossi, finance):
    line = _line(run, rossi)
    status_reports.payment_run_status_read(
        run=run, by=finance, data=pain002(run.message_id, (line.end_to_end_id, "RJCT", "AC01"))
    )
    with pytest.raises(ValidationError, match="cannot accept it"):
        status_reports.payment_run_status_read(
            run=run, by=finance, data=pain002(run.message_id, (line.end_to_end_id, "ACSC", ""))
        )


def test_finance_reads_the_report_on_the_runs_page(login, run, bianchi, finance):
    line = _line(run, bianchi)
    client = login(finance)
    page = client.get(run.get_absolute_url())
    assert 'id="report-form"' in page.text

    wrong = client.post(
        reverse("settlements:run_status_report", args=[run.pk]),
        {"report": _upload(b"<x/>")},
    )
    assert wrong.status_code == 400
    assert "not a bank status report" in wrong.text

    read = client.post(
        reverse("settlements:run_status_report", args=[run.pk]),
        {"report": _upload(pain002(run.message_id, (line.end_to_end_id, "RJCT", "AC04")))},
        follow=True,
    )
    assert "rejected: 1" in read.text
    assert 'id="rejected-note"' in read.text
    assert "AC04</bdi>: the account is closed" in read.text


def test_the_api_takes_the_report_as_xml(token_client, run, rossi, finance, manager):
    line = _line(run, rossi)
    api = token_client(finance)
    url = f"/api/v1/settlements/payment-runs/{run.pk}/status-report"
    answer = api.post(
        url,
        data=pain002(run.message_id, (line.end_to_end_id, "RJCT", "AM04")),
        content_type="application/xml",
    )
    assert answer.status_code == 200, answer.text
    rows = {row["end_to_end_id"]: row for row in answer.json()["lines"]}
    assert rows[line.end_to_end_id]["bank_status"] == "rejected"
    assert rows[line.end_to_end_id]["bank_reason"] == "AM04"
    refused = api.post(url, data=b"<nope/>", content_type="application/xml")
    assert refused.status_code == 422 and "not a bank status report" in refused.text
    assert PaymentRun.objects.get().status == RunStatus.PREPARED


def _upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("pain002.xml", data, content_type="application/xml")


def test_a_run_the_bank_rejected_whole_offers_only_to_cancel(login, run, finance):
    status_reports.payment_run_status_read(
        run=run, by=finance, data=pain002(run.message_id, group="RJCT")
    )
    page = login(finance).get(run.get_absolute_url())
    assert 'id="cancel-form"' in page.text and 'id="paid-form"' not in page.text
    assert "The bank rejected 2 transfers" in page.text
    assert [entry.action for entry in LogEntry.objects.get_for_object(run)].count(1) == 1
