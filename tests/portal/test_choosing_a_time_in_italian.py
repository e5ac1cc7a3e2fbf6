"""On a phone, in Italian: a customer in Italy chooses the time of the visit, sees it in Rome's
time (whatever the server's), then moves it to another window."""

import datetime as dt
import re
import zoneinfo

import pytest
from playwright.sync_api import expect

from aftersales.core.choices import Role
from aftersales.service.choices import VisitStatus
from aftersales.service.models import ServiceType, Visit
from tests.browser.conftest import log_in
from tests.factories import (
    PASSWORD,
    AgentFactory,
    CustomerFactory,
    TechnicianFactory,
    UnitFactory,
)
from tests.service.factories import open_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 812}
ROME = zoneinfo.ZoneInfo("Europe/Rome")
WEEKDAY = re.compile(r"^(lunedì|martedì|mercoledì|giovedì|venerdì) \d{2}/\d{2}/\d{4}$", re.I)


def test_an_italian_customer_chooses_and_moves_a_time_on_a_phone(
    page, service_data, operator, make_user, settings
):
    settings.BOOKING_WINDOWS = ["08:00-12:00", "12:00-16:00", "16:00-20:00"]
    ServiceType.objects.filter(code="repair").update(self_booking=True)
    agent = AgentFactory(code="AG-MI", name="Milano Service", city="Milano", country="IT")
    technician = TechnicianFactory(agent=agent, shift_start=dt.time(8), shift_end=dt.time(18))
    user = make_user(Role.CUSTOMER, username="giulia", language="it")
    customer = CustomerFactory(first_name="Giulia", last_name="Bianchi", country="IT", user=user)
    unit = UnitFactory(owner=customer, service_agent=agent)
    request = open_request(by=operator, customer=customer, unit=unit)
    page.set_viewport_size(PHONE)
    log_in(page, "giulia", PASSWORD)
    page.goto(f"/service/my/{request.pk}/")
    assert page.locator("html").get_attribute("lang") == "it"
    panel = page.locator("#choose-time")
    expect(panel.locator("h2")).to_have_text("Scegli un orario")
    # Rome's windows as Rome shows them (in Tehran's time they would read 10:30–14:30 ...)
    slot_text = re.compile(r"^(08:00–12:00|12:00–16:00|16:00–20:00)$")
    expect(panel.locator(".booking-slot").first).to_have_text(slot_text)
    expect(panel.locator(".booking-day h3").first).to_have_text(WEEKDAY)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    with page.expect_navigation():  # a window far enough ahead to be moved later
        panel.locator(".booking-slot").last.click()
    visit = Visit.objects.get(request=request)
    assert visit.technician == technician
    start = visit.window_start.astimezone(ROME)
    assert start.strftime("%H:%M") in {"08:00", "12:00", "16:00"}
    booked = page.locator("#booked-time")
    expect(booked).to_contain_text(
        f"Il tuo intervento è prenotato il {start:%d/%m/%Y} tra le {start:%H:%M}"
    )
    expect(page.locator("#choose-time h2")).to_have_text(
        "Sposta il tuo intervento a un altro orario"
    )
    current = page.locator("#choose-time .booking-current")  # marked, not offered again
    end = visit.window_end.astimezone(ROME)
    expect(current).to_contain_text(f"{start:%H:%M}–{end:%H:%M}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    with page.expect_navigation():
        page.locator("#choose-time .booking-slot").first.click()
    moved = Visit.objects.get(request=request, status=VisitStatus.PLANNED)
    assert moved.pk != visit.pk and moved.window_start < visit.window_start
    start = moved.window_start.astimezone(ROME)
    expect(page.locator("#booked-time")).to_contain_text(f"{start:%d/%m/%Y} tra le {start:%H:%M}")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED
