"""The operator's queue: open requests first, Persian digits in the search box, the export's
times, the filters' empty choice."""

import datetime as dt

import pytest

from aftersales.core.text import persian_digits
from aftersales.service.choices import Priority
from aftersales.service.models import ServiceRequest

from .factories import open_request

pytestmark = pytest.mark.django_db


def test_a_number_typed_with_persian_digits_finds_the_request(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    other = open_request(by=operator, customer=owner, unit=owned_unit)
    page = login(operator).get("/service/", {"q": persian_digits(request.number)}).content.decode()
    assert request.number in page
    assert other.number not in page


def test_the_export_shows_the_times_the_list_shows(login, operator, owner, owned_unit):
    opened = dt.datetime(2026, 1, 10, 6, 0, tzinfo=dt.UTC)  # 09:30 in Tehran
    open_request(by=operator, customer=owner, unit=owned_unit, at=opened)
    client = login(operator)
    assert "9:30" in client.get("/service/").content.decode()
    export = b"".join(client.get("/service/", {"export": "csv"}).streaming_content).decode()
    assert "2026-01-10 09:30" in export
    assert "2026-01-10 06:00" not in export


def test_an_empty_filter_reads_all(login, operator):
    page = login(operator).get("/service/").content.decode()
    assert "Choose…" not in page


def test_an_open_low_priority_request_comes_before_finished_ones(
    login, operator, owner, owned_unit
):
    waiting = open_request(by=operator, customer=owner, code="support")
    ServiceRequest.objects.filter(pk=waiting.pk).update(priority=Priority.LOW)
    done = open_request(by=operator, customer=owner, unit=owned_unit)
    ServiceRequest.objects.filter(pk=done.pk).update(status="closed", priority=Priority.URGENT)
    page = login(operator).get("/service/").content.decode()
    assert page.index(waiting.number) < page.index(done.number)
