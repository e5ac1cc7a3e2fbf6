"""Italian addresses: a CAP has 5 digits, a provincia typed as its sigla is kept in capitals,
and the address is written the Italian way (CAP before the city, sigla after it) on paper."""

from aftersales.customers import services
from aftersales.customers.models import Address
from tests.factories import AddressFactory, CustomerFactory


def _address(**fields) -> dict:
    return {
        "label": "casa",
        "country": "IT",
        "region": "mi",
        "city": "Milano",
        "line": "Via Roma 1",
        "postal_code": "20121",
        **fields,
    }


def test_a_cap_of_four_digits_is_refused_on_its_field(operator, login):
    customer = CustomerFactory(country="IT")

    response = login(operator).post(
        f"/customers/{customer.pk}/addresses/new/", _address(postal_code="2012")
    )

    assert response.status_code == 400
    assert "An Italian CAP has 5 digits" in response.content.decode()
    assert not Address.objects.exists()


def test_a_right_address_keeps_the_sigla_in_capitals_and_reads_the_italian_way(operator, login):
    customer = CustomerFactory(country="IT")

    response = login(operator).post(
        f"/customers/{customer.pk}/addresses/new/", _address(postal_code=" 20121 ")
    )

    assert response.status_code == 302
    address = Address.objects.get()
    assert (address.postal_code, address.region) == ("20121", "MI")
    assert address.postal == "Via Roma 1, 20121 Milano (MI)"


def test_a_regione_is_not_written_on_paper(db):
    address = AddressFactory(
        country="IT", region="Lombardia", city="Milano", line="Corso Italia 26", postal_code="20122"
    )
    assert address.postal == "Corso Italia 26, 20122 Milano"


def test_an_iranian_address_is_not_held_to_italian_rules(db):
    customer = CustomerFactory()
    address = services.address_add(
        customer=customer,
        by=None,
        country="IR",
        region="Tehran",
        city="Tehran",
        line="12 Valiasr St",
        postal_code="1913733311",
    )
    assert address.postal == str(address) == "12 Valiasr St, Tehran, Tehran"
