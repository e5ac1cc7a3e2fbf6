"""An operator logs in, switches to Persian, sees RTL and Jalali dates, finds a unit by serial."""

import re

import pytest

from tests.factories import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_operator_switches_to_persian_and_finds_a_unit_by_serial(page, operator, owned_unit):
    log_in(page, operator.username, PASSWORD)
    assert page.locator("html").get_attribute("dir") == "ltr"

    with page.expect_navigation():
        page.select_option("#language-form select", "fa")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "fa"

    page.fill("#q", owned_unit.serial.lower())
    page.press("#q", "Enter")
    link = page.locator("#unit-results a", has_text=owned_unit.serial)
    link.click()
    page.wait_for_url(f"**/units/{owned_unit.pk}/")
    assert page.locator("h1").inner_text().startswith(owned_unit.serial)
    # the sale date (2025-05-01) in the Jalali calendar with Persian digits
    assert "۱۴۰۴/۰۲/۱۱" in page.content()

    page.goto(owned_unit.owner.get_absolute_url())
    assert re.search("[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", page.content())
    operator.refresh_from_db()
    assert operator.language == "fa"  # remembered on the account


def test_a_customer_opening_another_customers_unit_gets_404_in_ui_and_api(
    page, owner, owned_unit, strangers_unit
):
    log_in(page, owner.user.username, PASSWORD)
    assert page.goto(f"/my/units/{owned_unit.pk}/").status == 200
    assert page.goto(f"/my/units/{strangers_unit.pk}/").status == 404
    assert page.goto(f"/units/{strangers_unit.pk}/").status == 404
    assert page.request.get(f"/api/v1/units/{strangers_unit.pk}").status == 404
    assert page.request.get(f"/api/v1/units/{owned_unit.pk}").status == 200
    lookup = page.request.get(f"/api/v1/units/lookup?serial={strangers_unit.serial}")
    assert lookup.status == 404
