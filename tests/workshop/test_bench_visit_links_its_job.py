"""The bench visit's page says which workshop job it is the work of, and links to it."""

import pytest

from aftersales.workshop import services

pytestmark = pytest.mark.django_db


def test_the_visit_page_links_to_its_workshop_job(received, technician, operator, login):
    visit = services.job_start_bench(job=received, technician=technician, by=operator)
    html = login(technician.user).get(visit.get_absolute_url()).content.decode()
    assert 'id="workshop-job"' in html
    assert f'href="{received.get_absolute_url()}"' in html
    assert received.number in html
