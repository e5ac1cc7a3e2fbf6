"""The dispatch board passes axe too: a technician's lane is a named group of links to the
visits on it (an image may not hold links)."""

import pytest

from aftersales.dispatch.models import Plan
from tests.dispatch.conftest import (  # noqa: F401
    cooling,
    day,
    dispatcher,
    make_request,
    make_technician,
)

from .conftest import axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_board_has_no_serious_problem(
    sign_in,
    dispatcher,  # noqa: F811
    make_technician,  # noqa: F811
    make_request,  # noqa: F811
    cooling,  # noqa: F811
    day,  # noqa: F811
):
    make_technician("Ali", categories=[cooling])
    make_request(cooling, day=day)
    page = sign_in(dispatcher, "fa")
    page.goto("/dispatch/new/")
    page.fill("input[name=first_day]", day.isoformat())
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    plan = Plan.objects.get()
    assert page.url.endswith(f"/dispatch/{plan.pk}/")
    assert page.locator("svg[role=group] a").count() == 1
    assert axe_problems(page) == []
