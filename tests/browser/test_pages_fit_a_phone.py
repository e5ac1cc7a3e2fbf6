"""On a phone (375 × 812), in Persian and in Italian, the technician's pages (today's visits, a
visit before check-in and on site with diagnosis, check-list, parts, photos, signature and
check-out), the customer's portal and the operator's request page are no wider than the screen,
Persian reads from the right, and check boxes are big enough for a finger."""

import pytest

from tests.a11y.conftest import scene, sign_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
# what sticks out past the screen's edge, outside any box that scrolls it
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth, out = [];
  const scrolls = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width && (r.right > width + 1 || r.left < -1) && !scrolls(e)) {
      out.push(e.outerHTML.slice(0, 120));
    }
  }
  return out.slice(0, 5);
}"""


def fits(page, url, language):
    page.goto(url)
    width = page.evaluate("document.documentElement.scrollWidth")
    problems = [] if width <= 375 else [f"{url}: {width}px wide: {page.evaluate(STICKING_OUT)}"]
    html = page.locator("html")
    assert html.get_attribute("dir") == ("rtl" if language == "fa" else "ltr")
    if language == "fa":  # the title starts at the right edge
        title = page.locator("main h1").first.bounding_box()
        assert title["x"] + title["width"] > 375 - 40, url
    return problems


@pytest.mark.parametrize("language", ["fa", "it"])
def test_the_technicians_pages_fit_a_phone(sign_in, scene, language):  # noqa: F811
    page = sign_in(scene["technician"], language, **PHONE)
    problems = fits(page, "/service/visits/today/", language)
    toggler = page.locator("button.navbar-toggler")  # the menu, folded behind one button
    assert toggler.get_attribute("aria-expanded") == "false"
    toggler.click()
    page.locator("#mainnav").wait_for(state="visible")
    assert toggler.get_attribute("aria-expanded") == "true"
    problems += fits(page, scene["planned"].get_absolute_url(), language)
    problems += fits(page, scene["on_site"].get_absolute_url(), language)
    for form in ("#record", "#add-part", "#add-photo", "#sign", "#close"):
        assert page.locator(form).is_visible(), form
    small = page.evaluate(
        """() => [...document.querySelectorAll('input[type=checkbox], input[type=radio],'
                                             + ' main .btn, main .form-control, main .form-select')]
             .filter((e) => e.offsetParent)
             .map((e) => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
             .filter(([, r]) => r.width < 24 || r.height < 24).map(([html]) => html)"""
    )
    assert small == [], "controls smaller than 24 × 24 px, too small for a finger"
    assert problems == []


@pytest.mark.parametrize("language", ["fa", "it"])
def test_the_customers_portal_fits_a_phone(sign_in, scene, language):  # noqa: F811
    page = sign_in(scene["customer"], language, **PHONE)
    problems = fits(page, "/my/", language)
    problems += fits(page, f"/service/my/{scene['planned'].request.pk}/", language)
    problems += fits(page, "/service/my/", language)
    problems += fits(page, "/my/details/", language)
    assert problems == []


@pytest.mark.parametrize("language", ["fa", "it"])
def test_the_operators_request_page_fits_a_phone(sign_in, scene, language):  # noqa: F811
    page = sign_in(scene["operator"], language, **PHONE)
    problems = fits(page, scene["planned"].request.get_absolute_url(), language)
    problems += fits(page, "/service/", language)
    assert problems == []
