"""In a real browser: a technician asks for time off from their phone (in Persian), and their
agent's staff approve it; the approval names the visit that needs another technician."""

import datetime as dt

import jdatetime
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from aftersales.core.choices import Role
from aftersales.service import services as service_services
from aftersales.workforce.choices import AbsenceStatus
from aftersales.workforce.models import Absence
from tests.factories import UnitFactory
from tests.service.factories import open_request, technician_with_login

from .test_service_whole_path import session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _warm_up(browser, live_server):
    """The live server's first page can take long on a busy machine: load it once, patiently."""
    context = browser.new_context(base_url=live_server.url)
    context.new_page().goto("/accounts/login/", timeout=90_000)
    context.close()


def test_a_technician_asks_from_a_phone_and_the_agent_approves(
    browser, live_server, make_user, agent, owner, service_data
):
    technician = technician_with_login(agent=agent, username="phone-tech")
    staff = make_user(Role.AGENT, username="agent-staff", agent=agent)
    day = timezone.localdate() + dt.timedelta(days=6)
    request = open_request(
        by=staff, customer=owner, unit=UnitFactory(owner=owner, service_agent=agent), agent=agent
    )
    request = service_services.request_triage(request=request, by=staff)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    visit = service_services.visit_schedule(
        request=request,
        technician=technician,
        window_start=start,
        window_end=start + dt.timedelta(hours=2),
        by=staff,
    )

    _warm_up(browser, live_server)
    page = session(browser, live_server, technician.user, phone=True)
    page.goto("/service/visits/today/")
    with page.expect_navigation():
        page.click("#time-off-link")
    page.select_option("select[name=kind]", "leave")
    page.fill("input[name=first_day]", jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d"))
    page.fill("textarea[name=note]", "Family wedding")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # fits the phone: no sideways scrolling
    with page.expect_navigation():
        page.click("form.card button[type=submit]")
    expect(page.locator("#absence-status")).to_be_visible()
    absence = Absence.objects.get()
    assert absence.technician == technician and absence.status == AbsenceStatus.REQUESTED
    assert absence.first_day == day == absence.last_day
    page.context.close()

    page = session(browser, live_server, staff)
    page.goto(absence.get_absolute_url())
    expect(page.locator("#absence-visits")).to_contain_text(visit.number)
    with page.expect_navigation():
        page.click("#decide button[formaction$='/approve/']")
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator(".alert-warning")).to_be_visible()  # the visit needs another technician
    expect(page.locator("#absence-visits")).to_contain_text(visit.number)
    absence.refresh_from_db()
    assert absence.status == AbsenceStatus.APPROVED and absence.decided_by == staff
    page.context.close()
