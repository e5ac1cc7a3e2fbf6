"""A dispatcher plans tomorrow in a real browser: the board draws the timeline and the chart
(under the CSP: no inline style or script), a visit is moved by hand, the plan is published.
On a phone the board scrolls inside its card, not the page."""

import pytest

from aftersales.dispatch.models import Assignment, Plan
from aftersales.service.models import Visit
from tests.dispatch.conftest import (  # noqa: F401
    cooling,
    day,
    dispatcher,
    make_request,
    make_technician,
    washing,
)
from tests.factories import PASSWORD

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_dispatcher_plans_moves_and_publishes_on_the_board(
    page,
    dispatcher,  # noqa: F811
    make_technician,  # noqa: F811
    make_request,  # noqa: F811
    cooling,  # noqa: F811
    washing,  # noqa: F811
    day,  # noqa: F811
):
    ali = make_technician("Ali", categories=[cooling])
    bob = make_technician("Bob", categories=[cooling], lat=35.78)
    first = make_request(cooling, day=day)
    make_request(cooling, lat=35.76, day=day)
    wash = make_request(washing, day=day)
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

    log_in(page, dispatcher.username, PASSWORD)
    page.goto("/dispatch/new/")
    page.fill("input[name=first_day]", day.isoformat())
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    plan = Plan.objects.get()
    assert page.url.endswith(f"/dispatch/{plan.pk}/")
    assert page.locator(f'rect[data-request="{first.number}"]').count() == 1
    assert page.locator(f"#unplaced-{wash.pk} .reason").inner_text().startswith("No technician")
    drawn = page.evaluate("() => !!Chart.getChart(document.getElementById('workload'))")
    assert drawn
    assert not [p for p in problems if "Content Security Policy" in p]

    row = Assignment.objects.get(request=first)
    other = bob if row.technician == ali else ali
    page.click(f"#assignment-{row.pk} a.move")
    page.select_option("select[name=technician]", str(other.pk))
    page.fill("input[name=starts_at]", f"{day.isoformat()}T10:00")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    row.refresh_from_db()
    assert row.technician == other and row.pinned
    assert page.locator(f"#assignment-{row.pk} button.pin.btn-warning").count() == 1

    with page.expect_navigation():
        page.click("#publish")
    assert page.locator("#status").inner_text() == "Published"
    assert Visit.objects.get(request=first).technician == other


def test_the_board_fits_a_phone(
    browser,
    live_server,
    dispatcher,  # noqa: F811
    make_technician,  # noqa: F811
    make_request,  # noqa: F811
    cooling,  # noqa: F811
    day,  # noqa: F811
):
    from aftersales.dispatch import services

    make_technician("Ali", categories=[cooling])
    make_request(cooling, day=day)
    plan = services.plan_create(by=dispatcher, first_day=day, seconds=1)
    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = phone.new_page()
    log_in(page, dispatcher.username, PASSWORD)
    page.goto(f"/dispatch/{plan.pk}/")
    assert page.locator("#timeline").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # the timeline scrolls inside its card
    box = page.evaluate("document.querySelector('#timeline').parentElement.scrollWidth")
    assert box > 390
    phone.close()
