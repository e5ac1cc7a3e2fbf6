"""Writes without signal, in a real Chromium: the technician checks in, diagnoses, adds a part
and a photo and has the customer sign with the phone offline; each write waits in the outbox
(IndexedDB) and is listed on the page; back online they reach the server once each, the check-in
at the time it was pressed. A write the server refuses (the visit cancelled meanwhile) stays
with its reason until the technician discards it, and is kept for that technician only across a
log-out (docs/service.md, "Working without signal")."""

import datetime as dt
import io
import time

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from aftersales.core.models import IdempotencyRecord
from aftersales.service import services
from aftersales.service.models import Visit, VisitPart, VisitPhoto
from tests.factories import PASSWORD, PartFactory
from tests.service.factories import technician_with_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def visit(visit_this_hour):
    return visit_this_hour


def _phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


def _log_in(page, username):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("#login-submit")


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def _sign(page):
    pad = page.locator("#sign canvas[data-signature-pad]")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 90, steps=8)
    page.mouse.move(box["x"] + 200, box["y"] + 40, steps=8)
    page.mouse.up()
    page.click("#sign button[type=submit]")


def _offline_check_in(context, page, visit):
    page.goto(visit.get_absolute_url())
    expect(page.locator("#on-site-forms")).to_be_hidden()
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    context.set_offline(True)
    expect(page.locator("#offline-banner")).to_be_visible()
    expect(page.locator("#check-in")).to_be_enabled()
    pressed = timezone.now()
    page.click("#check-in")
    expect(page.locator("#outbox-count")).to_have_text("1 change waiting to be sent")
    return pressed


def test_the_visit_is_worked_without_signal_and_sent_once_when_it_returns(
    browser, live_server, visit
):
    part = PartFactory(name="Drain pump")
    context, page = _phone(browser, live_server)
    _log_in(page, "tech")
    before = _offline_check_in(context, page, visit)
    after = timezone.now()
    # the technician's page goes on as checked in: the forms of a visit on site
    expect(page.locator("#on-site-forms")).to_be_visible()
    expect(page.locator("#check-in-form")).to_be_hidden()

    page.fill("#record textarea[name=diagnosis]", "Blocked drain")
    page.click("#record button[type=submit]")
    page.select_option("#add-part select[name=part]", str(part.pk))
    page.fill("#add-part input[name=quantity]", "2")
    page.click("#add-part button[type=submit]")
    page.set_input_files(
        "#add-photo input[name=image]",
        files=[{"name": "drain.png", "mimeType": "image/png", "buffer": _png()}],
    )
    page.click("#add-photo button[type=submit]")
    _sign(page)

    expect(page.locator("#outbox-count")).to_have_text("5 changes waiting to be sent")
    items = page.locator("#outbox-list [data-outbox-item]")
    expect(items).to_have_count(5)
    expect(items.nth(0)).to_contain_text("Check in")
    expect(items.nth(2)).to_contain_text("Drain pump")
    expect(items.nth(3)).to_contain_text("drain.png")
    visit.refresh_from_db()
    assert visit.status == "planned"  # nothing reached the server

    time.sleep(2)  # the check-in must keep the time it was pressed, not the time it is sent
    back = timezone.now()
    context.set_offline(False)
    expect(page.locator("#outbox-sent")).to_be_visible()
    expect(page.locator("#outbox")).to_be_hidden()

    visit = Visit.objects.get(pk=visit.pk)
    assert visit.status == "on_site"
    assert before - dt.timedelta(seconds=1) <= visit.checked_in_at <= after
    assert visit.checked_in_at < back
    assert visit.diagnosis == "Blocked drain"
    assert [(p.part_id, p.quantity) for p in VisitPart.objects.filter(visit=visit)] == [
        (part.pk, 2)
    ]
    assert VisitPhoto.objects.filter(visit=visit).count() == 1
    assert visit.signature and visit.signed_by
    assert IdempotencyRecord.objects.filter(user=visit.technician.user).count() == 5

    # loaded again online: nothing is sent twice
    page.goto(visit.get_absolute_url())
    expect(page.locator("#record")).to_be_visible()
    expect(page.locator("#outbox")).to_be_hidden()
    assert VisitPart.objects.filter(visit=visit).count() == 1
    assert VisitPhoto.objects.filter(visit=visit).count() == 1
    context.close()


def test_a_write_refused_by_the_server_stays_with_its_reason_for_that_technician_only(
    browser, live_server, visit, operator
):
    technician_with_login(username="other")
    context, page = _phone(browser, live_server)
    _log_in(page, "tech")
    _offline_check_in(context, page, visit)
    services.visit_cancel(visit=visit, by=operator)  # the desk, meanwhile

    context.set_offline(False)
    refused = page.locator("#outbox-list [data-outbox-item][data-state=refused]")
    expect(refused).to_have_count(1)
    expect(refused).to_contain_text("This visit was cancelled.")
    expect(refused.locator("[data-discard]")).to_be_visible()
    visit.refresh_from_db()
    assert visit.status == "cancelled"

    # never sent again: loading the page leaves it as it is
    page.reload()
    expect(refused).to_have_count(1)

    # logging out with a change not sent: said, and kept for this technician only
    warnings = []
    page.once("dialog", lambda dialog: (warnings.append(dialog.message), dialog.accept()))
    with page.expect_navigation():
        page.locator("#logout").evaluate("(button) => button.form.requestSubmit(button)")
    assert warnings and "have not been sent yet" in warnings[0]
    _log_in(page, "other")
    page.goto("/service/visits/today/")
    expect(page.locator("#outbox")).to_be_hidden()
    with page.expect_navigation():
        page.locator("#logout").evaluate("(button) => button.form.requestSubmit(button)")

    _log_in(page, "tech")
    page.goto("/service/visits/today/")
    expect(refused).to_have_count(1)
    refused.locator("[data-discard]").click()
    expect(refused).to_have_count(0)
    expect(page.locator("#outbox")).to_be_hidden()
    context.close()
