"""A manager's long menu, in Italian, stays inside the top bar on a laptop's screen: it wraps
onto a second row instead of pushing the account menu and the language out of sight, and the
language's name is not cut short."""

import pytest

from aftersales.core.choices import Role
from tests.factories import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1000, 1280])
def test_the_account_menu_and_the_language_stay_in_the_bar(browser, live_server, make_user, width):
    make_user(Role.MANAGER, username="capo", language="it", first_name="Parisa", last_name="Ahmadi")
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    log_in(page, "capo", PASSWORD)
    assert page.locator("#user-menu").is_visible()
    assert "Rete assistenza" in page.locator("nav.navbar").inner_text()  # the Italian menu
    bar = page.locator("nav.navbar").bounding_box()
    for element in ("#user-menu", "#language-form select"):
        box = page.locator(element).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= bar["x"] + bar["width"], element
    assert page.locator("#language-form select").bounding_box()["width"] >= 100  # "Italiano"
    context.close()
