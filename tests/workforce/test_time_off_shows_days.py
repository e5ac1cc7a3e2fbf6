"""Whole days away show as days, never as midnights: in the time off list (and its export), on
the absence's and the technician's pages, Jalali with Persian digits in Persian; part of a day
shows its times. Deciders see how many requests wait for them."""

import datetime as dt

import jdatetime
import pytest

from aftersales.core.choices import Role
from aftersales.core.text import persian_digits
from aftersales.workforce import services
from aftersales.workforce.choices import AbsenceKind
from aftersales.workforce.models import Absence
from tests.service.factories import technician_with_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def first(today):
    return today + dt.timedelta(days=4)


def _jalali(day) -> str:
    return persian_digits(jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d"))


def _whole(technician, first, last, by):
    starts_at, ends_at = services.whole_days(first, last)
    return services.absence_record(
        technician=technician,
        starts_at=starts_at,
        ends_at=ends_at,
        all_day=True,
        kind=AbsenceKind.LEAVE,
        by=by,
    ).absence


def _hours(technician, day, by):
    starts_at, _ = services.whole_days(day, day)
    return services.absence_record(
        technician=technician,
        starts_at=starts_at + dt.timedelta(hours=9),
        ends_at=starts_at + dt.timedelta(hours=12, minutes=30),
        all_day=False,
        kind=AbsenceKind.TRAINING,
        by=by,
    ).absence


def _rows(html: str) -> str:
    return html.split("<tbody", 1)[1].split("</tbody>", 1)[0]


def test_whole_days_show_as_days_and_hours_with_times_in_persian(manager, certified, first, login):
    manager.language = "fa"
    manager.save()
    away = _whole(certified, first, first + dt.timedelta(days=2), manager)
    hours = _hours(certified, first + dt.timedelta(days=7), manager)
    client = login(manager)
    rows = _rows(client.get("/technicians/time-off/").content.decode())
    assert _jalali(first) in rows and _jalali(first + dt.timedelta(days=2)) in rows
    assert "۰۰:۰۰" not in rows and "00:00" not in rows  # no midnight for whole days
    assert f"{_jalali(first + dt.timedelta(days=7))} ۰۹:۰۰" in rows  # a few hours: the times
    assert f"{_jalali(first + dt.timedelta(days=7))} ۱۲:۳۰" in rows
    period = f"{_jalali(first)} – {_jalali(first + dt.timedelta(days=2))}"
    for url in (away.get_absolute_url(), certified.get_absolute_url()):
        # the audit trail below keeps the stored moments; the record itself shows days
        page = client.get(url).content.decode().split('id="audit"', 1)[0]
        assert period in page, url
        assert "۰۰:۰۰" not in page, url
    assert "۰۹:۰۰" in client.get(hours.get_absolute_url()).content.decode()


def test_the_export_has_days_for_whole_days(dispatcher, certified, first, login):
    _whole(certified, first, first, dispatcher)
    _hours(certified, first + dt.timedelta(days=3), dispatcher)
    export = login(dispatcher).get("/technicians/time-off/", {"export": "csv", "sort": "starts_at"})
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert "Starts,Ends,Whole days" in lines[0]
    day = first.isoformat()
    assert f"{day},{day},True" in lines[1]  # the first and the last day, no 00:00
    later = (first + dt.timedelta(days=3)).isoformat()
    assert f"{later} 09:00,{later} 12:30,False" in lines[2]


def test_deciders_see_how_many_requests_wait(
    agent, other_agent, dispatcher, make_user, login, first
):
    ours = technician_with_login(agent=agent, username="ours")
    theirs = technician_with_login(agent=other_agent, username="theirs")
    for technician in (ours, theirs):
        starts_at, ends_at = services.whole_days(first, first)
        services.absence_request(
            technician=technician,
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=True,
            kind=AbsenceKind.LEAVE,
            by=technician.user,
        )
    page = login(dispatcher).get("/technicians/time-off/").content.decode()
    assert "2 requests for time off wait for a decision." in page
    assert "?status=requested" in page
    staff = make_user(Role.AGENT, username="ourstaff", agent=agent)
    page = login(staff).get("/technicians/time-off/").content.decode()
    assert "One request for time off waits for a decision." in page  # their own agent's only
    page = login(ours.user).get("/technicians/time-off/").content.decode()
    assert "wait for a decision" not in page and "waits for a decision" not in page
    Absence.objects.update(status="approved")
    assert (
        'id="absences-waiting"'
        not in login(dispatcher).get("/technicians/time-off/").content.decode()
    )


def test_an_overlap_with_approved_time_off_is_explained_on_the_form(
    certified, first, login, manager
):
    technician = technician_with_login(username="sara")
    technician.first_name, technician.last_name = "Sara", "Ahmadi"
    technician.save()
    _whole(technician, first, first + dt.timedelta(days=2), manager)
    response = login(technician.user).post(
        "/technicians/time-off/new/",
        {"kind": "sick", "first_day": (first + dt.timedelta(days=1)).isoformat()},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Sara Ahmadi already has time off in that period: Leave" in body
    assert "(Approved). Change or cancel that one first." in body
    assert Absence.objects.filter(technician=technician).count() == 1
