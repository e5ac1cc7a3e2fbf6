"""The agent portal: one page with the agent's own work, scorecard and grade."""

import datetime as dt

from aftersales.agents import services
from aftersales.agents.models import Grade
from tests.factories import UnitFactory

from .conftest import at, make_request


def test_agent_staff_see_counts_of_their_own_work_only(
    agent, other_agent, agent_user, service_type, network_defaults, manager, login
):
    for who, count in ((agent, 3), (other_agent, 5)):
        for n in range(count):
            make_request(
                agent=who,
                unit=UnitFactory(service_agent=who),
                service_type=service_type,
                opened=at(2026, 1, 1 + n),
            )
    services.grade_assign(
        agent=agent, grade=Grade.objects.get(code="B"), valid_from=dt.date(2026, 1, 1), by=manager
    )
    html = login(agent_user).get("/agents/portal/").content.decode()
    assert "Open requests" in html
    assert '<div class="fs-3 tile-count">3</div>' in html
    assert '<div class="fs-3 tile-count">5</div>' not in html
    assert 'id="grade-now">Grade B' in html
    assert "/settlements/" in html  # settlements are linked


def test_the_portal_is_for_agent_staff(manager, login):
    assert login(manager).get("/agents/portal/").status_code == 404


def test_each_tile_opens_the_list_filtered_as_its_count(agent, agent_user, service_type, login):
    from tests.factories import TechnicianFactory

    from .conftest import make_visit

    technician = TechnicianFactory(agent=agent)
    for n, resolved in enumerate((None, None, at(2026, 1, 9))):
        request = make_request(
            agent=agent,
            unit=UnitFactory(service_agent=agent),
            service_type=service_type,
            opened=at(2026, 1, 1 + n),
            resolved=resolved,
        )
        make_visit(
            request=request,
            technician=technician,
            start=at(2026, 1, 2 + n),
            status="planned" if n == 0 else "done",
        )
    client = login(agent_user)
    tiles = client.get("/agents/portal/").context["tiles"]
    for tile in tiles:
        if tile["url"] and tile["count"]:
            listed = client.get(tile["url"]).context
            assert listed["page"].paginator.count == tile["count"], tile["label"]
    urls = {str(tile["label"]): tile["url"] for tile in tiles}
    assert urls["Open requests"] == "/service/?state=open"
    assert urls["Planned visits"] == "/service/visits/?status=planned"
