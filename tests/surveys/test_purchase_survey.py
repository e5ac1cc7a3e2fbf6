"""A month after the sale the owner is asked about the purchase, once per unit (R7.2)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from aftersales.surveys.models import Invitation
from tests.factories import CustomerFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_owners_of_units_sold_a_month_ago_are_asked_once(django_capture_on_commit_callbacks):
    today = timezone.localdate()
    buyer = CustomerFactory(email="buyer@example.com", preferred_language="en")
    unit = UnitFactory(owner=buyer, sale_date=today - dt.timedelta(days=30))
    UnitFactory(owner=buyer, sale_date=today - dt.timedelta(days=10))  # too early
    UnitFactory(owner=CustomerFactory(email=""), sale_date=today - dt.timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("surveys_purchase")
    invitation = Invitation.objects.get()
    assert invitation.unit == unit and invitation.template.code == "after-purchase"
    assert mail.outbox[0].to == ["buyer@example.com"]
    call_command("surveys_purchase")
    assert Invitation.objects.count() == 1
