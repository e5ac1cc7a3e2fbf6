"""Agent staff see the units their agent services, and nothing else."""

from tests.factories import UnitFactory


def test_agent_staff_list_only_their_agents_units(
    agent_user, agent, owned_unit, strangers_unit, token_client
):
    unserviced = UnitFactory(service_agent=None)
    client = token_client(agent_user)
    response = client.get("/api/v1/units/")
    assert response.status_code == 200
    ids = [unit["id"] for unit in response.json()["items"]]
    assert ids == [owned_unit.pk]
    assert strangers_unit.pk not in ids and unserviced.pk not in ids
    assert response.json()["items"][0]["service_agent"]["code"] == agent.code


def test_agent_staff_get_404_for_a_unit_of_another_agent(
    agent_user, owned_unit, strangers_unit, token_client
):
    client = token_client(agent_user)
    assert client.get(f"/api/v1/units/{owned_unit.pk}").status_code == 200
    assert client.get(f"/api/v1/units/{strangers_unit.pk}").status_code == 404
    lookup = client.get("/api/v1/units/lookup", {"serial": strangers_unit.serial})
    assert lookup.status_code == 404


def test_agent_staff_filtering_by_another_agent_get_nothing(
    agent_user, owned_unit, strangers_unit, token_client
):
    client = token_client(agent_user)
    response = client.get("/api/v1/units/", {"service_agent": strangers_unit.service_agent_id})
    assert response.json() == {"items": [], "count": 0}


def test_agent_staff_see_the_owner_of_their_unit_but_not_other_customers(
    agent_user, owner, stranger, owned_unit, strangers_unit, token_client
):
    client = token_client(agent_user)
    assert client.get(f"/api/v1/customers/{owner.pk}").status_code == 200
    assert client.get(f"/api/v1/customers/{stranger.pk}").status_code == 404
