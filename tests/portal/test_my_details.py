"""A customer keeps their own details and addresses up to date in the portal, and only those."""

import pytest

from aftersales.customers import services
from aftersales.customers.models import Customer

pytestmark = pytest.mark.django_db


def _details(**changes):
    data = {
        "first_name": "Sara",
        "last_name": "Karimi",
        "phone": "0912 123 4567",
        "phone_2": "",
        "email": "sara@example.com",
        "preferred_language": "fa",
        "consent_sms": "on",
    }
    data.update(changes)
    return data


def test_a_customer_changes_their_phone_and_language_but_not_their_tier(owner, login):
    client = login(owner.user)
    assert client.get("/my/details/").status_code == 200
    response = client.post("/my/details/", _details(tier="vip", notes="I am important"))
    assert response.url == "/my/details/"
    owner.refresh_from_db()
    assert [phone.number for phone in owner.phones.all()] == ["+989121234567"]
    assert owner.preferred_language == "fa" and owner.email == "sara@example.com"
    assert owner.consent_sms and not owner.consent_email
    assert owner.tier == Customer._meta.get_field("tier").default and owner.notes == ""


def test_bad_input_is_refused_in_the_customers_language_and_nothing_changes(owner, login):
    owner.user.language = "fa"
    owner.user.save()
    response = login(owner.user).post("/my/details/", _details(phone="abc", email="not-mail"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "is-invalid" in page and 'lang="fa"' in page
    owner.refresh_from_db()
    assert owner.email == "" and not owner.phones.exists()


def test_a_customer_adds_an_address_and_can_then_ask_for_a_visit_there(owner, login):
    client = login(owner.user)
    assert "You have given no address yet" in client.get("/my/details/").content.decode()
    response = client.post(
        "/my/details/addresses/new/",
        {"country": "IR", "region": "Tehran", "city": "Tehran", "line": "12 Valiasr St"},
    )
    assert response.url == "/my/details/"
    assert owner.addresses.get().line == "12 Valiasr St"
    assert "12 Valiasr St" in client.get("/service/my/new/").content.decode()


def test_the_service_keeps_customers_off_the_staffs_fields(owner):
    with pytest.raises(services.ValidationError) as refused:
        services.customer_update(customer=owner, by=owner.user, tier="vip", first_name="S")
    assert set(refused.value.message_dict) == {"tier"}
    owner.refresh_from_db()
    assert owner.first_name == "Sara"
