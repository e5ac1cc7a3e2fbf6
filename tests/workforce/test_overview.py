"""The manager's workforce overview: figures and the data its charts draw."""

import datetime as dt
import json
import re

from tests.factories import TechnicianFactory

from .conftest import certify


def _chart(page: str, name: str) -> dict:
    match = re.search(rf'<script id="{name}" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_the_overview_counts_and_charts_certifications_coming_due(
    manager, certified, lapsed, f_gas, today, login
):
    certify(
        certified,
        f_gas,
        issued_on=today - dt.timedelta(days=700),
        expires_on=today + dt.timedelta(days=3),
    )
    third = TechnicianFactory()
    certify(
        third,
        f_gas,
        issued_on=today - dt.timedelta(days=700),
        expires_on=today + dt.timedelta(days=40),
    )
    page = login(manager).get("/technicians/overview/").content.decode()
    assert 'id="kpi-expired">1<' in page
    expiries = _chart(page, "data-expiries")
    assert len(expiries["labels"]) == 12
    # certified's 3-day certificate is replaced by their year-long one (expiring in month 12+),
    # lapsed's expired yesterday: only the third one's, 40 days on, counts
    month = (today + dt.timedelta(days=40)).month
    position = (month - today.month) % 12
    assert expiries["datasets"][0]["data"][position] == 1
    assert sum(expiries["datasets"][0]["data"]) == 1
    assert 'id="kpi-expiring">0<' in page
    assert "chart.umd.min.js" in page


def test_the_overview_is_the_managers(operator, login):
    assert login(operator).get("/technicians/overview/").status_code == 404


def test_people_trained_are_counted_in_their_month_over_the_last_twelve(manager, today):
    from aftersales.workforce import services
    from aftersales.workforce.models import Attendance, Course, TrainingSession, add_months
    from aftersales.workforce.selectors import trained_by_month

    course = Course.objects.create(code="E", title="Everyone", audience="everyone")
    first_month = add_months(today.replace(day=1), -11)
    for day, name in (
        (today, "Recent"),
        (first_month, "Oldest"),
        (add_months(first_month, -1), "Too old"),
    ):
        session = TrainingSession.objects.create(
            course=course, starts_on=day, ends_on=day, status="held"
        )
        attendance = services.attendance_register(session=session, by=manager, name=name)
        services.attendance_mark(attendance=attendance, status="attended", by=manager)
    series = trained_by_month(Attendance.objects.all(), today=today)
    assert series["months"][0] == first_month and series["months"][-1] == today.replace(day=1)
    assert series["staff"][0] == 1 and series["staff"][-1] == 1 and sum(series["staff"]) == 2
