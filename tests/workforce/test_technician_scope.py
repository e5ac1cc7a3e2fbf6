"""Agent staff see only their own agent's technicians; only managers change technicians."""

from tests.factories import TechnicianFactory


def test_agent_staff_list_only_their_agents_technicians(agent_user, agent, other_agent, login):
    TechnicianFactory(last_name="Ours", agent=agent)
    TechnicianFactory(last_name="Theirs", agent=other_agent)
    TechnicianFactory(last_name="Makers", agent=None)
    page = login(agent_user).get("/technicians/").content.decode()
    assert "Ours" in page and "Theirs" not in page and "Makers" not in page


def test_agent_staff_get_404_on_another_agents_technician(agent_user, agent, other_agent, login):
    ours = TechnicianFactory(agent=agent)
    theirs = TechnicianFactory(agent=other_agent)
    client = login(agent_user)
    assert client.get(f"/technicians/{ours.pk}/").status_code == 200
    assert client.get(f"/technicians/{theirs.pk}/").status_code == 404


def test_the_agent_filter_offers_agent_staff_only_their_agent(
    agent_user, agent, other_agent, login
):
    page = login(agent_user).get("/technicians/").content.decode()
    assert f'<option value="{agent.pk}"' in page
    assert f'<option value="{other_agent.pk}"' not in page


def test_only_a_manager_may_edit_a_technician(operator, agent_user, manager, agent, login):
    technician = TechnicianFactory(agent=agent)
    for user in (operator, agent_user):
        assert login(user).get(f"/technicians/{technician.pk}/edit/").status_code == 404
        assert login(user).get("/technicians/new/").status_code == 404
    assert login(manager).get(f"/technicians/{technician.pk}/edit/").status_code == 200
