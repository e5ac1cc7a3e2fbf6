"""In a real browser: a keeper hands a van to a technician who signs on a phone-sized screen, in
Persian; the dispatcher's plan form does not offer a technician whose certificate expired."""

import datetime as dt

import pytest
from django.utils import timezone

from aftersales.core.choices import Role
from aftersales.service import services as service_services
from aftersales.workforce.models import Asset, Certification, Handover, Qualification
from tests.factories import CategoryFactory, ProductModelFactory, TechnicianFactory, UnitFactory
from tests.service.factories import open_request, service_type

from .test_service_whole_path import session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_van_is_handed_over_against_a_drawn_signature(browser, live_server, make_user):
    keeper = make_user(Role.WAREHOUSE, username="keeper")
    technician = TechnicianFactory(first_name="Hamid", last_name="Sadeghi")
    van = Asset.objects.create(kind="vehicle", code="VEH-9", name="Van", plate="12 B 345")
    page = session(browser, live_server, keeper, phone=True)
    page.goto(van.get_absolute_url())
    page.select_option("#handover select[name=technician]", str(technician.pk))
    page.fill("#handover input[name=km_out]", "۲۵۰۰۰")
    page.fill("#handover input[name=signed_by]", "Hamid Sadeghi")
    pad = page.locator("#handover canvas[data-signature-pad]")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 90, steps=8)
    page.mouse.move(box["x"] + 200, box["y"] + 40, steps=8)
    page.mouse.up()
    with page.expect_navigation():
        page.click("#handover button[type=submit]")
    handover = Handover.objects.get()
    assert handover.technician == technician and handover.km_out == 25000
    assert page.locator("#signature").is_visible()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert van.readings.get().km == 25000


def test_the_plan_form_hides_a_technician_whose_certificate_expired(
    browser, live_server, make_user, service_data
):
    today = timezone.localdate()
    operator = make_user(Role.OPERATOR, username="op")
    dispatcher = make_user(Role.DISPATCHER, username="disp")
    cooling = CategoryFactory(code="ac", name_en="Air conditioners")
    f_gas = Qualification.objects.create(name="F-gas handling")
    f_gas.categories.set([cooling])
    valid, lapsed = TechnicianFactory(last_name="Valid"), TechnicianFactory(last_name="Lapsed")
    for technician, expires in (
        (valid, today + dt.timedelta(days=300)),
        (lapsed, today - dt.timedelta(days=1)),
    ):
        technician.categories.set([cooling])
        Certification.objects.create(
            technician=technician,
            qualification=f_gas,
            issued_on=today - dt.timedelta(days=700),
            expires_on=expires,
        )
    unit = UnitFactory(product_model=ProductModelFactory(category=cooling))
    request = open_request(by=operator, customer=unit.owner, unit=unit, preferred_date=today)
    request = service_services.request_triage(request=request, by=operator)
    page = session(browser, live_server, dispatcher)
    page.goto(f"/service/requests/{request.pk}/plan/")
    options = page.locator("select[name=technician] option").all_inner_texts()
    assert any("Valid" in text for text in options)
    assert not any("Lapsed" in text for text in options)
    assert "Lapsed" in page.locator(".form-text").first.inner_text()
    assert service_type("repair") == request.service_type
