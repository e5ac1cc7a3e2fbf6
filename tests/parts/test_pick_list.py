"""Pick lists: the active reservations to pick in a warehouse on a day, grouped by document,
printable, exported as CSV, scoped to the warehouses the user may see."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from aftersales.parts import services
from aftersales.parts.models import Reservation

from ..factories import PartFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reservations(central, agent_store, part, receive, keeper):
    fan = PartFactory(sku="FAN-1", name="Fan motor")
    receive(central, part, 10)
    receive(central, fan, 10)
    receive(agent_store, part, 10)

    def reserve(warehouse, item, quantity, number):
        return services.stock_reserve(
            warehouse=warehouse, part=item, quantity=quantity, document_number=number, by=keeper
        )

    made = {
        "v1_cap": reserve(central, part, 2, "V-001"),
        "v1_fan": reserve(central, fan, 1, "V-001"),
        "v2_cap": reserve(central, part, 1, "V-002"),
        "released": reserve(central, part, 1, "V-003"),
        "agent": reserve(agent_store, part, 1, "V-004"),
        "yesterday": reserve(central, fan, 1, "V-000"),
    }
    services.reservation_release(reservation=made["released"], by=keeper)
    Reservation.objects.filter(pk=made["yesterday"].pk).update(
        created_at=timezone.now() - dt.timedelta(days=1)
    )
    return made


def test_the_pick_list_groups_todays_active_reservations_by_document(
    central, reservations, keeper, login
):
    page = login(keeper).get(reverse("parts:pick_list"), {"warehouse": central.pk})
    assert page.status_code == 200
    groups = page.context["groups"]
    assert [group["document_number"] for group in groups] == ["V-001", "V-002"]
    assert [line.part.sku for line in groups[0]["lines"]] == ["CAP-35", "FAN-1"]
    assert [line.quantity for line in groups[1]["lines"]] == [1]
    text = page.content.decode()
    assert "V-003" not in text and "V-004" not in text and "V-000" not in text
    assert f'value="{timezone.localdate().isoformat()}"' in text  # the day box says which day


def test_outstanding_adds_the_earlier_reservations_still_active(
    central, reservations, keeper, login
):
    page = login(keeper).get(
        reverse("parts:pick_list"), {"warehouse": central.pk, "outstanding": "on"}
    )
    assert [group["document_number"] for group in page.context["groups"]] == [
        "V-000",
        "V-001",
        "V-002",
    ]


def test_the_pick_list_is_exported_as_csv(central, reservations, keeper, login):
    response = login(keeper).get(
        reverse("parts:pick_list"), {"warehouse": central.pk, "export": "csv"}
    )
    rows = b"".join(response.streaming_content).decode().strip().splitlines()
    assert len(rows) == 1 + 3
    assert "V-001" in rows[1] and "CAP-35" in rows[1]


def test_an_agent_picks_only_in_their_own_warehouse(
    central, agent_store, reservations, agent_user, login
):
    client = login(agent_user)
    mine = client.get(reverse("parts:pick_list"), {"warehouse": agent_store.pk})
    assert [group["document_number"] for group in mine.context["groups"]] == ["V-004"]
    everything = client.get(reverse("parts:pick_list"))
    assert [group["document_number"] for group in everything.context["groups"]] == ["V-004"]
    central_page = client.get(reverse("parts:pick_list"), {"warehouse": central.pk})
    assert central_page.context["groups"] == []


def test_the_api_answers_the_pick_list(central, reservations, keeper, agent_user):
    from .test_counter_sales import _api

    body = _api(keeper).get("/api/v1/parts/pick-list", {"warehouse_id": central.pk}).json()
    assert [(line["document_number"], line["sku"]) for line in body] == [
        ("V-001", "CAP-35"),
        ("V-001", "FAN-1"),
        ("V-002", "CAP-35"),
    ]
    out_of_scope = _api(agent_user).get("/api/v1/parts/pick-list", {"warehouse_id": central.pk})
    assert out_of_scope.status_code == 404
