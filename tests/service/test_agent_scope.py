"""Agent staff see only their agent's requests and visits, and open requests for customers."""

import pytest

from tests.factories import CustomerFactory, UnitFactory

from .factories import open_request

pytestmark = pytest.mark.django_db


def test_agent_staff_see_only_their_agents_requests(
    login, operator, agent_user, owner, owned_unit, other_agent
):
    mine = open_request(by=operator, customer=owner, unit=owned_unit)
    customer = CustomerFactory()
    theirs = open_request(
        by=operator, customer=customer, unit=UnitFactory(owner=customer, service_agent=other_agent)
    )
    client = login(agent_user)
    queue = client.get("/service/").content.decode()
    assert mine.number in queue and theirs.number not in queue
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(mine.get_absolute_url()).status_code == 200


def test_agent_staff_open_a_request(login, agent_user, owner, owned_unit, agent):
    from aftersales.service.models import ServiceRequest, ServiceType

    client = login(agent_user)
    response = client.post(
        f"/service/new/{owner.pk}/",
        {
            "service_type": ServiceType.objects.get(code="support").pk,
            "unit": owned_unit.pk,
            "channel": "phone",
            "description": "How to clean the filter?",
        },
    )
    assert response.status_code == 302
    obj = ServiceRequest.objects.get()
    assert obj.agent == agent and obj.channel == "agent"


def test_agent_staff_plan_only_their_technicians(operator, agent_user, owner, owned_unit, agent):
    import datetime as dt

    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from aftersales.service import services

    from .factories import technician_with_login

    obj = services.request_triage(
        request=open_request(by=operator, customer=owner, unit=owned_unit), by=operator
    )
    start = timezone.now()
    outsider = technician_with_login(username="own-staff")
    with pytest.raises(ValidationError):
        services.visit_schedule(
            request=obj,
            technician=outsider,
            window_start=start,
            window_end=start + dt.timedelta(hours=1),
            by=agent_user,
        )
    ours = technician_with_login(username="agent-tech", agent=agent)
    visit = services.visit_schedule(
        request=obj,
        technician=ours,
        window_start=start,
        window_end=start + dt.timedelta(hours=1),
        by=agent_user,
    )
    assert visit.technician == ours
