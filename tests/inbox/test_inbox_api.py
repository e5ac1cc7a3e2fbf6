"""/api/v1/inbox/: the desk lists and reads the mail and acts on it; customers and agents do not
see it."""

import pytest

from aftersales.inbox import services
from aftersales.service.models import ServiceRequest
from tests.factories import AddressFactory
from tests.service.factories import open_request

from .conftest import compose, fixture_bytes

pytestmark = pytest.mark.django_db
API = "/api/v1/inbox/messages"


@pytest.fixture
def persian(customer_mail):
    return services.message_receive(raw=fixture_bytes("persian.eml"), source="webhook")[0]


def test_list_and_read(token_client, operator, persian):
    client = token_client(operator)
    listed = client.get(API).json()
    assert listed["count"] == 1
    assert listed["items"][0]["subject"] == "درخواست تعمیر کولر"
    assert client.get(API, {"q": "nothing-like-this"}).json()["count"] == 0
    one = client.get(f"{API}/{persian.pk}").json()
    assert one["customer_id"] == persian.customer_id and one["attachments"] == []


def test_attach_ignore_and_open_request(
    token_client, operator, persian, owner, owned_unit, service_data
):
    client = token_client(operator)
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    response = client.post(
        f"{API}/{persian.pk}/attach", {"request_number": "SR-1999-000001"}, "application/json"
    )
    assert response.status_code == 422
    response = client.post(
        f"{API}/{persian.pk}/attach", {"request_number": request.number}, "application/json"
    )
    assert response.status_code == 200 and response.json()["request_id"] == request.pk
    assert client.post(f"{API}/{persian.pk}/ignore").status_code == 422  # already attached

    other = services.message_receive(raw=compose(subject="new one"), source="webhook")[0]
    address = AddressFactory(customer=owner)
    response = client.post(
        f"{API}/{other.pk}/request",
        {"service_type": "repair", "unit_id": owned_unit.pk, "address_id": address.pk},
        "application/json",
    )
    assert response.status_code == 201, response.content
    opened = ServiceRequest.objects.get(pk=response.json()["id"])
    assert opened.channel == "email" and opened.description.startswith("new one")
    other.refresh_from_db()
    assert other.status == "opened" and other.request == opened

    spam = services.message_receive(raw=compose(subject="spam"), source="webhook")[0]
    assert client.post(f"{API}/{spam.pk}/ignore").json()["status"] == "ignored"


def test_customer_and_agent_see_nothing(token_client, owner, agent_user, persian):
    customer = token_client(owner.user)
    assert customer.get(API).json()["count"] == 0
    assert customer.get(f"{API}/{persian.pk}").status_code == 404
    assert customer.post(f"{API}/{persian.pk}/ignore").status_code == 403
    agent = token_client(agent_user)
    assert agent.get(API).json()["count"] == 0
    assert agent.post(f"{API}/{persian.pk}/ignore").status_code == 403
