"""Creating warehouses: a van needs its technician, an agent's warehouse its agent."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from aftersales.parts import services
from aftersales.parts.choices import WarehouseKind
from aftersales.parts.models import ReorderSuggestion, Warehouse
from aftersales.parts.tasks import propose_reorders

pytestmark = pytest.mark.django_db


def test_a_van_needs_its_technician_and_an_agents_store_its_agent(keeper):
    with pytest.raises(ValidationError):
        services.warehouse_create(code="V", name="Van", kind=WarehouseKind.VAN, by=keeper)
    with pytest.raises(ValidationError):
        services.warehouse_create(code="A", name="Agent", kind=WarehouseKind.AGENT, by=keeper)
    with pytest.raises(IntegrityError), transaction.atomic():
        Warehouse.objects.create(code="V", name="Van", kind=WarehouseKind.VAN)


def test_keeper_creates_a_warehouse_on_the_screen_and_it_is_audited(keeper, login):
    client = login(keeper)
    response = client.post(
        "/parts/warehouses/new/",
        {"code": "REG-S", "name": "South", "kind": "regional", "is_active": "on"},
    )
    assert response.status_code == 302
    warehouse = Warehouse.objects.get(code="REG-S")
    page = client.get(warehouse.get_absolute_url()).content.decode()
    assert "South" in page and 'id="audit"' in page


def test_others_cannot_create_warehouses(operator, login):
    assert login(operator).get("/parts/warehouses/new/").status_code == 404


def test_the_nightly_task_proposes_reorders(central, part, receive, keeper):
    receive(central, part, 1)
    services.stock_level_plan(
        warehouse=central, part=part, min_stock=1, reorder_point=2, max_stock=5, by=keeper
    )
    result = propose_reorders.enqueue()
    assert result.return_value == 1
    assert ReorderSuggestion.objects.get().quantity == 4
