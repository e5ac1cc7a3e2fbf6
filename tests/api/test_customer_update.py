from aftersales.customers.models import Customer

from .conftest import patch_json


def test_an_operator_changes_only_the_fields_sent(operator, owner, token_client):
    response = patch_json(
        token_client(operator),
        f"/api/v1/customers/{owner.pk}",
        {"tier": "gold", "phones": ["0912 345 6789"]},
    )
    assert response.status_code == 200, response.content
    owner.refresh_from_db()
    assert owner.tier == "gold" and owner.first_name == "Sara"
    assert list(owner.phones.values_list("number", flat=True)) == ["+989123456789"]
    assert response.json()["phones"][0]["number"] == "+989123456789"


def test_moving_a_customer_to_italy_checks_their_national_id_again(operator, token_client):
    customer = Customer.objects.create(last_name="Rezaei", national_id="0499370899")
    response = patch_json(
        token_client(operator), f"/api/v1/customers/{customer.pk}", {"country": "IT"}
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["national_id"]


def test_a_customer_changes_their_own_contact_details_but_not_their_tier(owner, login):
    client = login(owner.user)
    path = f"/api/v1/customers/{owner.pk}"
    assert patch_json(client, path, {"email": "sara@example.com"}).status_code == 200
    refused = patch_json(client, path, {"tier": "gold", "notes": "VIP"})
    assert refused.status_code == 422
    assert set(refused.json()["errors"]) == {"tier", "notes"}
    owner.refresh_from_db()
    assert owner.email == "sara@example.com" and owner.tier == "standard"


def test_a_customer_changing_another_customer_gets_404(owner, stranger, login):
    response = patch_json(login(owner.user), f"/api/v1/customers/{stranger.pk}", {"email": "x@y.z"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "errors": {}}


def test_a_role_that_may_not_change_customers_gets_403(make_user, owner, token_client):
    finance = make_user("finance")
    response = patch_json(token_client(finance), f"/api/v1/customers/{owner.pk}", {"tier": "gold"})
    assert response.status_code == 403
