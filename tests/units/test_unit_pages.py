import datetime as dt

import pytest

from aftersales.units.models import Unit
from tests.factories import PhoneFactory, ProductModelFactory


def test_a_customer_opening_another_customers_unit_gets_404(
    owner, login, owned_unit, strangers_unit
):
    client = login(owner.user)
    assert client.get(f"/units/{strangers_unit.pk}/").status_code == 404
    assert client.get(f"/my/units/{strangers_unit.pk}/").status_code == 404
    assert client.get(f"/my/units/{owned_unit.pk}/").status_code == 200


def test_an_operator_creates_a_unit_for_an_owner_found_by_phone(operator, login):
    phone = PhoneFactory(number="+989351234567")
    model = ProductModelFactory()
    response = login(operator).post(
        "/units/new/",
        {
            "product_model": model.pk,
            "serial": " ab-123 ",
            "owner_phone": "0935 123 4567",
            "status": "active",
            "sale_date": "2025-06-01",
        },
    )
    unit = Unit.objects.get()
    assert response.status_code == 302
    assert (unit.serial, unit.owner) == ("AB-123", phone.customer)


def test_a_second_unit_with_the_same_serial_for_the_model_is_refused(operator, login, owned_unit):
    response = login(operator).post(
        "/units/new/",
        {
            "product_model": owned_unit.product_model.pk,
            "serial": owned_unit.serial.lower(),
            "status": "active",
        },
    )
    assert response.status_code == 400
    assert Unit.objects.count() == 1


def test_a_sale_before_production_is_refused(operator, login):
    model = ProductModelFactory()
    response = login(operator).post(
        "/units/new/",
        {
            "product_model": model.pk,
            "serial": "X1",
            "status": "active",
            "production_date": "2025-06-01",
            "sale_date": "2025-01-01",
        },
    )
    assert response.status_code == 400
    assert "cannot be sold before it is made" in response.content.decode()


def test_a_transfer_keeps_the_ownership_history(operator, login, owned_unit, stranger):
    PhoneFactory(customer=stranger, number="+393331234567")
    client = login(operator)
    response = client.post(
        f"/units/{owned_unit.pk}/transfer/",
        {"new_owner_phone": "+39 333 123 4567", "date": "2026-01-10"},
    )
    assert response.status_code == 302
    owned_unit.refresh_from_db()
    assert owned_unit.owner == stranger
    change = owned_unit.ownership_changes.get()
    assert (change.previous_owner.last_name, change.new_owner, change.date) == (
        "Karimi",
        stranger,
        dt.date(2026, 1, 10),
    )
    page = client.get(owned_unit.get_absolute_url()).content.decode()
    assert "Sara Karimi" in page and "Marco Rossi" in page


def test_a_meter_never_runs_backwards(operator, login, owned_unit):
    owned_unit.product_model.usage_meter = "hours"
    owned_unit.product_model.save()
    client = login(operator)
    client.post(f"/units/{owned_unit.pk}/readings/new/", {"value": "120.5"})
    client.post(f"/units/{owned_unit.pk}/readings/new/", {"value": "100"})
    assert list(owned_unit.meter_readings.values_list("value", flat=True)) == [120.5]


def test_the_unit_list_finds_by_serial_prefix_and_exports(
    operator, login, owned_unit, strangers_unit
):
    client = login(operator)
    page = client.get("/units/", {"q": "ac18"}).content.decode()
    assert owned_unit.serial in page and strangers_unit.serial not in page
    csv = b"".join(client.get("/units/", {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert owned_unit.serial in csv and strangers_unit.serial in csv


def test_editing_a_unit_is_audited(operator, login, owned_unit):
    client = login(operator)
    client.post(
        f"/units/{owned_unit.pk}/edit/",
        {
            "product_model": owned_unit.product_model.pk,
            "serial": owned_unit.serial,
            "status": "scrapped",
            "batch": "B-77",
        },
    )
    owned_unit.refresh_from_db()
    assert owned_unit.status == "scrapped"
    page = client.get(owned_unit.get_absolute_url()).content.decode()
    assert "B-77" in page and "History of changes" in page


@pytest.mark.parametrize("owner", ["abc", "²", "-1"])
def test_a_new_unit_for_an_owner_that_is_not_a_number_is_a_blank_form(operator, login, owner):
    response = login(operator).get("/units/new/", {"owner": owner})
    assert response.status_code == 200


def test_only_a_role_that_opens_requests_is_offered_a_new_one(
    operator, make_user, login, owned_unit
):
    link = f"/service/new/{owned_unit.owner_id}/?unit={owned_unit.pk}"
    assert link in login(operator).get(f"/units/{owned_unit.pk}/").content.decode()
    warehouse = make_user("warehouse", username="keeper")
    page = login(warehouse).get(f"/units/{owned_unit.pk}/")
    assert page.status_code == 200 and "/service/new/" not in page.content.decode()


def test_a_filter_that_cannot_be_read_lists_and_exports_nothing(operator, login, owned_unit):
    client = login(operator)
    page = client.get("/units/", {"status": "zzz"})
    assert page.status_code == 200 and owned_unit.serial not in page.content.decode()
    csv = b"".join(client.get("/units/", {"status": "zzz", "export": "csv"}).streaming_content)
    assert owned_unit.serial not in csv.decode("utf-8-sig")
    assert owned_unit.serial in client.get("/units/", {"status": "active"}).content.decode()
