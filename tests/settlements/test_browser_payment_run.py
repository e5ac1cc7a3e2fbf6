"""Finance, reading Persian, pays the Tehran agent's open settlement in a payment run: the
settlement is listed with the agent's Sheba, the run is prepared, its Sheba sheet downloaded,
and recording it paid closes the settlement."""

import pytest
from openpyxl import load_workbook

from aftersales.agents.services import agent_update
from aftersales.billing.models import Company
from aftersales.core.text import latin_digits
from aftersales.settlements.models import PaymentRun
from tests.browser.conftest import log_in
from tests.factories import PASSWORD

from .conftest import sheba

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_finance_pays_an_agent_by_sheba_in_persian(page, finance, agent, mehr_approved, tmp_path):
    Company.objects.create(
        country="IR", name="شرکت خدمات", currency="IRR", iban=sheba("0170000000123456789012")
    )
    agent_update(agent=agent, by=None, iban=sheba("0120000000000987654321"))
    finance.language = "fa"
    finance.save(update_fields=["language"])
    log_in(page, finance.username, PASSWORD)

    page.goto("/settlements/payment-runs/new/")
    row = page.locator(f"#payable-{mehr_approved.pk}")
    assert row.locator("input[type=checkbox]").is_checked()
    assert agent.iban[:4] in row.inner_text()
    assert "۱" in row.inner_text()  # Persian digits
    assert "1,600,000" in latin_digits(row.inner_text()).replace("٬", ",")
    with page.expect_navigation():
        page.click("#prepare")
    run = PaymentRun.objects.get()
    assert page.locator("#status").inner_text() == "آماده"

    with page.expect_download() as download:
        page.click("#download")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.suffix == ".xlsx"
    assert load_workbook(path).active.cell(row=2, column=2).value == agent.iban

    with page.expect_navigation():
        page.click("#record-paid")
    assert page.locator("#status").inner_text() == "پرداخت‌شده"
    mehr_approved.refresh_from_db()
    assert mehr_approved.open_amount == 0 and run.lines.get().payment is not None
