"""Paying agents by bank transfer: a payment run makes the bank's file (SEPA XML for euros, a
Sheba sheet for rials) from approved settlements, and once the bank has executed it, records a
payment on each settlement. Whatever cannot be paid is named before anything is made."""

import datetime as dt
import io
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from aftersales.agents.services import agent_update
from aftersales.billing.models import Company
from aftersales.settlements import payment_runs, services
from aftersales.settlements.choices import RunStatus, SettlementStatus
from aftersales.settlements.models import JournalEntry, PaymentRun
from tests.factories import AgentFactory

from .conftest import ROSSI_IBAN, sheba

SEPA = {"s": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
BIANCHI_IBAN = "IT07X0542811101000000654321"


@pytest.fixture
def bianchi(db):
    return AgentFactory(
        code="AG-TO",
        name="Bianchi Clima",
        city="Torino",
        country="IT",
        iban=BIANCHI_IBAN,
        account_holder="Bianchi Clima S.n.c. di Mario Bianchi",
    )


def test_a_sepa_file_pays_each_agent_what_is_open(italy, rossi, bianchi, euro_settlement, finance):
    first = euro_settlement(rossi, "85.55")
    second = euro_settlement(bianchi, "120.00")
    when = timezone.localdate() + dt.timedelta(days=2)
    run = payment_runs.payment_run_prepare(
        by=finance, settlements=[first, second], execution_date=when
    )
    assert run.status == RunStatus.PREPARED and run.currency == "EUR"
    assert run.total == first.open_amount + second.open_amount == Decimal("265.55")

    document = ET.fromstring(run.file.open("rb").read())
    header = document.find("s:CstmrCdtTrfInitn/s:GrpHdr", SEPA)
    assert header.findtext("s:NbOfTxs", namespaces=SEPA) == "2"
    assert header.findtext("s:CtrlSum", namespaces=SEPA) == "265.55"
    assert header.findtext("s:MsgId", namespaces=SEPA) == run.message_id
    batch = document.find("s:CstmrCdtTrfInitn/s:PmtInf", SEPA)
    assert batch.findtext("s:ReqdExctnDt", namespaces=SEPA) == when.isoformat()
    assert batch.findtext("s:DbtrAcct/s:Id/s:IBAN", namespaces=SEPA) == italy.iban
    transfers = {
        tx.findtext("s:CdtrAcct/s:Id/s:IBAN", namespaces=SEPA): tx
        for tx in batch.findall("s:CdtTrfTxInf", SEPA)
    }
    assert set(transfers) == {ROSSI_IBAN, BIANCHI_IBAN}
    assert transfers[ROSSI_IBAN].findtext("s:Amt/s:InstdAmt", namespaces=SEPA) == "115.55"
    # the holder's name when it is not the agent's; the settlement named in Italian
    assert (
        transfers[BIANCHI_IBAN].findtext("s:Cdtr/s:Nm", namespaces=SEPA) == bianchi.account_holder
    )
    assert f"Liquidazione {second.number}" in transfers[BIANCHI_IBAN].findtext(
        "s:RmtInf/s:Ustrd", namespaces=SEPA
    )

    payment_runs.payment_run_paid(run=run, by=finance, reference="CRO 1234")
    run.refresh_from_db()
    assert run.status == RunStatus.PAID and run.bank_reference == "CRO 1234"
    for settlement in (first, second):
        settlement.refresh_from_db()
        assert settlement.status == SettlementStatus.PAID and settlement.open_amount == 0
        payment = settlement.payments.get()
        assert payment.reference.startswith("CRO 1234 ")
        assert payment.run_line.run == run
        assert JournalEntry.objects.filter(payment=payment).exists()


def test_what_cannot_be_paid_is_named_and_nothing_is_made(db, rossi, euro_settlement, finance):
    nameless = AgentFactory(code="AG-NA", name="Napoli Service", city="Napoli", country="IT")
    paid_to_rossi = euro_settlement(rossi, "50.00")
    no_iban = euro_settlement(nameless, "60.00")
    with pytest.raises(ValidationError) as refused:
        payment_runs.payment_run_prepare(by=finance, settlements=[paid_to_rossi, no_iban])
    messages = refused.value.messages
    assert any("no IBAN" in message for message in messages)  # the company has none
    assert any(no_iban.number in m and "the agent has no IBAN" in m for m in messages)
    assert not any(paid_to_rossi.number in message for message in messages)
    assert not PaymentRun.objects.exists()


def test_one_prepared_run_per_settlement_until_it_is_cancelled(
    italy, rossi, euro_settlement, finance
):
    settlement = euro_settlement(rossi, "50.00")
    run = payment_runs.payment_run_prepare(by=finance, settlements=[settlement])
    with pytest.raises(ValidationError, match="already in a prepared payment run"):
        payment_runs.payment_run_prepare(by=finance, settlements=[settlement])
    payment_runs.payment_run_cancel(run=run, by=finance)
    again = payment_runs.payment_run_prepare(by=finance, settlements=[settlement])
    assert again.number != run.number
    with pytest.raises(ValidationError, match="cancelled"):
        payment_runs.payment_run_paid(run=run, by=finance)


def test_a_settlement_paid_another_way_stops_the_run(italy, rossi, euro_settlement, finance):
    settlement = euro_settlement(rossi, "50.00")
    run = payment_runs.payment_run_prepare(by=finance, settlements=[settlement])
    services.payment_record(settlement=settlement, by=finance, amount=Decimal("10.00"))
    with pytest.raises(ValidationError, match=settlement.number):
        payment_runs.payment_run_paid(run=run, by=finance)
    run.refresh_from_db()
    assert run.status == RunStatus.PREPARED
    assert settlement.payments.count() == 1


def test_an_execution_date_in_the_past_is_refused(italy, rossi, euro_settlement, finance):
    settlement = euro_settlement(rossi, "50.00")
    with pytest.raises(ValidationError) as refused:
        payment_runs.payment_run_prepare(
            by=finance,
            settlements=[settlement],
            execution_date=timezone.localdate() - dt.timedelta(days=1),
        )
    assert "execution_date" in refused.value.message_dict


def test_rials_go_to_a_sheba_sheet_in_persian(mehr_approved, agent, finance):
    Company.objects.create(
        country="IR", name="Aster Iran", currency="IRR", iban=sheba("0170000000123456789012")
    )
    agent_update(agent=agent, by=None, iban=sheba("0120000000000987654321"))
    run = payment_runs.payment_run_prepare(by=finance, settlements=[mehr_approved])
    assert run.file.name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(run.file.open("rb").read())).active
    assert sheet.sheet_view.rightToLeft
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == "شماره شبا"
    assert rows[1][:4] == (1, agent.iban, 1_600_000, agent.name)
    assert mehr_approved.number in rows[1][4]


