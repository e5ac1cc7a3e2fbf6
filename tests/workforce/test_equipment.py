"""Tools and vehicles: hand-over against a drawn signature, return, mileage that never goes
back, and the service falling due by distance or by date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from aftersales.workforce import services
from aftersales.workforce.models import Asset, Handover, MileageReading
from tests.factories import TechnicianFactory

from .conftest import signature_data_url


def _hand(asset, technician, keeper, **kwargs):
    return services.handover_issue(
        asset=asset,
        technician=technician,
        signature=signature_data_url(),
        signed_by=technician.full_name,
        by=keeper,
        **kwargs,
    )


def test_the_keeper_hands_a_tool_over_with_a_drawn_signature(keeper, drill, login):
    technician = TechnicianFactory(first_name="Hamid", last_name="Hosseini")
    data = {
        "technician": technician.pk,
        "signed_by": "Hamid Hosseini",
        "condition_out": "New",
        "signature": signature_data_url(),
    }
    response = login(keeper).post(f"/technicians/equipment/{drill.pk}/handover/", data)
    handover = Handover.objects.get()
    assert response.status_code == 302 and response.url == handover.get_absolute_url()
    assert handover.technician == technician and handover.handed_by == keeper
    with handover.signature.open("rb") as stored:
        assert stored.read().startswith(b"\x89PNG")
    page = login(keeper).get(drill.get_absolute_url()).content.decode()
    assert "Hamid Hosseini" in page and 'id="return"' in page
    image = login(keeper).get(f"/technicians/handovers/{handover.pk}/signature/")
    assert b"".join(image.streaming_content).startswith(b"\x89PNG")
    receipt = login(keeper).get(f"/technicians/handovers/{handover.pk}/receipt/")
    assert receipt["Content-Type"] == "application/pdf" and receipt.content.startswith(b"%PDF")


def test_a_hand_over_without_a_drawing_is_refused_and_nothing_is_saved(keeper, drill, login):
    technician = TechnicianFactory()
    for signature in ("", "data:image/png;base64,bm90IGEgcG5n", "javascript:alert(1)"):
        data = {"technician": technician.pk, "signed_by": "X", "signature": signature}
        response = login(keeper).post(
            f"/technicians/equipment/{drill.pk}/handover/", data, follow=True
        )
        assert "The signature is not a valid drawing." in response.content.decode()
    assert not Handover.objects.exists()


def test_a_held_tool_cannot_be_handed_over_again_until_returned(keeper, drill):
    first, second = TechnicianFactory(first_name="First", last_name="One"), TechnicianFactory()
    handover = _hand(drill, first, keeper)
    with pytest.raises(ValidationError, match="is held by First One"):
        _hand(drill, second, keeper)
    services.handover_return(handover=handover, by=keeper, condition_in="Worn")
    again = _hand(drill, second, keeper)
    assert again.is_open and Handover.objects.count() == 2


def test_the_return_is_recorded_in_the_ui(keeper, van, login):
    technician = TechnicianFactory()
    handover = _hand(van, technician, keeper, km_out=25000)
    response = login(keeper).post(
        f"/technicians/equipment/{van.pk}/return/",
        {"condition_in": "Scratched door", "km_in": "26200"},
    )
    assert response.status_code == 302
    handover.refresh_from_db()
    assert handover.returned_at is not None and handover.received_by == keeper
    assert handover.km_in == 26200
    assert list(van.readings.values_list("km", flat=True)) == [26200, 25000]


def test_the_odometer_never_goes_back(keeper, van, today, login):
    services.mileage_record(vehicle=van, km=25000, read_on=today - dt.timedelta(days=5), by=keeper)
    response = login(keeper).post(
        f"/technicians/equipment/{van.pk}/reading/", {"km": "24000"}, follow=True
    )
    assert "it cannot go back" in response.content.decode()
    with pytest.raises(ValidationError, match="A later reading"):
        services.mileage_record(
            vehicle=van, km=26000, read_on=today - dt.timedelta(days=9), by=keeper
        )
    with pytest.raises(ValidationError, match="in the future"):
        services.mileage_record(
            vehicle=van, km=26000, read_on=today + dt.timedelta(days=1), by=keeper
        )
    assert MileageReading.objects.count() == 1


def test_a_tool_has_no_odometer(keeper, drill):
    with pytest.raises(ValidationError, match="Only a vehicle"):
        services.mileage_record(vehicle=drill, km=10, by=keeper)
    with pytest.raises(ValidationError):
        services.asset_update(asset=drill, by=keeper, service_interval_km=5000)


def test_the_service_falls_due_by_distance(keeper, van, today, manager, login):
    assert van.service_due(today) == "ok"
    services.mileage_record(vehicle=van, km=29200, by=keeper)  # due at 30000: within 1000 km
    assert Asset.objects.get(pk=van.pk).service_due(today) == "soon"
    services.mileage_record(vehicle=van, km=30100, by=keeper)
    assert Asset.objects.get(pk=van.pk).service_due(today) == "overdue"
    page = login(keeper).get(van.get_absolute_url()).content.decode()
    assert "Service overdue" in page
    listed = login(keeper).get("/technicians/equipment/", {"due": "due"}).content.decode()
    assert "VAN-01" in listed
    services.vehicle_serviced(vehicle=van, on=today, km=30150, by=manager)
    van.refresh_from_db()
    assert van.service_due(today) == "ok" and van.due_km() == 40150
    assert (
        "VAN-01"
        not in login(keeper).get("/technicians/equipment/", {"due": "due"}).content.decode()
    )


def test_the_service_falls_due_by_date(van, today):
    van.last_service_on = today - dt.timedelta(days=160)  # every 180 days: due in 20
    van.save()
    assert van.service_due(today) == "soon"
    van.last_service_on = today - dt.timedelta(days=181)
    van.save()
    assert van.service_due(today) == "overdue"


def test_a_technician_records_only_the_vehicle_they_hold(keeper, van, api_client, make_user):
    from tests.service.factories import technician_with_login

    driver = technician_with_login(username="driver")
    other = technician_with_login(username="other")
    _hand(van, driver, keeper)
    url = f"/api/v1/workforce/assets/{van.pk}/readings"
    body = '{"km": 21000}'
    refused = api_client(other.user).post(url, body, content_type="application/json")
    assert refused.status_code == 403
    accepted = api_client(driver.user).post(url, body, content_type="application/json")
    assert accepted.status_code == 201 and accepted.json()["km"] == 21000
    lower = api_client(driver.user).post(url, '{"km": 100}', content_type="application/json")
    assert lower.status_code == 422 and "cannot go back" in lower.json()["errors"]["km"][0]


def test_only_keepers_hand_over_and_agents_see_no_tools(operator, agent_user, drill, login):
    technician = TechnicianFactory()
    data = {"technician": technician.pk, "signed_by": "X", "signature": signature_data_url()}
    assert (
        login(operator).post(f"/technicians/equipment/{drill.pk}/handover/", data).status_code
        == 404
    )
    assert not Handover.objects.exists()
    assert login(agent_user).get(drill.get_absolute_url()).status_code == 404


def test_equipment_lists_filter_and_export(keeper, drill, van, login):
    import csv
    import io

    technician = TechnicianFactory(first_name="Held", last_name="Holder")
    _hand(drill, technician, keeper)
    client = login(keeper)
    page = client.get("/technicians/equipment/", {"held": "held"}).content.decode()
    assert "T-100" in page and "VAN-01" not in page
    page = client.get("/technicians/equipment/", {"kind": "vehicle"}).content.decode()
    assert "VAN-01" in page and "T-100" not in page
    response = client.get("/technicians/handovers/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][1] == "T-100" and rows[1][3] == "Held Holder"
    assert client.get("/technicians/mileage/", {"export": "xlsx"}).status_code == 200


def test_a_manager_registers_a_vehicle_and_bad_input_is_refused(manager, login):
    client = login(manager)
    data = {"kind": "tool", "code": "T-1", "name": "Gauge", "plate": "99 B 999", "is_active": "on"}
    response = client.post("/technicians/equipment/new/", data)
    assert response.status_code == 400 and "Only a vehicle has this." in response.content.decode()
    data["kind"] = "vehicle"
    data["service_interval_km"] = "-5"
    assert client.post("/technicians/equipment/new/", data).status_code == 400
    data["service_interval_km"] = "15000"
    assert client.post("/technicians/equipment/new/", data).status_code == 302
    assert Asset.objects.get(code="T-1").is_vehicle
