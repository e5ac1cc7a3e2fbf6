"""`load_demo` gives finance tariffs, invoiced jobs, a waiting quote and targets to look at."""

import time

import pytest
from django.core.management import call_command

from aftersales.billing.fatturapa import fatturapa
from aftersales.billing.models import Company, Invoice, Payment, Quote, RevenueTarget


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db
def test_the_demo_has_billing_to_look_at(capsys):
    from aftersales.billing.demo import load_demo

    call_command("load_demo")
    print(capsys.readouterr().out)
    assert Company.objects.count() == 2
    assert Invoice.objects.filter(status="issued").exists()
    assert Payment.objects.exists()
    assert Quote.objects.filter(status="sent", customer__user__username="customer").exists()
    assert RevenueTarget.objects.count() == 3
    italian = Invoice.objects.filter(status="issued", company__country="IT")
    assert italian.exists()  # and each can be sent to the SdI as it is
    assert all(fatturapa(invoice).content for invoice in italian)
    started = time.monotonic()
    assert load_demo() == "Billing: already loaded."
    assert time.monotonic() - started < 1
