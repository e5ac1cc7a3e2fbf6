"""The technician's pages without signal, in a real Chromium: today's visits and the visit pages
kept by the service worker while online are shown offline with the offline banner; the forms
that can wait stay usable (tests/browser/test_technician_writes_without_signal.py), the others
are disabled; back online the banner goes. Logging out forgets them, so the next user of the
phone never gets the last one's pages (docs/service.md, "Working without signal")."""

import pytest
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError

from aftersales.service import offline, services
from tests.factories import PASSWORD, UnitFactory
from tests.service.factories import open_request, scheduled_visit, technician_with_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# the paths of the pages the service worker keeps
KEPT = """(name) => caches.open(name)
  .then((cache) => cache.keys())
  .then((keys) => keys.map((request) => new URL(request.url).pathname))"""


def _today_at(hour):
    return timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def day(operator, owner, owned_unit, service_data):
    """A technician with two visits today: one checked in (its work forms on the page), one to
    go to; neither opened yet by the technician."""
    technician = technician_with_login(username="tech")
    first = scheduled_visit(
        request=open_request(
            by=operator, customer=owner, unit=owned_unit, description="Water drips indoors"
        ),
        technician=technician,
        by=operator,
        start=_today_at(9),
    )
    services.visit_check_in(visit=first, by=technician.user, latitude=None, longitude=None)
    second = scheduled_visit(
        request=open_request(
            by=operator,
            customer=owner,
            unit=UnitFactory(owner=owner, service_agent=owned_unit.service_agent),
            description="Noisy outdoor fan",
        ),
        technician=technician,
        by=operator,
        start=_today_at(14),
    )
    return technician, first, second


def _phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.set_default_timeout(30_000)  # a service worker installing, on a busy machine
    return context, page


def _log_in(page, username):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("#login-submit")


def _keep_today(page):
    """Today's page, online: the worker keeps it and today's visits, then says so."""
    page.goto("/service/visits/today/")
    page.locator("#offline-ready").wait_for(state="visible")


def test_todays_visits_are_read_without_signal_and_their_forms_wait(browser, live_server, day):
    technician, first, second = day
    context, page = _phone(browser, live_server)
    _log_in(page, "tech")
    _keep_today(page)
    kept = page.evaluate(KEPT, offline.PAGES_CACHE)
    assert set(kept) == {
        "/service/visits/today/",
        first.get_absolute_url(),
        second.get_absolute_url(),
    }
    page.goto(first.get_absolute_url())
    assert page.locator("#offline-status").inner_text() == ""
    assert page.locator("#record button[type=submit]").is_enabled()

    context.set_offline(True)
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.reload()
    assert "Water drips indoors" in page.locator("main").inner_text()
    banner = page.locator("#offline-banner")
    assert banner.is_visible()
    assert "You are offline. This is the copy saved at" in banner.inner_text()
    assert "what you record is kept on this phone" in banner.inner_text()
    assert page.locator("#offline-status").get_attribute("data-offline-copy") == "saved"
    # the forms that can wait for the signal stay usable: they go to the outbox
    for form in ("#record", "#add-part", "#add-photo", "#sign", "#close"):
        assert page.locator(f"{form} button[type=submit]").is_enabled()
    assert page.locator("#record textarea, #record input:not([type=hidden])").first.is_enabled()
    # the static files come from the worker too: the page keeps its look
    colour = banner.evaluate("(el) => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert [url for url in failed if "/static/" in url] == []

    # today's list, and a visit never opened on this phone (kept when today's page loaded)
    page.goto("/service/visits/today/")
    assert page.locator("#offline-banner").is_visible()
    assert page.locator(f"#today a[href='{second.get_absolute_url()}']").is_visible()
    page.click(f"#today a[href='{second.get_absolute_url()}']")
    page.wait_for_url(f"**{second.get_absolute_url()}")
    assert "Noisy outdoor fan" in page.locator("main").inner_text()
    assert page.locator("#offline-banner").is_visible()
    assert page.locator("#check-in").is_enabled()
    assert page.locator("#depart-button").is_disabled()  # tells the customer: needs the signal

    # back online: the banner goes, the forms come back, and the page says it may be out of date
    context.set_offline(False)
    page.locator("#offline-banner").wait_for(state="detached")
    assert page.locator("#depart-button").is_enabled()
    assert page.locator("#online-banner").is_visible()
    with page.expect_navigation():
        page.click("#load-latest")
    assert page.locator("#offline-status").get_attribute("data-offline-copy") == "live"
    assert page.locator("#offline-status").inner_text() == ""
    context.close()


def test_a_page_loaded_online_shows_the_banner_when_the_signal_goes(browser, live_server, day):
    technician, first, _second = day
    context, page = _phone(browser, live_server)
    _log_in(page, "tech")
    page.goto(first.get_absolute_url())
    context.set_offline(True)
    page.locator("#offline-banner").wait_for(state="visible")
    assert page.locator("#close button[type=submit]").is_enabled()  # it can wait in the outbox
    context.set_offline(False)
    page.locator("#offline-banner").wait_for(state="detached")
    assert page.locator("#online-banner").count() == 0  # the page was live: nothing to reload
    context.close()


def test_after_logging_out_the_next_user_does_not_get_the_kept_pages(browser, live_server, day):
    _technician, first, _second = day
    technician_with_login(username="other")
    context, page = _phone(browser, live_server)
    _log_in(page, "tech")
    _keep_today(page)
    assert first.get_absolute_url() in page.evaluate(KEPT, offline.PAGES_CACHE)

    with page.expect_navigation():
        page.locator("#logout").evaluate("(button) => button.form.requestSubmit(button)")
    assert page.evaluate(KEPT, offline.PAGES_CACHE) == []

    _log_in(page, "other")
    assert page.evaluate(KEPT, offline.PAGES_CACHE) == []
    context.set_offline(True)
    for url in (first.get_absolute_url(), "/service/visits/today/"):
        # no copy to show: the browser's own "no connection" page, not the last user's page
        with pytest.raises(PlaywrightError, match=r"net::ERR_"):
            page.goto(url)
    context.close()


def test_operators_get_no_service_worker(browser, live_server, day, operator):
    _technician, first, _second = day
    context, page = _phone(browser, live_server)
    _log_in(page, "operator")
    page.goto(first.get_absolute_url())
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
    assert page.locator("link[rel=manifest]").count() == 0
    context.close()
