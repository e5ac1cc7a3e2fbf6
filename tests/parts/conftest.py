"""Warehouses, vans and the people who use them."""

import pytest

from aftersales.core.choices import Role
from aftersales.parts import services
from aftersales.parts.choices import WarehouseKind
from aftersales.parts.models import Warehouse

from ..factories import PartFactory, TechnicianFactory


@pytest.fixture
def keeper(make_user):
    return make_user(Role.WAREHOUSE, username="keeper")


@pytest.fixture
def central(db):
    return Warehouse.objects.create(code="CEN", name="Central", kind=WarehouseKind.CENTRAL)


@pytest.fixture
def regional(db):
    return Warehouse.objects.create(code="REG-N", name="North", kind=WarehouseKind.REGIONAL)


@pytest.fixture
def agent_store(agent):
    return Warehouse.objects.create(
        code="AG-N-1", name="North Service store", kind=WarehouseKind.AGENT, agent=agent
    )


@pytest.fixture
def other_agent_store(other_agent):
    return Warehouse.objects.create(
        code="AG-S-1", name="South Service store", kind=WarehouseKind.AGENT, agent=other_agent
    )


@pytest.fixture
def tech_user(make_user):
    return make_user(Role.TECHNICIAN, username="tech")


@pytest.fixture
def van(tech_user):
    technician = TechnicianFactory(user=tech_user, first_name="Ali", last_name="Ahmadi")
    return Warehouse.objects.create(
        code="VAN-1", name="Ali's van", kind=WarehouseKind.VAN, technician=technician
    )


@pytest.fixture
def agent_tech_user(make_user, agent):
    return make_user(Role.TECHNICIAN, username="agenttech", agent=agent)


@pytest.fixture
def agent_van(agent, agent_tech_user):
    technician = TechnicianFactory(user=agent_tech_user, agent=agent, last_name="Noori")
    return Warehouse.objects.create(
        code="VAN-AG", name="Agent van", kind=WarehouseKind.VAN, technician=technician
    )


@pytest.fixture
def part(db):
    return PartFactory(sku="CAP-35", name="Capacitor 35 µF")


@pytest.fixture
def receive(keeper):
    """Put `quantity` units of `part` into `warehouse`."""

    def put(warehouse, part, quantity, number="DN-1"):
        return services.stock_receive(
            warehouse=warehouse, part=part, quantity=quantity, document_number=number, by=keeper
        )

    return put
