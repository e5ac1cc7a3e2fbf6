"""In Persian, the numbered steps a customer follows (a complaint's stages) count in Persian
digits, like every other number on the page."""

import pytest

from aftersales.complaints import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _marker(page):
    return page.evaluate(
        "getComputedStyle(document.querySelector('#steps > li'), '::before').content"
    )


def test_the_complaint_steps_count_in_persian_digits(page, live_server):
    complaint = services.complaint_receive(
        by=None,
        channel="web",
        contact_name="Mina",
        contact_phone="09121234567",
        subject="No one came",
        description="I waited all day.",
        remedy_sought="apology",
    )
    page.goto(f"/complaints/track/{complaint.code}/")
    assert "persian" not in _marker(page)  # English: 1. 2. 3.
    page.context.add_cookies(
        [{"name": "aftersales_language", "value": "fa", "url": live_server.url}]
    )
    page.goto(f"/complaints/track/{complaint.code}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "persian" in _marker(page)
