"""Payment runs on the pages: finance prepares one from the settlements owed, downloads the bank
file and records it paid; agents' staff never see runs; an agent's bank account shows only to
finance, managers and the agent's own staff."""

import datetime as dt
import xml.etree.ElementTree as ET

from django.urls import reverse

from aftersales.core.choices import Role
from aftersales.settlements.choices import RunStatus, SettlementStatus
from aftersales.settlements.models import PaymentRun


def test_finance_prepares_downloads_and_records_a_run(
    login, finance, italy, rossi, euro_settlement
):
    settlement = euro_settlement(rossi, "70.00")
    client = login(finance)
    page = client.get(reverse("settlements:run_create"))
    assert page.status_code == 200
    assert f'value="{settlement.pk}"' in page.text and "IT60 X054" in page.text

    refused = client.post(
        reverse("settlements:run_create"),
        {"currency": "EUR", "execution_date": (dt.date.today() - dt.timedelta(days=3)).isoformat()},
    )
    assert refused.status_code == 400
    assert "Choose at least one settlement to pay." in refused.text
    assert not PaymentRun.objects.exists()

    made = client.post(
        reverse("settlements:run_create"),
        {
            "currency": "EUR",
            "settlements": [settlement.pk],
            "execution_date": dt.date.today().isoformat(),
        },
    )
    run = PaymentRun.objects.get()
    assert made.status_code == 302 and made["Location"] == run.get_absolute_url()

    download = client.get(reverse("settlements:run_file", args=[run.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    body = b"".join(download.streaming_content)
    assert ET.fromstring(body).tag.endswith("Document")

    listed = client.get(reverse("settlements:runs"), {"q": settlement.number})
    assert run.number in listed.text

    paid = client.post(
        reverse("settlements:run_paid", args=[run.pk]),
        {"paid_on": dt.date.today().isoformat(), "reference": "CRO 77"},
    )
    assert paid.status_code == 302
    run.refresh_from_db()
    settlement.refresh_from_db()
    assert run.status == RunStatus.PAID and settlement.status == SettlementStatus.PAID


def test_agents_staff_never_see_runs(login, make_user, finance, italy, rossi, euro_settlement):
    from aftersales.settlements.payment_runs import payment_run_prepare

    run = payment_run_prepare(by=finance, settlements=[euro_settlement(rossi, "70.00")])
    staff = login(make_user(Role.AGENT, username="rossi-staff", agent=rossi))
    for name in ("run_detail", "run_file"):
        assert staff.get(reverse(f"settlements:{name}", args=[run.pk])).status_code == 404
    assert staff.post(reverse("settlements:run_cancel", args=[run.pk])).status_code == 404
    assert staff.get(reverse("settlements:run_create")).status_code == 404


def test_an_agents_bank_account_shows_to_finance_and_its_own_staff(
    login, make_user, finance, operator, rossi
):
    url = rossi.get_absolute_url()
    assert "IT60 X054 2811 1010 0000 0123 456" in login(finance).get(url).text
    own = login(make_user(Role.AGENT, username="rossi-staff", agent=rossi))
    assert 'id="iban"' in own.get(url).text
    assert 'id="iban"' not in login(operator).get(url).text
