"""Every service page opens in Persian (RTL), and the queue flags breached requests."""

import datetime as dt

import pytest
from django.utils import timezone

from .factories import open_request, scheduled_visit

pytestmark = pytest.mark.django_db


def test_pages_open_in_persian(login, operator, dispatcher, owner, owned_unit, technician):
    obj = open_request(by=operator, customer=owner, unit=owned_unit)
    visit = scheduled_visit(request=obj, technician=technician, by=dispatcher)
    staff = [
        (operator, "/service/"),
        (operator, "/service/new/?q=AC18"),
        (operator, f"/service/new/{owner.pk}/"),
        (operator, obj.get_absolute_url()),
        (dispatcher, f"/service/requests/{obj.pk}/plan/"),
        (dispatcher, "/service/visits/"),
        (operator, "/service/campaigns/"),
        (operator, "/service/defects/"),
        (technician.user, "/service/visits/today/"),
        (technician.user, visit.get_absolute_url()),
        (owner.user, "/service/my/"),
        (owner.user, "/service/my/new/"),
        (owner.user, f"/service/my/{obj.pk}/"),
        (owner.user, f"/my/units/{owned_unit.pk}/"),
    ]
    for user, url in staff:
        client = login(user)
        client.cookies["django_language"] = "fa"
        response = client.get(url, headers={"accept-language": "fa"})
        assert response.status_code == 200, url
        assert 'dir="rtl"' in response.content.decode(), url


def test_the_queue_flags_breaches(login, operator, owner, owned_unit):
    late = open_request(
        by=operator, customer=owner, unit=owned_unit, at=timezone.now() - dt.timedelta(days=30)
    )
    fresh = open_request(by=operator, customer=owner, code="support")
    page = login(operator).get("/service/", {"breached": "true"}).content.decode()
    assert late.number in page and fresh.number not in page
