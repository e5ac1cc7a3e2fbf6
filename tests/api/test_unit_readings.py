from aftersales.units.models import MeterReading

from .conftest import post_json


def _metered(unit):
    unit.product_model.usage_meter = "hours"
    unit.product_model.save()
    return unit


def test_agent_staff_record_a_reading_of_their_unit(agent_user, owned_unit, token_client):
    _metered(owned_unit)
    client = token_client(agent_user)
    response = post_json(client, f"/api/v1/units/{owned_unit.pk}/readings", {"value": "120.5"})
    assert response.status_code == 201, response.content
    assert response.json()["value"] == "120.5"
    detail = client.get(f"/api/v1/units/{owned_unit.pk}").json()
    assert [reading["value"] for reading in detail["meter_readings"]] == ["120.5"]


def test_a_meter_never_runs_backwards(operator, owned_unit, token_client):
    _metered(owned_unit)
    client = token_client(operator)
    path = f"/api/v1/units/{owned_unit.pk}/readings"
    assert post_json(client, path, {"value": 100}).status_code == 201
    lower = post_json(client, path, {"value": 90})
    assert lower.status_code == 422
    assert list(lower.json()["errors"]) == ["value"]
    assert MeterReading.objects.count() == 1


def test_agent_staff_get_404_for_a_unit_they_do_not_service(
    agent_user, strangers_unit, token_client
):
    _metered(strangers_unit)
    response = post_json(
        token_client(agent_user), f"/api/v1/units/{strangers_unit.pk}/readings", {"value": 1}
    )
    assert response.status_code == 404
    assert not MeterReading.objects.exists()


def test_a_customer_may_not_record_readings(owner, owned_unit, login):
    _metered(owned_unit)
    response = post_json(login(owner.user), f"/api/v1/units/{owned_unit.pk}/readings", {"value": 1})
    assert response.status_code == 403
