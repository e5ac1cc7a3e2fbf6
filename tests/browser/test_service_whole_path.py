"""The whole path in a real browser, in Persian: a customer registers a unit and opens a repair
request; an operator triages it; a dispatcher assigns it; the technician checks in, records a
diagnosis, a part and a signature, and closes; the customer reads the report."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from PIL import Image

from aftersales.core.choices import Role
from aftersales.parts.models import StockLevel, Warehouse
from aftersales.parts.services import stock_receive
from aftersales.service.models import ServiceRequest, Visit
from aftersales.units.models import Registration
from tests.factories import (
    PASSWORD,
    AddressFactory,
    FailureCodeFactory,
    PartFactory,
    ProductModelFactory,
)
from tests.service.factories import technician_with_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def session(browser, live_server, user, *, phone=False):
    """A logged-in page for `user`, in Persian."""
    user.language = "fa"
    user.save(update_fields=["language"])
    viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    context = browser.new_context(
        base_url=live_server.url,
        locale="fa-IR",
        viewport=viewport,
        extra_http_headers={"Accept-Language": "fa"},
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("#login-submit")
    return page


def _png(tmp_path):
    path = tmp_path / "receipt.png"
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_the_whole_service_path_in_persian(
    browser, live_server, tmp_path, owner, operator, make_user, service_data
):
    dispatcher = make_user(Role.DISPATCHER, username="dispatcher")
    technician = technician_with_login(username="tech")
    model = ProductModelFactory(code="AC18", name="Inverter 18000")
    AddressFactory(customer=owner, city="Tehran", line="12 Valiasr")
    code = FailureCodeFactory(code="NOCOOL", name_en="Does not cool", name_fa="سرد نمی‌کند")
    part = PartFactory(sku="CAP-35", name="Capacitor")
    van = Warehouse.objects.create(code="VAN-T", name="Van", kind="van", technician=technician)
    stock_receive(warehouse=van, part=part, quantity=2, document_number="PO-1", by=operator)

    # 1. the customer registers the unit
    customer = session(browser, live_server, owner.user, phone=True)
    customer.goto("/my/register/")
    assert customer.locator("html").get_attribute("dir") == "rtl"
    customer.select_option("select[name=product_model]", str(model.pk))
    customer.fill("input[name=serial]", "AC18-990001")
    customer.fill("input[name=purchase_date]", "1405/02/11")
    customer.set_input_files("input[name=proof]", _png(tmp_path))
    with customer.expect_navigation():
        customer.click("main form.card button[type=submit]")
    registration = Registration.objects.get()

    # the operator confirms the registration
    desk = session(browser, live_server, operator)
    desk.goto(registration.get_absolute_url())
    with desk.expect_navigation():
        desk.click("#confirm-registration")
    registration.refresh_from_db()
    unit = registration.unit
    assert unit.owner == owner

    # 2. the customer opens a repair request for it
    customer.goto(f"/service/my/new/?unit={unit.pk}")
    customer.select_option("select[name=service_type]", label="تعمیر")
    customer.select_option("select[name=address]", index=1)
    customer.fill("textarea[name=description]", "کولر سرد نمی‌کند")
    with customer.expect_navigation():
        customer.click("main form.card button[type=submit]")
    request = ServiceRequest.objects.get()
    assert customer.url.endswith(f"/service/my/{request.pk}/")
    assert request.channel == "web" and request.unit == unit

    # 3. the operator triages it
    desk.goto(request.get_absolute_url())
    assert desk.locator("#sla").is_visible() and desk.locator("#warranty").is_visible()
    with desk.expect_navigation():
        desk.click("#triage button[type=submit]")
    request.refresh_from_db()
    assert request.status == "triaged"

    # 4. the dispatcher assigns a technician with a window
    planner = session(browser, live_server, dispatcher)
    planner.goto(request.get_absolute_url())
    with planner.expect_navigation():
        planner.click("#plan")
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    planner.select_option("select[name=technician]", str(technician.pk))
    planner.fill("input[name=window_start]", start.strftime("%Y-%m-%dT%H:%M"))
    planner.fill(
        "input[name=window_end]", (start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    )
    with planner.expect_navigation():
        planner.click("main form.card button[type=submit]")
    visit = Visit.objects.get()

    # 5. the technician, on a phone: today's list, check in, diagnosis, part, signature, close
    tech = session(browser, live_server, technician.user, phone=True)
    tech.goto("/service/visits/today/")
    with tech.expect_navigation():
        tech.click(f"#today a[href='{visit.get_absolute_url()}']")
    with tech.expect_navigation():
        tech.click("#check-in")
    tech.fill("textarea[name=diagnosis]", "خازن سوخته")
    tech.select_option("select[name=failure_codes]", str(code.pk))
    tech.check("input[name=step_0]")
    with tech.expect_navigation():
        tech.click("#record button[type=submit]")
    tech.select_option("#add-part select[name=part]", str(part.pk))
    with tech.expect_navigation():
        tech.click("#add-part button[type=submit]")
    pad = tech.locator("canvas[data-signature-pad]")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    tech.mouse.move(box["x"] + 20, box["y"] + 30)
    tech.mouse.down()
    tech.mouse.move(box["x"] + 120, box["y"] + 90, steps=8)
    tech.mouse.move(box["x"] + 200, box["y"] + 40, steps=8)
    tech.mouse.up()
    with tech.expect_navigation():
        tech.click("#sign button[type=submit]")
    tech.select_option("#close select[name=result]", "fixed")
    tech.fill("#close input[name=labour_minutes]", "40")
    with tech.expect_navigation():
        tech.click("#close button[type=submit]")
    visit.refresh_from_db()
    request.refresh_from_db()
    assert visit.status == "done" and visit.signature and visit.parts.count() == 1
    assert StockLevel.objects.get(warehouse=van, part=part).on_hand == 1
    assert request.status == "resolved" and request.first_time_fix is True

    # 6. the customer reads the visit report, in Persian
    customer.goto(f"/service/my/{request.pk}/")
    html = customer.content()
    assert customer.locator("html").get_attribute("dir") == "rtl"
    assert "خازن سوخته" in html and "سرد نمی‌کند" in html and "CAP-35" in html
    assert customer.locator("#result").is_visible()
    assert customer.locator(f"img[src='/service/visits/{visit.pk}/signature/']").is_visible()
