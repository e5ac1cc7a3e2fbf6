"""The agent network in a real browser: a candidate applies from a phone with a document; a
manager sees the network plan's chart drawn under the CSP; agent staff open their portal."""

import datetime as dt

import pytest

from aftersales.agents.models import Agent, AgentDocument
from aftersales.core.choices import Role
from tests.factories import PASSWORD, AgentFactory, TechnicianFactory, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_candidate_applies_from_a_phone(browser, live_server, tmp_path):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    licence = tmp_path / "licence.pdf"
    licence.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.goto("/agents/apply/")
    page.fill("#id_name", "Caspian Cooling")
    page.select_option("#id_country", "IR")
    page.fill("#id_region", "Gilan")
    page.fill("#id_city", "Rasht")
    page.fill("#id_address", "Golsar Blvd 12")
    page.fill("#id_phone", "0911 123 4567")
    page.fill("#id_email", "info@caspian.example")
    page.fill("#id_contact_name", "Ali Rahimi")
    page.fill("#id_premises_sqm", "120")
    page.fill("#id_staff_count", "2")
    page.fill("#id_certified_staff", "3")  # more than the staff: refused
    page.fill("#id_years_experience", "8")
    page.fill("#id_capital", "2500000000")
    page.set_input_files("#id_registration", str(licence))
    with page.expect_navigation():
        page.click("#application-form button[type=submit]")
    assert "There cannot be more certified technicians than staff." in page.content()
    assert not Agent.objects.exists()
    page.fill("#id_certified_staff", "1")
    page.set_input_files("#id_registration", str(licence))  # files are chosen again
    with page.expect_navigation():
        page.click("#application-form button[type=submit]")
    agent = Agent.objects.get()
    assert page.url.endswith("/agents/apply/thanks/") and agent.code in page.content()
    assert agent.status == "applicant"
    assert AgentDocument.objects.get(agent=agent).file.read().startswith(b"%PDF")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert not [p for p in problems if "Content Security Policy" in p]
    context.close()


def test_a_manager_sees_the_plan_chart_and_agent_staff_their_portal(page):
    gilan = AgentFactory(region="Gilan", city="Rasht")
    TechnicianFactory(agent=gilan)
    UserFactory(username="boss", role=Role.MANAGER)
    UserFactory(username="desk", role=Role.AGENT, agent=gilan)
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    log_in(page, "boss", PASSWORD)
    today = dt.date.today()
    page.goto(f"/agents/plan/?start={today - dt.timedelta(days=30)}&end={today}")
    page.wait_for_function("() => window.Chart && Chart.getChart(document.querySelector('canvas'))")
    assert page.locator('#regions tr[data-region="Gilan"]').count() == 1
    assert not [p for p in problems if "Content Security Policy" in p]
    page.context.clear_cookies()
    log_in(page, "desk", PASSWORD)
    page.goto("/agents/portal/")
    assert page.locator("#tiles .tile-count").count() >= 6
    assert gilan.name in page.content()
