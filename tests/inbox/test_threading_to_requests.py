"""A message naming a request (subject, In-Reply-To, References) goes to that request when its
customer wrote it; from anyone else it waits for the desk, the request only suggested. A reply on
a request on hold for the customer leaves the state alone and shows as "customer replied"."""

import pytest

from aftersales.inbox import services
from aftersales.service import services as service_services
from tests.service.factories import open_request

from .conftest import compose

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_of_owner(operator, customer_mail, owned_unit, service_data):
    return open_request(by=operator, customer=customer_mail, unit=owned_unit)


def test_reply_from_the_requests_customer_is_attached(request_of_owner):
    raw = compose(
        sender="Sara <SARA.KARIMI@example.ir>",
        subject=f"Re: Your service request {request_of_owner.number}: New",
        body="The unit is in the kitchen.",
    )
    message, _created = services.message_receive(raw=raw, source="webhook")
    assert message.status == "attached"
    assert message.request == request_of_owner
    assert message.attached_automatically
    assert message.handled_by is None and message.handled_at is not None


def test_number_in_references_only_is_enough(request_of_owner):
    raw = compose(
        subject="Re: your answer",
        in_reply_to="<x1@mail.example>",
        references=f"<x0@mail.example> <{request_of_owner.number}.notice@aftersales.example>",
    )
    message, _created = services.message_receive(raw=raw, source="webhook")
    assert message.request == request_of_owner


def test_a_stranger_naming_the_request_waits_for_the_desk(request_of_owner, stranger):
    stranger.email = "marco.rossi@example.it"
    stranger.save()
    raw = compose(sender="marco.rossi@example.it", subject=f"About {request_of_owner.number}")
    message, _created = services.message_receive(raw=raw, source="webhook")
    assert message.status == "new"
    assert message.request is None
    assert message.suggested_request == request_of_owner
    assert message.customer == stranger


def test_to_the_right_request_not_another_customers(
    operator, customer_mail, owned_unit, stranger, strangers_unit, service_data
):
    theirs = open_request(by=operator, customer=stranger, unit=strangers_unit)
    mine = open_request(by=operator, customer=customer_mail, unit=owned_unit)
    raw = compose(subject=f"{theirs.number} / {mine.number}")  # the first named is not hers
    message, _created = services.message_receive(raw=raw, source="webhook")
    assert message.status == "new"
    assert message.suggested_request == theirs
    raw = compose(subject=f"Re: {mine.number}")
    message, _created = services.message_receive(raw=raw, source="webhook")
    assert message.request == mine


def test_a_reply_on_hold_keeps_the_state_and_shows_customer_replied(
    request_of_owner, operator, login
):
    held = service_services.request_triage(request=request_of_owner, by=operator)
    held = service_services.request_transition(request=held, to="waiting_customer", by=operator)
    raw = compose(subject=f"Re: {held.number}", body="Yes, Tuesday is fine.")
    message, _created = services.message_receive(raw=raw, source="webhook")
    held.refresh_from_db()
    assert held.status == "waiting_customer"
    assert message.customer_replied
    client = login(operator)
    page = client.get(held.get_absolute_url()).content.decode()
    assert 'id="request-mail"' in page and "Yes, Tuesday is fine." in page
    assert "Customer replied" in page
    listing = client.get("/inbox/?replied=true").content.decode()
    assert message.subject in listing
    assert message.subject not in client.get("/inbox/?replied=false").content.decode()


def test_a_message_before_the_hold_is_not_a_reply(request_of_owner, operator):
    raw = compose(subject=f"Re: {request_of_owner.number}")
    message, _created = services.message_receive(raw=raw, source="webhook")
    held = service_services.request_triage(request=request_of_owner, by=operator)
    service_services.request_transition(request=held, to="waiting_customer", by=operator)
    message.refresh_from_db()
    assert not message.customer_replied
