from aftersales.core.choices import Role
from tests.factories import TechnicianFactory, UnitFactory


def test_an_agents_page_shows_staff_technicians_and_units_serviced(
    operator, agent, other_agent, make_user, login
):
    make_user(Role.AGENT, username="desk.north", first_name="Nasrin", agent=agent)
    make_user(Role.AGENT, username="desk.south", agent=other_agent)
    TechnicianFactory(first_name="Ali", last_name="North", agent=agent)
    TechnicianFactory(first_name="Bahram", last_name="South", agent=other_agent)
    UnitFactory.create_batch(2, service_agent=agent)
    UnitFactory(service_agent=other_agent)
    page = login(operator).get(f"/agents/{agent.pk}/").content.decode()
    assert "desk.north" in page and "desk.south" not in page
    assert "Ali North" in page and "Bahram South" not in page
    assert 'id="unit-count">2<' in page
    assert 'id="audit"' in page


def test_the_contract_in_force_links_only_for_roles_that_may_open_contracts(
    operator, agent, make_user, login
):
    import datetime as dt

    from django.utils import timezone

    from aftersales.agents.models import Contract

    today = timezone.localdate()
    contract = Contract.objects.create(
        number="CTR-T-1", agent=agent, starts_on=today, ends_on=today + dt.timedelta(days=30)
    )
    link = f'href="/agents/contracts/{contract.pk}/"'
    warehouse = login(make_user(Role.WAREHOUSE, username="stores"))
    page = warehouse.get(f"/agents/{agent.pk}/").content.decode()
    assert "CTR-T-1" in page and link not in page
    assert warehouse.get(f"/agents/contracts/{contract.pk}/").status_code == 404
    page = login(operator).get(f"/agents/{agent.pk}/").content.decode()
    assert link in page