def test_an_agents_tax_identity_and_iban_follow_its_country(db, agent):
    italian = AgentFactory(code="AG-RM", name="Roma Service", city="Roma", country="IT")
    with pytest.raises(ValidationError) as refused:
        agent_update(
            agent=italian, by=None, vat_number="12345678901", iban="IT60X0542811101000000123457"
        )
    assert set(refused.value.message_dict) == {"vat_number", "iban"}
    updated = agent_update(
        agent=italian,
        by=None,
        vat_number="IT 00743110157",
        tax_code="00743110157",
        iban="it60 x054 2811 1010 0000 0123 456",
    )
    assert (updated.vat_number, updated.iban) == ("00743110157", ROSSI_IBAN)

    with pytest.raises(ValidationError) as refused:
        agent_update(agent=agent, by=None, iban=ROSSI_IBAN, tax_code="10380284791")
    assert "IR" in refused.value.message_dict["iban"][0]
    assert "tax_code" in refused.value.message_dict
    # a company's national ID with Persian digits, a Sheba typed in groups
    account = sheba("0120000000000987654321")
    grouped = " ".join(account[i : i + 4] for i in range(0, len(account), 4))
    updated = agent_update(agent=agent, by=None, tax_code="۱۰۳۸۰۲۸۴۷۹۰", iban=grouped)
    assert (updated.tax_code, updated.iban) == ("10380284790", account)
