"""A list filtered in place (htmx) exports what it now shows: the CSV and Excel links follow the
filter in the address bar, without a reload."""

import re

import pytest
from playwright.sync_api import expect

from aftersales.core.choices import Role
from tests.factories import PASSWORD, CustomerFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_export_links_take_the_new_filter(browser, live_server, make_user):
    make_user(Role.OPERATOR, username="desk", language="en")
    CustomerFactory(last_name="Rossi")
    CustomerFactory(last_name="Karimi")
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    log_in(page, "desk", PASSWORD)
    page.goto("/customers/?page=1")
    assert "q=" not in page.get_attribute("#export-csv", "href")
    page.locator("#filters input[name=q]").press_sequentially("Rossi")
    expect(page).to_have_url(re.compile("q=Rossi"))
    expect(page.locator("#export-csv")).to_have_attribute("href", re.compile("q=Rossi"))
    csv = page.get_attribute("#export-csv", "href")
    assert "export=csv" in csv and "page=" not in csv
    assert "export=xlsx" in page.get_attribute("#export-xlsx", "href")
    with page.expect_download() as download:
        page.click("#export-csv")
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert "Rossi" in text and "Karimi" not in text
    context.close()
