"""Helpers of the browser tests; the `browser` and `page` fixtures are in tests/conftest.py."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.service.factories import open_request, scheduled_visit, technician_with_login


def log_in(page, username, password):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("#login-submit")


@pytest.fixture
def visit_this_hour(operator, owner, owned_unit, service_data):
    """A visit to `owner`'s unit from this hour, for technician 'tech' (who has a login)."""
    technician = technician_with_login(username="tech")
    request = open_request(
        by=operator,
        customer=owner,
        unit=owned_unit,
        description="Water drips indoors",
        at=timezone.now() - dt.timedelta(hours=3),
    )
    start = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    return scheduled_visit(request=request, technician=technician, by=operator, start=start)
