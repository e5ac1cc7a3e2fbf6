from aftersales.core.choices import Role
from aftersales.workforce.models import Technician
from tests.factories import CategoryFactory, TechnicianFactory


def test_a_manager_creates_an_agents_technician_with_categories(manager, agent, login):
    cooling = CategoryFactory()
    data = {
        "first_name": "Ali",
        "last_name": "Rezaei",
        "phone": "0912 123 4567",
        "agent": agent.pk,
        "categories": [cooling.pk],
        "is_active": "on",
    }
    response = login(manager).post("/technicians/new/", data)
    technician = Technician.objects.get(last_name="Rezaei")
    assert response.status_code == 302 and response.url == technician.get_absolute_url()
    assert technician.agent == agent and technician.phone == "+989121234567"
    assert list(technician.categories.all()) == [cooling]


def test_a_technician_without_a_surname_is_refused_and_nothing_is_saved(manager, login):
    response = login(manager).post("/technicians/new/", {"first_name": "Ali", "last_name": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Technician.objects.exists()


def test_a_login_of_another_agent_cannot_be_linked(manager, agent, other_agent, make_user, login):
    other_login = make_user(Role.TECHNICIAN, username="tech.south", agent=other_agent)
    data = {"first_name": "Ali", "last_name": "Mixed", "agent": agent.pk, "user": other_login.pk}
    response = login(manager).post("/technicians/new/", data)
    assert response.status_code == 400
    assert (
        "This login belongs to a different agent than the technician." in response.content.decode()
    )
    assert not Technician.objects.filter(last_name="Mixed").exists()


def test_a_manager_moves_a_technician_to_the_makers_staff(manager, agent, login):
    technician = TechnicianFactory(first_name="Ali", last_name="Moved", agent=agent)
    data = {"first_name": "Ali", "last_name": "Moved", "agent": "", "is_active": "on"}
    response = login(manager).post(f"/technicians/{technician.pk}/edit/", data)
    assert response.status_code == 302
    technician.refresh_from_db()
    assert technician.agent is None
    page = login(manager).get(technician.get_absolute_url()).content.decode()
    assert "own staff" in page and 'id="audit"' in page
