"""Reorder: parts at or below their reorder point get a proposal (a transfer from the central
warehouse when it has the units, a purchase otherwise) that a person approves or rejects."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aftersales.parts import services
from aftersales.parts.choices import SuggestionKind, SuggestionStatus
from aftersales.parts.models import ReorderSuggestion, StockLevel, Transfer
from aftersales.parts.selectors import monthly_consumption, part_forecast

from ..factories import PartFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(central, regional, part, receive, keeper):
    fan = PartFactory(sku="FAN-9")
    receive(central, part, 20)
    receive(regional, part, 1)
    receive(regional, fan, 1)
    for item in (part, fan):
        services.stock_level_plan(
            warehouse=regional, part=item, min_stock=1, reorder_point=2, max_stock=6, by=keeper
        )
    return fan


def test_suggestions_transfer_from_central_or_purchase(planned, regional, central, part, keeper):
    made = services.reorder_suggest(warehouse=regional, by=keeper)
    by_sku = {s.part.sku: s for s in made}
    assert by_sku["CAP-35"].kind == SuggestionKind.TRANSFER
    assert (by_sku["CAP-35"].source, by_sku["CAP-35"].quantity) == (central, 5)
    assert by_sku["FAN-9"].kind == SuggestionKind.PURCHASE
    assert services.reorder_suggest(warehouse=regional, by=keeper) == []  # already proposed


def test_approving_a_transfer_sends_it(planned, regional, part, keeper):
    made = services.reorder_suggest(warehouse=regional, by=keeper)
    transfer_suggestion = next(s for s in made if s.kind == SuggestionKind.TRANSFER)
    approved = services.suggestion_approve(suggestion=transfer_suggestion, by=keeper)
    assert approved.status == SuggestionStatus.APPROVED
    assert approved.transfer == Transfer.objects.get()
    assert StockLevel.objects.get(warehouse=regional, part=part).in_transit == 5
    with pytest.raises(ValidationError):
        services.suggestion_reject(suggestion=approved, by=keeper)


def test_stock_in_transit_counts_towards_the_reorder_point(
    planned, regional, central, part, keeper
):
    services.stock_transfer(source=central, destination=regional, part=part, quantity=5, by=keeper)
    made = services.reorder_suggest(warehouse=regional, by=keeper)
    assert [s.part.sku for s in made] == ["FAN-9"]


def test_an_approved_purchase_is_on_order_until_a_receipt_comes(
    planned, regional, part, receive, keeper
):
    made = services.reorder_suggest(warehouse=regional, by=keeper)
    purchase = next(s for s in made if s.kind == SuggestionKind.PURCHASE)
    services.suggestion_approve(suggestion=purchase, by=keeper)
    services.suggestion_reject(
        suggestion=next(s for s in made if s.kind == SuggestionKind.TRANSFER), by=keeper
    )
    again = services.reorder_suggest(warehouse=regional, by=keeper)
    assert [s.part.sku for s in again] == ["CAP-35"]  # the fan is on order: not proposed again
    receive(regional, planned, 1)  # a delivery of the fan, still at its reorder point
    assert [s.part.sku for s in services.reorder_suggest(warehouse=regional, by=keeper)] == [
        "FAN-9"
    ]


def test_keeper_approves_on_the_screen(planned, regional, keeper, login):
    client = login(keeper)
    assert client.post(f"/parts/warehouses/{regional.pk}/suggest/").status_code == 302
    page = client.get("/parts/suggestions/").content.decode()
    assert 'id="pending"' in page and "FAN-9" in page
    suggestion = ReorderSuggestion.objects.get(part__sku="FAN-9")
    assert client.post(f"/parts/suggestions/{suggestion.pk}/reject/").status_code == 302
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == (SuggestionStatus.REJECTED, keeper)


def test_agent_staff_cannot_decide(planned, regional, keeper, agent_user, login):
    services.reorder_suggest(warehouse=regional, by=keeper)
    suggestion = ReorderSuggestion.objects.first()
    response = login(agent_user).post(f"/parts/suggestions/{suggestion.pk}/approve/")
    assert response.status_code == 404


def test_consumption_history_feeds_the_forecast(central, part, receive, keeper):
    receive(central, part, 50)
    today = timezone.localdate()
    for _ in range(3):
        services.stock_issue(
            warehouse=central, part=part, quantity=2, document_number="V-1", by=keeper
        )
    services.stock_return(
        warehouse=central, part=part, quantity=1, document_number="V-1", by=keeper
    )
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    series = monthly_consumption(warehouse=central, part=part, months=3, today=next_month)
    assert series == [0, 0, 5]  # 6 issued, 1 unused returned, all in the last whole month
    # 24 months of history, one demand of 5 in the last: Croston 5 / 24, SBA × 0.95.
    forecast = part_forecast(warehouse=central, part=part, today=next_month)
    assert float(forecast) == pytest.approx(0.95 * 5 / 24, abs=0.0005)


def test_an_agents_van_is_replenished_from_the_agents_store_first(
    central, agent_store, agent_van, part, receive, keeper
):
    receive(central, part, 10)
    receive(agent_store, part, 10)
    services.stock_level_plan(
        warehouse=agent_van, part=part, min_stock=1, reorder_point=1, max_stock=3, by=keeper
    )
    (suggestion,) = services.reorder_suggest(warehouse=agent_van, by=keeper)
    assert (suggestion.kind, suggestion.source, suggestion.quantity) == (
        SuggestionKind.TRANSFER,
        agent_store,
        3,
    )
