"""The workshop's pages: intake from a request's page, the queue (search, filters, export), a
job's page with its moves, the portal's "in the workshop since …", in Persian and Italian."""

import pytest

from aftersales.service import services as service
from aftersales.workshop import services
from aftersales.workshop.models import WorkshopJob

pytestmark = pytest.mark.django_db


def test_a_needs_workshop_visit_leads_to_the_intake(
    login, operator, dispatcher, service_request, technician, centre
):
    from tests.service.factories import scheduled_visit

    visit = scheduled_visit(request=service_request, technician=technician, by=dispatcher)
    service.visit_check_in(visit=visit, by=technician.user)
    service.visit_close(visit=visit, by=technician.user, result="needs_workshop", labour_minutes=15)
    client = login(operator)
    page = client.get(service_request.get_absolute_url()).content.decode()
    assert 'id="receive-in-workshop"' in page and 'id="needs-workshop"' in page
    url = f"/workshop/receive/{service_request.pk}/"
    refused = client.post(url, {"workshop": centre.pk, "arrival": "technician", "condition": ""})
    assert refused.status_code == 400 and not WorkshopJob.objects.exists()
    response = client.post(
        url,
        {
            "workshop": centre.pk,
            "arrival": "technician",
            "condition": "Cracked drum seal",
            "accessories": "Hoses",
        },
    )
    job = WorkshopJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    page = client.get(service_request.get_absolute_url()).content.decode()
    assert job.number in page and 'id="receive-in-workshop"' not in page


def test_the_job_page_walks_the_main_path(login, operator, received, technician):
    client = login(operator)
    url = received.get_absolute_url()
    page = client.get(url).content.decode()
    assert "Remote control, power cord" in page and 'id="bench"' in page
    response = client.post(f"{url}bench/", {"technician": technician.pk})
    visit = received.bench_visits.get()
    assert response.status_code == 302 and response["Location"] == visit.get_absolute_url()
    refused = client.post(f"{url}ready/", {"handover": "collection", "repaired": "yes"})
    assert refused.status_code == 400
    assert "Close the bench visit first" in refused.content.decode()
    tech = login(technician.user)
    tech.post(f"{visit.get_absolute_url()}close/", {"result": "fixed", "labour_minutes": 30})
    assert (
        client.post(f"{url}ready/", {"handover": "collection", "repaired": "yes"}).status_code
        == 302
    )
    received.refresh_from_db()
    assert received.status == "ready"
    refused = client.post(f"{url}return/", {"returned_to": "", "signature": "x"})
    assert refused.status_code == 400
    from .test_job_lifecycle import PNG

    done = client.post(f"{url}return/", {"returned_to": "Sara Karimi", "signature": PNG})
    assert done.status_code == 302
    received.refresh_from_db()
    assert received.status == "returned"
    page = client.get(url).content.decode()
    assert 'id="returned"' in page and 'id="bench"' not in page


def test_the_queue_finds_by_number_serial_and_phone(login, operator, received, owner):
    from tests.factories import PhoneFactory

    PhoneFactory(customer=owner, number="+989121234567")
    client = login(operator)
    for query in (received.number, "AC18-000123", "0912 123 4567", "۰۹۱۲۱۲۳۴۵۶۷"):
        page = client.get("/workshop/", {"q": query}).content.decode()
        assert received.number in page, query
    page = client.get("/workshop/", {"q": "0912 999 0000"}).content.decode()
    assert received.number not in page
    page = client.get("/workshop/", {"status": "ready"}).content.decode()
    assert received.number not in page
    page = client.get("/workshop/", {"state": "here", "workshop": received.workshop_id})
    assert received.number in page.content.decode()
    export = client.get("/workshop/", {"export": "csv"})
    text = b"".join(export.streaming_content).decode()
    assert export.status_code == 200 and received.number in text
    assert "Days in the workshop" in text
    assert client.get("/workshop/", {"export": "xlsx"}).status_code == 200


def test_the_portal_says_where_the_unit_is(login, owner, operator, received, technician):
    client = login(owner.user)
    url = f"/service/my/{received.request_id}/"
    page = client.get(url).content.decode()
    assert "Your unit is in the workshop Tehran service centre since" in page
    services.job_ready(
        job=received, by=operator, handover="collection", repaired=False, reason="No spare board"
    )
    page = client.get(url).content.decode()
    assert "ready for collection at Tehran service centre" in page
    assert "No spare board" in page and 'id="portal-receipt"' in page


@pytest.mark.parametrize("language", ["fa", "it"])
def test_pages_open_in_persian_and_italian(login, operator, owner, received, language):
    pages = [
        (operator, "/workshop/"),
        (operator, received.get_absolute_url()),
        (operator, f"/workshop/receive/{received.request_id}/"),
        (operator, received.request.get_absolute_url()),
        (owner.user, f"/service/my/{received.request_id}/"),
    ]
    for user, url in pages:
        client = login(user)
        client.cookies["django_language"] = language
        response = client.get(url, headers={"accept-language": language})
        assert response.status_code == 200, url
        html = response.content.decode()
        assert ('dir="rtl"' in html) == (language == "fa"), url


def test_the_menu_offers_the_workshop_to_the_desk_not_to_finance(login, operator, make_user):
    from aftersales.core.choices import Role

    assert 'href="/workshop/"' in login(operator).get("/").content.decode()
    finance = make_user(Role.FINANCE, username="finance")
    assert 'href="/workshop/"' not in login(finance).get("/").content.decode()


def test_the_queue_shows_the_units_here_first_oldest_first(login, operator, received, owner):
    from tests.factories import UnitFactory
    from tests.service.factories import open_request

    later = services.job_receive(
        request=open_request(by=operator, customer=owner, unit=UnitFactory(owner=owner)),
        workshop=received.workshop,
        by=operator,
        arrival="carried_in",
        condition="ok",
    )
    gone = services.job_receive(
        request=open_request(by=operator, customer=owner, unit=UnitFactory(owner=owner)),
        workshop=received.workshop,
        by=operator,
        arrival="carried_in",
        condition="ok",
    )
    services.job_cancel(job=gone, by=operator, reason="Recorded twice")
    page = login(operator).get("/workshop/").content.decode()
    assert page.index(received.number) < page.index(later.number) < page.index(gone.number)
