"""A triage the form refuses says why, and the request stays new."""

import pytest

from .factories import open_request

pytestmark = pytest.mark.django_db


def test_a_too_long_note_is_refused_with_a_message(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    client = login(operator)
    response = client.post(
        f"/service/requests/{request.pk}/triage/", {"priority": "4", "note": "x" * 501}, follow=True
    )
    request.refresh_from_db()
    assert request.status == "new"
    assert "Ensure this value has at most 500 characters" in response.content.decode()
