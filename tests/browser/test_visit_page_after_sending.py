"""After the outbox is sent, in a real Chromium: the visit page shows the visit as the server has
it without the technician reloading it, says which changes were refused and why (in the
technician's language), and a photo kept without signal whose upload is retried is stored once;
a photo larger than the server takes is said so before it is kept (docs/service.md, "Working
without signal")."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from aftersales.core.models import IdempotencyRecord
from aftersales.service import services
from aftersales.service.forms import PHOTO_MAX_MB
from aftersales.service.models import Visit, VisitPhoto
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def visit(visit_this_hour):
    return visit_this_hour


def _phone(browser, live_server, locale="en-US"):
    context = browser.new_context(
        base_url=live_server.url, locale=locale, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto("/accounts/login/")
    page.fill("input[name=username]", "tech")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("#login-submit")
    return context, page


def _open_offline(context, page, visit):
    page.goto(visit.get_absolute_url())
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    # a mark on this document: still there after the sending means the page was not reloaded
    page.evaluate("window.sameDocument = true")
    context.set_offline(True)
    expect(page.locator("#offline-banner")).to_be_visible()


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_page_shows_the_visit_as_the_server_has_it_once_sent(browser, live_server, visit):
    context, page = _phone(browser, live_server)
    _open_offline(context, page, visit)
    page.click("#check-in")
    page.fill("#record textarea[name=diagnosis]", "Blocked drain")
    page.click("#record button[type=submit]")
    expect(page.locator("#outbox-count")).to_have_text("2 changes waiting to be sent")
    expect(page.locator("#status")).to_have_text("Planned")  # the page as it was saved

    context.set_offline(False)
    expect(page.locator("#status")).to_have_text("On site")
    expect(page.locator("#outbox")).to_be_hidden()
    expect(page.locator("#outbox-sent")).to_contain_text("The page shows the visit as it is now.")
    expect(page.locator("#outbox-load-latest")).to_be_hidden()
    expect(page.locator("#record textarea[name=diagnosis]")).to_have_value("Blocked drain")
    expect(page.locator("#check-in-form")).to_have_count(0)
    assert page.evaluate("window.sameDocument") is True
    assert Visit.objects.get(pk=visit.pk).status == "on_site"

    # the forms put in place work online, once each (a fresh key each)
    page.fill("#record textarea[name=diagnosis]", "Blocked drain, cleaned")
    with page.expect_navigation():
        page.click("#record button[type=submit]")
    assert Visit.objects.get(pk=visit.pk).diagnosis == "Blocked drain, cleaned"
    # and the signature pad put in place draws
    pad = page.locator("#sign canvas[data-signature-pad]")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + 150, box["y"] + 60, steps=8)
    page.mouse.up()
    with page.expect_navigation():
        page.click("#sign button[type=submit]")
    assert Visit.objects.get(pk=visit.pk).signature
    context.close()


def test_a_refused_change_is_said_in_the_technicians_language_and_the_page_redrawn(
    browser, live_server, visit, operator
):
    context, page = _phone(browser, live_server, locale="it-IT")
    _open_offline(context, page, visit)
    page.click("#check-in")
    expect(page.locator("#outbox-list [data-outbox-item]")).to_have_count(1)
    services.visit_cancel(visit=visit, by=operator)  # the desk, meanwhile

    context.set_offline(False)
    refused = page.locator("#outbox-list [data-outbox-item][data-state=refused]")
    expect(refused).to_contain_text("Questo intervento è stato annullato.")
    expect(page.locator("#outbox-refused-count")).to_contain_text("1")
    expect(page.locator("#outbox-count")).to_be_hidden()
    # the check-in the page showed as done is gone: the visit as it is, cancelled
    expect(page.locator("#status")).to_have_text(re.compile("^Annullat"))
    expect(page.locator("#on-site-forms")).to_have_count(0)
    expect(page.locator("#outbox-sent")).to_be_hidden()
    assert page.evaluate("window.sameDocument") is True
    context.close()


def test_a_photo_kept_without_signal_and_sent_twice_is_stored_once(browser, live_server, visit):
    services.visit_check_in(visit=visit, by=visit.technician.user)
    context, page = _phone(browser, live_server)
    _open_offline(context, page, visit)
    page.set_input_files(
        "#add-photo input[name=image]",
        files=[{"name": "drain.png", "mimeType": "image/png", "buffer": _png()}],
    )
    page.fill("#add-photo input[name=caption]", "The drain")
    page.click("#add-photo button[type=submit]")
    expect(page.locator("#outbox-list [data-outbox-item]")).to_contain_text("drain.png")
    # the entry as kept on the phone: its key and the photo itself (a File read from IndexedDB)
    page.evaluate(
        """() => AftersalesOutbox.entries(document.querySelector("script[data-user]").dataset.user)
        .then((entries) => { window.keptEntry = entries[0]; })"""
    )

    context.set_offline(False)
    expect(page.locator("#outbox-sent")).to_be_visible()
    expect(page.locator('#visit-body img[alt="The drain"]')).to_have_count(1)
    assert page.evaluate("window.sameDocument") is True

    # the answer was lost on the way back (the phone cannot know the photo was stored): the
    # same entry, with the same key and file, waits again and is sent again
    context.set_offline(True)
    page.evaluate(
        """() => { const entry = window.keptEntry; delete entry.seq;
        return AftersalesOutbox.add(entry); }"""
    )
    page.reload()
    expect(page.locator("#outbox-list [data-outbox-item]")).to_have_count(1)
    sent = lambda response: response.url.endswith("/photo/")  # noqa: E731
    with page.expect_response(sent) as answer:
        context.set_offline(False)
    assert answer.value.json()["replayed"] is True
    expect(page.locator("#outbox-sent")).to_be_visible()
    expect(page.locator("#outbox")).to_be_hidden()
    photos = VisitPhoto.objects.filter(visit=visit)
    assert photos.count() == 1
    assert photos.get().caption == "The drain"
    assert IdempotencyRecord.objects.filter(user=visit.technician.user).count() == 1
    expect(page.locator('#visit-body img[alt="The drain"]')).to_have_count(1)
    context.close()


def test_a_photo_too_large_is_said_before_it_is_kept(browser, live_server, visit):
    services.visit_check_in(visit=visit, by=visit.technician.user)
    context, page = _phone(browser, live_server)
    _open_offline(context, page, visit)
    big = b"\0" * (PHOTO_MAX_MB * 1024 * 1024 + 1)
    page.set_input_files(
        "#add-photo input[name=image]",
        files=[{"name": "huge.png", "mimeType": "image/png", "buffer": big}],
    )
    page.click("#add-photo button[type=submit]")
    note = page.locator("#add-photo [data-too-big-note]")
    expect(note).to_have_text(f"The file is larger than {PHOTO_MAX_MB} MB.")
    expect(page.locator("#outbox")).to_be_hidden()
    assert page.evaluate("window.sameDocument") is True

    # a photo that fits is kept, and the note goes
    page.set_input_files(
        "#add-photo input[name=image]",
        files=[{"name": "drain.png", "mimeType": "image/png", "buffer": _png()}],
    )
    page.click("#add-photo button[type=submit]")
    expect(note).to_have_count(0)
    expect(page.locator("#outbox-count")).to_have_text("1 change waiting to be sent")
    context.close()
