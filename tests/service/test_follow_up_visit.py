"""A follow-up visit's page tells the technician what the earlier visit found."""

import pytest

from aftersales.service.models import Visit

from .factories import scheduled_visit

pytestmark = pytest.mark.django_db


def test_the_follow_up_shows_the_earlier_diagnosis(login, checked_in, technician, operator):
    client = login(technician.user)
    url = checked_in.get_absolute_url()
    client.post(f"{url}record/", {"diagnosis": "Fan motor seized"})
    client.post(f"{url}close/", {"result": "needs_parts", "labour_minutes": 30})
    request = checked_in.request
    request.refresh_from_db()
    follow_up = scheduled_visit(request=request, technician=technician, by=operator)
    assert follow_up.follow_up_of == Visit.objects.get(pk=checked_in.pk)
    page = client.get(follow_up.get_absolute_url()).content.decode()
    assert 'id="follow-up-of"' in page
    assert checked_in.number in page and "Fan motor seized" in page
