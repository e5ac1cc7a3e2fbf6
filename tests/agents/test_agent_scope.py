"""Agent staff see their own agent and nothing of another."""

from tests.factories import AgentFactory


def test_agent_staff_list_only_their_own_agent(agent_user, agent, other_agent, login):
    page = login(agent_user).get("/agents/").content.decode()
    assert agent.name in page and other_agent.name not in page


def test_agent_staff_get_404_on_another_agents_page(agent_user, agent, other_agent, login):
    client = login(agent_user)
    assert client.get(f"/agents/{agent.pk}/").status_code == 200
    assert client.get(f"/agents/{other_agent.pk}/").status_code == 404


def test_agent_staff_cannot_edit_even_their_own_agent(agent_user, agent, login):
    client = login(agent_user)
    assert client.get(f"/agents/{agent.pk}/edit/").status_code == 404
    assert client.get("/agents/new/").status_code == 404
    assert 'id="edit-link"' not in client.get(f"/agents/{agent.pk}/").content.decode()


def test_a_customer_sees_no_agent(owner, login):
    agent = AgentFactory()
    client = login(owner.user)
    assert client.get(f"/agents/{agent.pk}/").status_code == 404
    assert agent.name not in client.get("/agents/").content.decode()
