"""The dispatcher's list of visits filters by technician and by day, and exports what it
shows."""

import datetime as dt

import pytest
from django.utils import timezone

from .factories import open_request, scheduled_visit, technician_with_login

pytestmark = pytest.mark.django_db


def test_visits_by_technician_and_day(login, operator, dispatcher, owner, owned_unit, technician):
    other = technician_with_login(username="other")
    today = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    mine = scheduled_visit(
        request=open_request(by=operator, customer=owner, unit=owned_unit),
        technician=technician,
        by=operator,
        start=today,
    )
    theirs = scheduled_visit(
        request=open_request(by=operator, customer=owner, code="support"),
        technician=other,
        by=operator,
        start=today,
    )
    later = scheduled_visit(
        request=open_request(by=operator, customer=owner, code="training"),
        technician=technician,
        by=operator,
        start=today + dt.timedelta(days=3),
    )
    client = login(dispatcher)
    day = today.date().isoformat()
    query = {"technician": technician.pk, "since": day, "until": day}
    page = client.get("/service/visits/", query).content.decode()
    assert mine.number in page
    assert theirs.number not in page and later.number not in page
    export = client.get("/service/visits/", {**query, "export": "csv"})
    rows = b"".join(export.streaming_content).decode()
    assert mine.number in rows and theirs.number not in rows and later.number not in rows
