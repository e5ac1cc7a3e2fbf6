"""Who sees which workshop job: staff all of them, an agent's staff those of their workshops and
their requests (another agent's job is a 404), a customer only their own, in the portal."""

import pytest

from aftersales.workshop import services
from aftersales.workshop.models import WorkshopJob
from tests.service.factories import open_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def strangers_job(operator, stranger, strangers_unit, centre):
    request = open_request(by=operator, customer=stranger, unit=strangers_unit)
    return services.job_receive(
        request=request, workshop=centre, by=operator, arrival="courier", condition="Dented"
    )


def test_an_agents_staff_see_their_jobs_only(login, agent_user, received, strangers_job):
    assert received.request.agent_id == agent_user.agent_id
    client = login(agent_user)
    assert client.get(received.get_absolute_url()).status_code == 200
    assert client.get(strangers_job.get_absolute_url()).status_code == 404
    assert client.get(f"/workshop/jobs/{strangers_job.pk}/receipt/").status_code == 404
    listed = client.get("/workshop/").content.decode()
    assert received.number in listed and strangers_job.number not in listed


def test_an_agents_staff_receive_only_in_their_workshops(
    agent_user, service_request, centre, agents_workshop
):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        services.job_receive(
            request=service_request,
            workshop=centre,
            by=agent_user,
            arrival="carried_in",
            condition="ok",
        )
    assert "workshop" in refused.value.message_dict
    job = services.job_receive(
        request=service_request,
        workshop=agents_workshop,
        by=agent_user,
        arrival="carried_in",
        condition="ok",
    )
    assert job.workshop == agents_workshop


def test_a_customer_sees_only_their_own(owner, stranger, received, strangers_job):
    assert list(WorkshopJob.objects.restrict(owner.user, "view")) == [received]
    assert list(WorkshopJob.objects.restrict(stranger.user, "view")) == [strangers_job]
    assert not WorkshopJob.objects.restrict(owner.user, "change").exists()


def test_a_customer_reads_their_receipt_but_not_a_strangers(login, owner, received, strangers_job):
    client = login(owner.user)
    assert client.get(f"/workshop/jobs/{received.pk}/receipt/").status_code == 200
    assert client.get(f"/workshop/jobs/{strangers_job.pk}/receipt/").status_code == 404
    # the staff page of the job sends the customer to their portal page
    response = client.get(received.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == f"/service/my/{received.request_id}/"
    assert client.get("/workshop/").status_code == 404


def test_an_agent_leaves_a_unit_held_elsewhere_to_that_workshop(login, agent_user, received):
    from django.core.exceptions import PermissionDenied

    client = login(agent_user)
    page = client.get(received.get_absolute_url()).content.decode()
    assert 'id="cancel"' not in page and 'id="bench"' not in page
    response = client.post(f"{received.get_absolute_url()}cancel/", {"reason": "mine"})
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        services.job_cancel(job=received, by=agent_user, reason="mine")
    received.refresh_from_db()
    assert received.status == "received"


def test_an_agent_works_the_units_in_their_own_workshop(
    login, agent_user, service_request, agents_workshop
):
    job = services.job_receive(
        request=service_request,
        workshop=agents_workshop,
        by=agent_user,
        arrival="carried_in",
        condition="ok",
    )
    client = login(agent_user)
    assert 'id="cancel"' in client.get(job.get_absolute_url()).content.decode()
    response = client.post(f"{job.get_absolute_url()}cancel/", {"reason": "Recorded twice"})
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == "cancelled"
