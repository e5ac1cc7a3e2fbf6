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
