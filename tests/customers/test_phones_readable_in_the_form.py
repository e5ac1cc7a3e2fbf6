"""The customer's form shows the phones as people write them (+39 02 7503 5912), not as stored
(+390275035912); sent back unchanged they stay the same numbers."""

import re

from aftersales.customers.models import Customer
from tests.factories import CustomerFactory, PhoneFactory


def test_an_italian_customers_phones_read_grouped_and_save_back_unchanged(operator, login):
    customer = CustomerFactory(
        country="IT", first_name="Massimo", last_name="Caruso", preferred_language="it"
    )
    PhoneFactory(customer=customer, number="+393688765451", is_primary=True)
    PhoneFactory(customer=customer, number="+390275035912", is_primary=False)
    client = login(operator)

    page = client.get(f"/customers/{customer.pk}/edit/").content.decode()

    assert 'value="+39 368 876 5451"' in page
    assert 'value="+39 02 7503 5912"' in page
    form = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', page))
    data = {
        **{k: v for k, v in form.items() if k != "csrfmiddlewaretoken"},
        "kind": "person",
        "country": "IT",
        "preferred_language": "it",
        "tier": "standard",
    }
    response = client.post(f"/customers/{customer.pk}/edit/", data)

    assert response.status_code == 302
    customer = Customer.objects.get(pk=customer.pk)
    assert list(customer.phones.values_list("number", flat=True)) == [
        "+393688765451",
        "+390275035912",
    ]
