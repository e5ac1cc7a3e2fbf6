from aftersales.units.models import Unit
from tests.factories import AddressFactory, ProductModelFactory

from .conftest import post_json


def test_an_operator_creates_a_unit_by_model_code(operator, owner, agent, token_client):
    model = ProductModelFactory(code="AC-18")
    address = AddressFactory(customer=owner)
    response = post_json(
        token_client(operator),
        "/api/v1/units/",
        {
            "model": "AC-18",
            "serial": " ac18 000777 ",
            "sale_date": "2025-06-01",
            "owner": owner.pk,
            "installation_address": address.pk,
            "service_agent": agent.pk,
        },
    )
    assert response.status_code == 201, response.content
    unit = Unit.objects.get()
    assert (unit.product_model, unit.serial, unit.owner, unit.source) == (
        model,
        "AC18000777",
        owner,
        "api",
    )
    body = response.json()
    assert body["model"]["code"] == "AC-18" and body["category"]["code"] == model.category.code
    assert body["owner"]["id"] == owner.pk and body["service_agent"]["id"] == agent.pk
    assert body["installation_address"]["id"] == address.pk


def test_a_serial_already_used_for_the_model_is_a_409(operator, owned_unit, token_client):
    response = post_json(
        token_client(operator),
        "/api/v1/units/",
        {"model": owned_unit.product_model.code, "serial": "ac18-000123"},
    )
    assert response.status_code == 409
    body = response.json()
    assert "already exists" in body["detail"] and "AC18-000123" in body["detail"]
    assert list(body["errors"]) == ["serial"]
    assert Unit.objects.count() == 1


def test_the_same_serial_for_another_model_is_fine(operator, owned_unit, token_client):
    other = ProductModelFactory()
    response = post_json(
        token_client(operator), "/api/v1/units/", {"model": other.code, "serial": "AC18-000123"}
    )
    assert response.status_code == 201


def test_an_unknown_model_or_owner_is_a_422_naming_the_field(operator, token_client):
    client = token_client(operator)
    model = ProductModelFactory()
    unknown_model = post_json(client, "/api/v1/units/", {"model": "NOPE", "serial": "X1"})
    assert unknown_model.status_code == 422 and list(unknown_model.json()["errors"]) == ["model"]
    unknown_owner = post_json(
        client, "/api/v1/units/", {"model": model.code, "serial": "X1", "owner": 999999}
    )
    assert unknown_owner.status_code == 422 and list(unknown_owner.json()["errors"]) == ["owner"]


def test_an_address_of_another_customer_is_refused(operator, owner, stranger, token_client):
    model = ProductModelFactory()
    address = AddressFactory(customer=stranger)
    response = post_json(
        token_client(operator),
        "/api/v1/units/",
        {
            "model": model.code,
            "serial": "X1",
            "owner": owner.pk,
            "installation_address": address.pk,
        },
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["installation_address"]


def test_customers_and_agent_staff_may_not_create_units(owner, agent_user, login, token_client):
    model = ProductModelFactory()
    for client in (login(owner.user), token_client(agent_user)):
        response = post_json(client, "/api/v1/units/", {"model": model.code, "serial": "X1"})
        assert response.status_code == 403
    assert not Unit.objects.exists()
