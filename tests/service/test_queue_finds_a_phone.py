"""The operator finds a caller's requests in the queue by their phone number, typed in any
format: the customer's phones and the request's contact phone."""

import pytest

from tests.factories import PhoneFactory

from .factories import open_request

pytestmark = pytest.mark.django_db


def test_the_queue_finds_requests_by_phone(
    login, operator, owner, owned_unit, stranger, strangers_unit
):
    PhoneFactory(customer=owner, number="+393471234567")
    mine = open_request(by=operator, customer=owner, unit=owned_unit)
    other = open_request(by=operator, customer=stranger, unit=strangers_unit)
    client = login(operator)
    page = client.get("/service/", {"q": "347 123 4567"}).content.decode()
    assert mine.number in page and other.number not in page
    page = client.get("/service/", {"q": "0039 347 1234567"}).content.decode()
    assert mine.number in page
    type(other).objects.filter(pk=other.pk).update(contact_phone="+393471234567")
    page = client.get("/service/", {"q": "+39 347 123 4567"}).content.decode()
    assert mine.number in page and other.number in page
    export = client.get("/service/", {"q": "3471234567", "export": "csv"})
    assert mine.number in b"".join(export.streaming_content).decode()
    assert other.number in client.get("/service/", {"q": other.number}).content.decode()
