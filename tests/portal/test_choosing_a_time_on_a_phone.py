"""On a phone, in Persian: a customer opens their request and chooses the time of the visit."""

import re

import pytest
from playwright.sync_api import expect

from aftersales.service.models import ServiceType, Visit
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, TechnicianFactory
from tests.service.factories import open_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
PERSIAN_TIME = re.compile("[۰-۹]{2}:[۰-۹]{2}–[۰-۹]{2}:[۰-۹]{2}")


def test_a_persian_customer_chooses_a_time_on_a_phone(
    page, service_data, operator, owner, owned_unit, agent
):
    ServiceType.objects.filter(code="repair").update(self_booking=True)
    owner.user.language = "fa"
    owner.user.save()
    technician = TechnicianFactory(agent=agent)
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    page.set_viewport_size(PHONE)
    log_in(page, owner.user.username, PASSWORD)
    page.goto(f"/service/my/{request.pk}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    panel = page.locator("#choose-time")
    expect(panel).to_be_visible()
    first = panel.locator(".booking-slot").first
    expect(first).to_have_text(PERSIAN_TIME)  # the window in Persian digits
    day = panel.locator(".booking-day h3").first
    expect(day).to_contain_text(re.compile("۱۴[۰-۹]{2}/[۰-۹]{2}/[۰-۹]{2}"))  # a Jalali date
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_navigation():
        first.click()
    expect(page.locator("#booked-time")).to_be_visible()
    expect(page.locator("#booked-time")).to_contain_text(re.compile("[۰-۹]{2}:[۰-۹]{2}"))
    visit = Visit.objects.get(request=request)
    assert visit.technician == technician
    request.refresh_from_db()
    assert request.status == "scheduled"
