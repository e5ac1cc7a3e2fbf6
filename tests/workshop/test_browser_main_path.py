"""In a real Chromium: the desk receives a walk-in unit from its request's page, the customer
signs the intake on the pad, the unit goes on the bench, the technician closes the bench visit
as fixed, the desk marks it ready and hands it back against the customer's signature."""

import pytest

from aftersales.service import services as service
from aftersales.workshop.models import Workshop, WorkshopJob
from tests.browser.conftest import log_in
from tests.factories import PASSWORD
from tests.service.factories import open_request, technician_with_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign(page, form):
    box = page.locator(f"{form} canvas").bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 80, steps=8)
    page.mouse.move(box["x"] + 200, box["y"] + 40, steps=8)
    page.mouse.up()


def test_receive_bench_ready_return(page, operator, owner, owned_unit, service_data):
    page.set_default_timeout(30_000)
    Workshop.objects.create(code="WS-TEH", name="Tehran service centre")
    technician = technician_with_login(username="benchtech")
    request = open_request(by=operator, customer=owner, unit=owned_unit, channel="walk_in")
    log_in(page, operator.username, PASSWORD)

    page.goto(request.get_absolute_url())
    with page.expect_navigation():
        page.click("#receive-in-workshop")
    page.select_option("select[name=arrival]", "carried_in")
    page.fill("textarea[name=condition]", "Scratch on the front panel")
    page.fill("textarea[name=accessories]", "Remote control")
    with page.expect_navigation():
        page.click("main form.card button[type=submit]")
    job = WorkshopJob.objects.get()
    assert page.url.endswith(job.get_absolute_url())

    _sign(page, "#sign")
    with page.expect_navigation():
        page.click("#sign button[type=submit]")
    job.refresh_from_db()
    assert job.intake_signature and job.intake_signed_by == "Sara Karimi"

    page.select_option("#bench select[name=technician]", str(technician.pk))
    with page.expect_navigation():
        page.click("#bench button[type=submit]")
    visit = job.bench_visits.get()
    assert page.url.endswith(visit.get_absolute_url())
    service.visit_close(visit=visit, by=technician.user, result="fixed", labour_minutes=40)

    page.goto(job.get_absolute_url())
    with page.expect_navigation():
        page.click("#ready button[type=submit]")
    assert page.locator("#status").inner_text() == "Ready"

    _sign(page, "#return")
    with page.expect_navigation():
        page.click("#return button[type=submit]")
    job.refresh_from_db()
    assert job.status == "returned" and job.return_signature
    assert page.locator("#returned").is_visible()
