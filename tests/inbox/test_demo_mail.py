"""The demo's desk queue is not empty: the demo customer's answer about her booked visit joins
the request by its number, a known customer's new problem waits matched to her record, and a
stranger's Italian e-mail waits with no customer; a second load adds nothing."""

import pytest

from aftersales.inbox import demo
from aftersales.inbox.models import InboundMessage
from aftersales.service.models import ServiceRequest
from tests.factories import CustomerFactory
from tests.service.factories import open_request

pytestmark = pytest.mark.django_db


def test_the_demo_mail_lands_in_the_queue(operator, owner, owned_unit):
    owner.user.username = "customer"  # the demo customer's login
    owner.user.save()
    owner.email = "sara.karimi@example.com"
    owner.save()
    booked = open_request(by=operator, customer=owner, unit=owned_unit)
    ServiceRequest.objects.filter(pk=booked.pk).update(status="scheduled")
    known = CustomerFactory(country="IR", email="arash@example.org")

    assert demo.load_demo().startswith("inbox: 3")
    reply = InboundMessage.objects.get(from_address="sara.karimi@example.com")
    assert (reply.status, reply.request) == ("attached", booked)
    new = InboundMessage.objects.get(from_address="arash@example.org")
    assert (new.status, new.customer) == ("new", known)
    stranger = InboundMessage.objects.get(from_address="marco.ferri@example.it")
    assert (stranger.status, stranger.customer) == ("new", None)
    assert "E21" in stranger.body

    assert demo.load_demo() == ""
    assert InboundMessage.objects.count() == 3
