"""The operator opens a request in Italian: the address a visit goes to is already chosen (the
unit's installation address, else the customer's usual one), and the triage's score reads with
a decimal comma."""

import re

import pytest

from aftersales.units.models import Unit
from tests.factories import AddressFactory

from .factories import open_request

pytestmark = pytest.mark.django_db


def _selected(page: str) -> str:
    select = re.search(r'<select name="address".*?</select>', page, re.S).group(0)
    found = re.search(r'<option value="(\d+)"[^>]*selected', select)
    return found.group(1) if found else ""


def test_the_address_is_chosen_for_the_operator(login, operator, owner, owned_unit):
    AddressFactory(customer=owner, is_default=False)
    usual = AddressFactory(customer=owner, is_default=True)
    installed = AddressFactory(customer=owner, is_default=False)
    client = login(operator)
    page = client.get(f"/service/new/{owner.pk}/").content.decode()
    assert _selected(page) == str(usual.pk)
    Unit.objects.filter(pk=owned_unit.pk).update(installation_address=installed)
    page = client.get(f"/service/new/{owner.pk}/", {"unit": owned_unit.pk}).content.decode()
    assert _selected(page) == str(installed.pk)
    assert client.get(f"/service/new/{owner.pk}/", {"unit": "x"}).status_code == 200


def test_the_triage_score_in_italian(login, operator, owner, owned_unit):
    request = open_request(by=operator, customer=owner, unit=owned_unit)
    type(request).objects.filter(pk=request.pk).update(priority_score="0.62")
    operator.language = "it"
    operator.save()
    page = login(operator).get(f"/service/requests/{request.pk}/").content.decode()
    assert "Secondo le regole il punteggio è 0,62." in page
