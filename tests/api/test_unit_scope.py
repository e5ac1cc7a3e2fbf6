"""A customer sees their own unit and nobody else's: 404 for a stranger's, the same as none."""


def test_a_customer_gets_their_own_unit_by_id_and_by_serial(owner, owned_unit, login):
    client = login(owner.user)
    by_id = client.get(f"/api/v1/units/{owned_unit.pk}")
    by_serial = client.get("/api/v1/units/lookup", {"serial": "ac18-000123"})
    assert by_id.status_code == 200 and by_serial.status_code == 200
    assert by_id.json()["serial"] == by_serial.json()["serial"] == "AC18-000123"
    assert by_id.json()["owner"] == {"id": owner.pk, "display_name": "Sara Karimi"}
    assert by_id.json()["service_agent"] is None  # customers do not see agents


def test_a_customer_gets_404_for_another_customers_unit(owner, owned_unit, strangers_unit, login):
    client = login(owner.user)
    missing = client.get("/api/v1/units/999999")
    by_id = client.get(f"/api/v1/units/{strangers_unit.pk}")
    by_serial = client.get("/api/v1/units/lookup", {"serial": strangers_unit.serial})
    by_serial_and_model = client.get(
        "/api/v1/units/lookup",
        {"serial": strangers_unit.serial, "model": strangers_unit.product_model.code},
    )
    for response in (by_id, by_serial, by_serial_and_model):
        assert response.status_code == 404
        assert response.json() == missing.json() == {"detail": "Not found.", "errors": {}}


def test_a_customer_lists_only_their_own_units(owner, owned_unit, strangers_unit, login):
    response = login(owner.user).get("/api/v1/units/")
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert [unit["id"] for unit in response.json()["items"]] == [owned_unit.pk]
