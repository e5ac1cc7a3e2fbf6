"""Who sees which warehouse: keepers and managers all of them, an agent's staff their agent's
warehouses and vans, a technician only their own van, a customer none."""

import pytest

from aftersales.core.choices import Role
from aftersales.parts.models import StockLevel, StockMove, Warehouse

pytestmark = pytest.mark.django_db


@pytest.fixture
def everything(central, agent_store, other_agent_store, van, agent_van, part, receive):
    for warehouse in (central, agent_store, other_agent_store, van, agent_van):
        receive(warehouse, part, 1)


def visible(user, model=Warehouse, path="code"):
    return set(model.objects.restrict(user, "view").values_list(path, flat=True))


ALL = {"CEN", "AG-N-1", "AG-S-1", "VAN-1", "VAN-AG"}


def test_keeper_and_manager_see_every_warehouse(everything, keeper, manager):
    assert visible(keeper) == ALL
    assert visible(manager) == ALL


def test_agent_staff_see_their_agents_store_and_vans(everything, agent_user):
    assert visible(agent_user) == {"AG-N-1", "VAN-AG"}
    assert visible(agent_user, StockLevel, "warehouse__code") == {"AG-N-1", "VAN-AG"}
    assert visible(agent_user, StockMove, "warehouse__code") == {"AG-N-1", "VAN-AG"}


def test_a_technician_sees_only_their_own_van(everything, tech_user, agent_tech_user):
    assert visible(tech_user) == {"VAN-1"}
    assert visible(agent_tech_user) == {"VAN-AG"}
    assert visible(tech_user, StockLevel, "warehouse__code") == {"VAN-1"}


def test_customers_and_detached_agent_staff_see_nothing(everything, owner, make_user):
    assert visible(owner.user) == set()
    assert visible(make_user(Role.AGENT, username="loose")) == set()


def test_only_keepers_and_managers_may_change_warehouses(everything, agent_user, tech_user, keeper):
    assert Warehouse.objects.restrict(agent_user, "change").count() == 0
    assert Warehouse.objects.restrict(tech_user, "change").count() == 0
    assert Warehouse.objects.restrict(keeper, "change").count() == 5
