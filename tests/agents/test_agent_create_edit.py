from decimal import Decimal

from aftersales.agents.models import Agent
from tests.factories import AgentFactory


def _data(**changes):
    data = {
        "code": "AG-NEW",
        "name": "Caspian Service",
        "country": "IR",
        "region": "Gilan",
        "city": "Rasht",
        "address": "Golsar Blvd",
        "phone": "013 3312 3456",
        "email": "info@caspian.example",
        "latitude": "37.28",
        "longitude": "49.58",
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_a_manager_creates_an_agent_with_the_phone_in_e164(manager, login):
    response = login(manager).post("/agents/new/", _data())
    agent = Agent.objects.get(code="AG-NEW")
    assert response.status_code == 302 and response.url == f"/agents/{agent.pk}/"
    assert agent.phone == "+981333123456"
    assert agent.latitude == Decimal("37.28")


def test_a_bad_phone_or_latitude_is_refused_and_nothing_is_saved(manager, login):
    client = login(manager)
    response = client.post("/agents/new/", _data(phone="12"))
    assert (
        response.status_code == 400 and "is not a valid phone number" in response.content.decode()
    )
    response = client.post("/agents/new/", _data(latitude="123"))
    assert response.status_code == 400
    assert "Ensure this value is less than or equal to 90." in response.content.decode()
    assert not Agent.objects.filter(code="AG-NEW").exists()


def test_a_manager_edits_an_agent(manager, login):
    agent = AgentFactory(code="AG-OLD", name="Old name")
    response = login(manager).post(
        f"/agents/{agent.pk}/edit/", _data(code="AG-OLD", name="New name")
    )
    assert response.status_code == 302
    agent.refresh_from_db()
    assert agent.name == "New name" and agent.city == "Rasht"


def test_an_operator_cannot_create_or_edit_agents(operator, login):
    agent = AgentFactory(name="Untouched")
    client = login(operator)
    assert client.get("/agents/new/").status_code == 404
    assert client.post(f"/agents/{agent.pk}/edit/", _data(name="Changed")).status_code == 404
    agent.refresh_from_db()
    assert agent.name == "Untouched"
