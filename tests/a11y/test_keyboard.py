"""An operator who works with the keyboard alone: a skip link to the content, a clearly visible
focus ring on every stop, menus opened and left with keys, a language list that does not send
them away at the first arrow key; a screen reader hears a filtered list's new count and why a
signature was not sent."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = """() => {
  const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName, id: e.id, name: (e.innerText || e.name || '').trim().slice(0, 40),
          outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
          seen: r.width > 1 && r.height > 1};
}"""


def test_the_first_tab_is_a_skip_link_to_the_content(sign_in, scene):
    page = sign_in(scene["operator"], "fa")
    page.goto(scene["planned"].request.get_absolute_url())
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert focused["id"] == "skip-link" and focused["seen"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    page.keyboard.press("Tab")  # the next stop is inside the page's content, past the menu
    assert page.evaluate("document.getElementById('content').contains(document.activeElement)")


def test_every_stop_shows_a_clear_focus_ring(sign_in, scene):
    page = sign_in(scene["operator"], "en")
    page.goto(scene["planned"].request.get_absolute_url())
    stops = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "BODY" or (stops and focused["id"] == "skip-link"):
            break
        stops.append(focused)
    assert len(stops) > 10
    faint = [s for s in stops if s["outline"] in ("none", "hidden") or s["width"] < 2]
    assert faint == []


def test_a_menu_opens_and_closes_with_the_keyboard(sign_in, scene):
    page = sign_in(scene["operator"], "en")
    page.goto("/service/")
    page.focus("#user-menu")
    page.keyboard.press("Enter")
    assert page.locator("#user-menu").get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert "My account" in page.evaluate("document.activeElement.innerText")
    page.keyboard.press("Escape")
    assert page.locator("#user-menu").get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == "user-menu"


def test_the_language_list_waits_for_enter(sign_in, scene):
    page = sign_in(scene["operator"], "en")
    page.goto("/service/")
    page.focus("#language-form select")
    page.keyboard.press("ArrowUp")  # from English to Italian: only looking
    page.wait_for_timeout(500)
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("lang") == "it"


def test_a_screen_reader_hears_the_new_count_of_a_filtered_list(sign_in, scene):
    page = sign_in(scene["operator"], "en")
    page.goto("/service/")
    assert page.locator("#announce[role=status]").count() == 1
    with page.expect_response(lambda response: "q=" in response.url):
        page.locator("#filters input[name=q]").press_sequentially(scene["planned"].request.number)
    page.wait_for_function("document.getElementById('announce').textContent.includes('record')")
    assert page.locator("#announce").inner_text() == page.locator("#result-count").inner_text()


def test_a_screen_reader_hears_a_parts_availability(sign_in, scene):
    from aftersales.parts.models import Warehouse
    from aftersales.parts.services import stock_receive
    from tests.factories import PartFactory

    part = PartFactory(sku="CAP-35", name="Capacitor")
    central = Warehouse.objects.create(code="CEN", name="Central", kind="central")
    stock_receive(
        warehouse=central, part=part, quantity=3, document_number="DN-1", by=scene["operator"]
    )
    page = sign_in(scene["operator"], "en")
    page.goto("/parts/availability/")
    page.fill("input[name=sku]", "CAP-35")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('announce').textContent.includes('3')")
    assert page.locator("#announce").inner_text() == page.locator("#totals").inner_text()


def test_a_signature_not_drawn_is_said_in_words(sign_in, scene):
    page = sign_in(scene["technician"], "fa")
    page.goto(scene["on_site"].get_absolute_url())
    missing = page.locator("#signature-missing")
    assert not missing.is_visible()
    page.focus("#sign button[type=submit]")
    page.keyboard.press("Enter")
    assert missing.is_visible()
    assert missing.get_attribute("role") == "alert"
    assert scene["on_site"].__class__.objects.get(pk=scene["on_site"].pk).signed_at is None
