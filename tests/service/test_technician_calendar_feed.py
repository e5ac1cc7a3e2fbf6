"""A technician's visits in their phone's calendar: a secret link (made, replaced, stopped) to an
iCalendar feed of their own visits only, in their language, read without signing in."""

import datetime as dt

import pytest
from django.test import Client
from icalendar import Calendar

from aftersales.core.choices import Role
from aftersales.service import services

from .factories import open_request, scheduled_visit, technician_with_login

pytestmark = pytest.mark.django_db


def _make_link(login, user) -> str:
    page = login(user).post("/service/visits/calendar/", {"action": "renew"})
    assert page.status_code == 200
    url = page.context["new_url"]
    assert url.startswith("http") and url.endswith(".ics")
    return url.split("://", 1)[1].split("/", 1)[1]  # the path, for the test client


def _events(path):
    response = Client().get("/" + path)  # a calendar app: no session
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return {str(e["UID"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.fixture
def visits(operator, owner, owned_unit, technician):
    mine = scheduled_visit(
        request=open_request(by=operator, customer=owner, unit=owned_unit),
        technician=technician,
        by=operator,
    )
    other = technician_with_login(username="other")
    theirs = scheduled_visit(
        request=open_request(by=operator, customer=owner, code="training"),
        technician=other,
        by=operator,
    )
    return mine, theirs


def test_the_feed_holds_only_the_technicians_own_visits(visits, technician, login):
    mine, theirs = visits
    events = _events(_make_link(login, technician.user))
    assert set(events) == {f"{mine.number}@aftersales"}
    event = events[f"{mine.number}@aftersales"]
    assert event.decoded("DTSTART") == mine.window_start
    assert event.decoded("DTEND") == mine.window_end
    assert mine.request.number in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]).endswith(mine.get_absolute_url())


def test_a_cancelled_visit_stays_as_cancelled_and_old_ones_drop_out(
    visits, technician, operator, login
):
    mine, _theirs = visits
    path = _make_link(login, technician.user)
    services.visit_cancel(visit=mine, by=operator)
    assert str(_events(path)[f"{mine.number}@aftersales"]["STATUS"]) == "CANCELLED"
    long_ago = scheduled_visit(
        request=open_request(by=operator, customer=mine.request.customer, code="training"),
        technician=technician,
        by=operator,
        start=mine.window_start - dt.timedelta(days=60),
    )
    assert f"{long_ago.number}@aftersales" not in _events(path)


def test_in_the_technicians_language(visits, technician, login):
    technician.user.language = "fa"
    technician.user.save()
    events = _events(_make_link(login, technician.user))
    summary = str(next(iter(events.values()))["SUMMARY"])
    assert "تعمیر" in summary  # the repair service type, in Persian


def test_a_new_link_stops_the_old_one_and_stopping_ends_it(visits, technician, login):
    first = _make_link(login, technician.user)
    second = _make_link(login, technician.user)
    assert Client().get("/" + first).status_code == 404
    assert Client().get("/" + second).status_code == 200
    login(technician.user).post("/service/visits/calendar/", {"action": "stop"})
    assert Client().get("/" + second).status_code == 404
    assert Client().get("/service/visits/calendar/cal_guess.ics").status_code == 404


def test_a_deactivated_technician_s_link_stops(visits, technician, login):
    path = _make_link(login, technician.user)
    technician.user.is_active = False
    technician.user.save()
    assert Client().get("/" + path).status_code == 404


def test_only_technicians_have_a_calendar_link(login, make_user, owner):
    for user in (make_user(Role.OPERATOR), make_user(Role.DISPATCHER), owner.user):
        assert login(user).get("/service/visits/calendar/").status_code == 404


def test_the_today_page_links_to_it(technician, login):
    html = login(technician.user).get("/service/visits/today/").content.decode()
    assert 'id="calendar-link"' in html
