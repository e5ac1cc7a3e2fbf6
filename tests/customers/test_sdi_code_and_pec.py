"""An Italian customer's fatture elettroniche reach them by their codice destinatario (7 letters
or digits) or their PEC: both optional, checked, asked of and shown for Italian customers only."""

import pytest
from django.core.exceptions import ValidationError

from aftersales.customers.forms import CustomerForm
from aftersales.customers.services import customer_create, customer_update
from tests.factories import CustomerFactory


def _italian(**data):
    return customer_create(by=None, country="IT", first_name="Giulia", last_name="Bianchi", **data)


@pytest.mark.django_db
def test_the_code_is_kept_in_capitals_and_the_pec_as_given():
    customer = _italian(sdi_code=" abc1def ", pec=" giulia@pec.example.it ")

    assert customer.sdi_code == "ABC1DEF"
    assert customer.pec == "giulia@pec.example.it"


@pytest.mark.django_db
def test_both_are_optional():
    customer = _italian()

    assert (customer.sdi_code, customer.pec) == ("", "")


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ABC12", "ABC1DEFG", "ABC-DEF", "ÀBC1DEF", "ABC 1 DE"])
def test_a_code_that_is_not_7_letters_or_digits_is_refused(code):
    with pytest.raises(ValidationError) as caught:
        _italian(sdi_code=code)

    assert "7 letters or digits" in caught.value.message_dict["sdi_code"][0]


@pytest.mark.django_db
def test_a_pec_that_is_not_an_email_is_refused():
    with pytest.raises(ValidationError) as caught:
        _italian(pec="giulia at pec")

    assert "pec" in caught.value.message_dict


@pytest.mark.django_db
def test_they_are_not_given_to_a_customer_outside_italy():
    customer = CustomerFactory(country="IR")

    with pytest.raises(ValidationError) as caught:
        customer_update(customer=customer, by=None, sdi_code="ABC1DEF", pec="a@pec.example.it")

    assert set(caught.value.message_dict) == {"sdi_code", "pec"}


@pytest.mark.django_db
def test_the_form_asks_for_them_of_italian_customers_only():
    assert {"sdi_code", "pec"} <= set(CustomerForm(initial={"country": "IT"}).fields)
    assert "sdi_code" not in CustomerForm(initial={"country": "IR"}).fields
    italian = CustomerFactory(country="IT")
    assert "pec" in CustomerForm(instance=italian).fields
    assert "pec" not in CustomerForm(instance=CustomerFactory(country="IR")).fields


@pytest.mark.django_db
def test_the_page_shows_them_for_an_italian_customer(operator, login):
    italian = CustomerFactory(country="IT", sdi_code="ABC1DEF", pec="x@pec.example.it")
    iranian = CustomerFactory(country="IR")
    client = login(operator)

    page = client.get(f"/customers/{italian.pk}/").content.decode()
    assert "ABC1DEF" in page and "x@pec.example.it" in page
    assert 'id="sdi-code"' not in client.get(f"/customers/{iranian.pk}/").content.decode()


@pytest.mark.django_db
def test_the_api_takes_and_gives_them(operator, token_client):
    client = token_client(operator)
    created = client.post(
        "/api/v1/customers/",
        {
            "country": "IT",
            "first_name": "Giulia",
            "last_name": "Bianchi",
            "sdi_code": "abc1def",
            "pec": "giulia@pec.example.it",
            "preferred_language": "it",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["sdi_code"], body["pec"]) == ("ABC1DEF", "giulia@pec.example.it")

    refused = client.patch(
        f"/api/v1/customers/{body['id']}", {"sdi_code": "ABC"}, content_type="application/json"
    )
    assert refused.status_code == 422
    assert "sdi_code" in refused.json()["errors"]
