"""The accessibility tests' scene and helpers: a request with a planned visit and one the
technician is on site for, seen by the operator, the technician and the customer who owns it;
axe-core (an npm devDependency, never copied into static/vendor) run inside the page."""

import json
from pathlib import Path

import pytest
from django.utils import timezone

from tests.factories import PASSWORD, AddressFactory
from tests.service.factories import open_request, scheduled_visit, technician_with_login

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}
# rules about the page's outline that fail whatever axe's impact: a screen reader user finds
# their way by headings and landmarks
OUTLINE = {"page-has-heading-one", "heading-order", "empty-heading", "landmark-one-main", "region"}


@pytest.fixture
def scene(service_data, operator, owner, owned_unit):
    """Two requests of the customer `owner`: one with a planned visit this afternoon, one whose
    visit the technician has checked in to."""
    from aftersales.service import services

    AddressFactory(customer=owner, city="Tehran", line="12 Valiasr")
    technician = technician_with_login(username="tech")
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    planned = scheduled_visit(
        request=open_request(by=operator, customer=owner, unit=owned_unit),
        technician=technician,
        by=operator,
        start=start + timezone.timedelta(hours=2),
    )
    on_site = scheduled_visit(
        request=open_request(by=operator, customer=owner, unit=owned_unit),
        technician=technician,
        by=operator,
        start=start,
    )
    on_site = services.visit_check_in(visit=on_site, by=technician.user)
    return {
        "operator": operator,
        "technician": technician.user,
        "customer": owner.user,
        "owner": owner,
        "planned": planned,
        "on_site": on_site,
    }


@pytest.fixture
def sign_in(browser, live_server):
    """sign_in(user, language, **context options) → a page logged in as `user`, who reads
    `language`; its context is closed after the test. axe runs as a script of the page, so the
    context lets it past the page's Content-Security-Policy (the test's script, not the site's)."""
    contexts = []

    def sign_in(user, language, **options):
        user.language = language
        user.save(update_fields=["language"])
        context = browser.new_context(base_url=live_server.url, bypass_csp=True, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto("/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.click("#login-submit")
        return page

    yield sign_in
    for context in contexts:
        context.close()


def axe_problems(page) -> list[str]:
    """Serious and critical violations of axe's rules on the page as it is now, those of the
    page's outline, and ARIA references to ids that are not on the page (axe leaves those
    'incomplete')."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci --ignore-scripts` (make setup does)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
        " return {violations: r.violations, incomplete: r.incomplete}; }"
    )
    problems = []
    for rule in result["violations"]:
        if rule["impact"] in SERIOUS or rule["id"] in OUTLINE:
            problems += [_describe(rule, node) for node in rule["nodes"]]
    for rule in result["incomplete"]:
        if rule["id"] == "aria-valid-attr-value":
            problems += [_describe(rule, node) for node in rule["nodes"]]
    return problems


def _describe(rule, node) -> str:
    return json.dumps(
        {"rule": rule["id"], "target": node["target"], "why": node["failureSummary"]},
        ensure_ascii=False,
    )
