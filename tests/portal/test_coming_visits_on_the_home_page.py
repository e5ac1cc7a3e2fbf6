"""The customer's home page shows their visits to come (day and window, in their language),
each linked to its request's page where it may be moved; never another customer's."""

import datetime as dt

import pytest
from django.utils import timezone

from aftersales.service import services
from tests.factories import TechnicianFactory
from tests.service.factories import open_request

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_the_coming_visits(
    login, operator, owner, owned_unit, agent, stranger, strangers_unit, other_agent
):
    technician = TechnicianFactory(agent=agent)
    request = services.request_triage(
        request=open_request(by=operator, customer=owner, unit=owned_unit), by=operator
    )
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0) + dt.timedelta(days=2)
    visit = services.visit_schedule(
        request=request,
        technician=technician,
        window_start=start,
        window_end=start + dt.timedelta(hours=2),
        by=operator,
    )
    others = services.request_triage(
        request=open_request(by=operator, customer=stranger, unit=strangers_unit), by=operator
    )
    services.visit_schedule(
        request=others,
        technician=TechnicianFactory(agent=other_agent),
        window_start=start,
        window_end=start + dt.timedelta(hours=2),
        by=operator,
    )
    page = login(owner.user).get("/my/").content.decode()
    assert 'id="coming-visits"' in page
    assert f"/service/my/{request.pk}/" in page and request.number in page
    assert others.number not in page
    assert visit.window_start.astimezone(timezone.get_current_timezone()).strftime("%H:%M") in page

    services.visit_cancel(visit=visit, by=operator)
    assert 'id="coming-visits"' not in login(owner.user).get("/my/").content.decode()


def test_my_requests_show_the_visit_each_waits_for(login, operator, owner, owned_unit, agent):
    technician = TechnicianFactory(agent=agent)
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0) + dt.timedelta(days=3)
    for _ in range(3):
        request = services.request_triage(
            request=open_request(by=operator, customer=owner, unit=owned_unit), by=operator
        )
        services.visit_schedule(
            request=request,
            technician=technician,
            window_start=start,
            window_end=start + dt.timedelta(hours=2),
            by=operator,
        )
    waiting = open_request(by=operator, customer=owner, unit=owned_unit)
    client = login(owner.user)
    page = client.get("/service/my/").content.decode()
    assert page.count('class="small text-success coming-visit"') == 3
    assert waiting.number in page
    assert start.strftime("%H:%M") in page
