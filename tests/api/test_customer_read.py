from tests.factories import AddressFactory, CustomerFactory, PhoneFactory, UnitFactory


def test_the_list_is_paginated_and_filtered_by_country_and_tier(operator, token_client):
    CustomerFactory(first_name="Ali", last_name="Rezaei", country="IR", tier="gold")
    CustomerFactory(first_name="Marco", last_name="Bianchi", country="IT", tier="gold")
    CustomerFactory(first_name="Giulia", last_name="Verdi", country="IT")
    client = token_client(operator)
    everyone = client.get("/api/v1/customers/", {"page_size": 2})
    assert everyone.status_code == 200
    assert everyone.json()["count"] == 3 and len(everyone.json()["items"]) == 2
    gold_italians = client.get("/api/v1/customers/", {"country": "IT", "tier": "gold"})
    assert [c["display_name"] for c in gold_italians.json()["items"]] == ["Marco Bianchi"]


def test_q_finds_a_customer_by_a_phone_typed_in_any_format(operator, token_client):
    customer = CustomerFactory(first_name="Ali", last_name="Rezaei")
    PhoneFactory(customer=customer, number="+989123456789")
    CustomerFactory(first_name="Reza", last_name="Alavi")
    client = token_client(operator)
    by_phone = client.get("/api/v1/customers/", {"q": "۰۹۱۲-۳۴۵-۶۷۸۹"})
    assert [c["id"] for c in by_phone.json()["items"]] == [customer.pk]
    assert by_phone.json()["items"][0]["primary_phone"] == "+989123456789"
    by_name = client.get("/api/v1/customers/", {"q": "reza"})
    assert [c["display_name"] for c in by_name.json()["items"]] == ["Ali Rezaei", "Reza Alavi"]


def test_a_customer_searching_finds_only_themselves(owner, stranger, login):
    response = login(owner.user).get("/api/v1/customers/", {"q": "Rossi"})
    assert response.json() == {"items": [], "count": 0}


def test_the_detail_has_phones_addresses_and_the_visible_unit_count(
    operator, owner, owned_unit, token_client
):
    PhoneFactory(customer=owner, number="+989121111111")
    AddressFactory(customer=owner, line="5 Enghelab St", is_default=True)
    UnitFactory(owner=owner)
    response = token_client(operator).get(f"/api/v1/customers/{owner.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["display_name"] == "Sara Karimi"
    assert body["phones"] == [{"number": "+989121111111", "kind": "mobile", "is_primary": True}]
    assert [a["line"] for a in body["addresses"]] == ["5 Enghelab St"]
    assert body["unit_count"] == 2


def test_a_customer_sees_their_own_record_without_staff_notes(owner, stranger, login):
    owner.notes = "Prefers morning visits; difficult."
    owner.save()
    client = login(owner.user)
    own = client.get(f"/api/v1/customers/{owner.pk}")
    assert own.status_code == 200 and own.json()["notes"] == ""
    assert client.get(f"/api/v1/customers/{stranger.pk}").status_code == 404
