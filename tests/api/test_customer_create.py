from aftersales.customers.models import Customer, Phone

from .conftest import post_json


def payload(**overrides):
    data = {
        "first_name": "Ali",
        "last_name": "Rezaei",
        "country": "IR",
        "national_id": "۰۴۹۹۳۷۰۸۹۹",
        "phones": ["۰۹۱۲ ۳۴۵ ۶۷۸۹", "+98 21 2222 3333"],
        "address": {"region": "Tehran", "city": "Tehran", "line": "12 Valiasr St"},
    }
    data.update(overrides)
    return data


def test_an_operator_creates_a_customer_with_persian_digit_phones_stored_in_e164(
    operator, token_client
):
    response = post_json(token_client(operator), "/api/v1/customers/", payload())
    assert response.status_code == 201, response.content
    customer = Customer.objects.get()
    assert list(customer.phones.values_list("number", "is_primary")) == [
        ("+989123456789", True),
        ("+982122223333", False),
    ]
    assert customer.national_id == "0499370899"
    body = response.json()
    assert body["id"] == customer.pk
    assert body["display_name"] == "Ali Rezaei"
    assert body["primary_phone"] == "+989123456789"
    assert [phone["number"] for phone in body["phones"]] == ["+989123456789", "+982122223333"]
    assert body["addresses"][0]["line"] == "12 Valiasr St"
    assert body["addresses"][0]["is_default"] is True
    assert body["unit_count"] == 0


def test_an_italian_customer_is_checked_by_codice_fiscale_and_partita_iva(operator, token_client):
    client = token_client(operator)
    response = post_json(
        client,
        "/api/v1/customers/",
        payload(
            country="IT",
            national_id="rccmnl83s18d969h",
            vat_number="IT 0074 3110 157",
            phones=["333 123 4567"],
            address=None,
        ),
    )
    assert response.status_code == 201, response.content
    customer = Customer.objects.get()
    assert customer.national_id == "RCCMNL83S18D969H"
    assert customer.vat_number == "00743110157"
    assert customer.phones.get().number == "+393331234567"


def test_an_invalid_national_code_is_a_422_naming_the_field(operator, token_client):
    response = post_json(
        token_client(operator), "/api/v1/customers/", payload(national_id="0499370898")
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Invalid input.",
        "errors": {"national_id": ["This is not a valid Iranian national code."]},
    }
    assert not Customer.objects.exists() and not Phone.objects.exists()


def test_every_wrong_field_is_named_at_once(operator, token_client):
    response = post_json(
        token_client(operator),
        "/api/v1/customers/",
        payload(
            country="IT",
            first_name="",
            last_name="",
            national_id="RCCMNL83S18D969X",
            vat_number="12345678901",
            phones=["12345"],
        ),
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["national_id"] == ["This is not a valid codice fiscale."]
    assert errors["vat_number"] == ["This is not a valid partita IVA."]
    assert errors["phones"] == ["“12345” is not a valid phone number."]
    assert errors["last_name"] == ["Enter the customer's name."]
    assert not Customer.objects.exists()


def test_a_wrongly_typed_field_is_a_422_naming_it(operator, token_client):
    response = post_json(
        token_client(operator), "/api/v1/customers/", payload(tier="platinum", consent_sms="x")
    )
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Invalid input."
    assert set(body["errors"]) == {"tier", "consent_sms"}


def test_a_customer_may_not_create_customers(owner, login):
    response = post_json(login(owner.user), "/api/v1/customers/", payload())
    assert response.status_code == 403
    assert response.json() == {"detail": "You may not do this.", "errors": {}}
    assert Customer.objects.count() == 1  # the owner only
