"""A technician opening a colleague's visit reads it but is offered no check-in or forms."""

import pytest

from .factories import open_request, scheduled_visit, technician_with_login

pytestmark = pytest.mark.django_db


def test_a_colleagues_visit_offers_no_work(login, operator, owner, owned_unit, technician):
    visit = scheduled_visit(
        request=open_request(by=operator, customer=owner, unit=owned_unit),
        technician=technician,
        by=operator,
    )
    colleague = technician_with_login(username="colleague")
    page = login(colleague.user).get(visit.get_absolute_url())
    assert page.status_code == 200
    assert 'id="check-in"' not in page.content.decode()
    assert 'id="check-in"' in login(technician.user).get(visit.get_absolute_url()).content.decode()
