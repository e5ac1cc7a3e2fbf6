"""Certifications on the technician's page (with expiry warnings), managed by the manager, and
the list of those expiring soon."""

import datetime as dt

from aftersales.workforce.models import Certification, Qualification
from tests.factories import TechnicianFactory

from .conftest import certify


def test_the_page_shows_skills_and_warns_of_a_certificate_expiring_within_30_days(
    manager, cooling, f_gas, today, login
):
    technician = TechnicianFactory(first_name="Soon", last_name="Sadeghi")
    technician.categories.set([cooling])
    certify(
        technician,
        f_gas,
        issued_on=today - dt.timedelta(days=700),
        expires_on=today + dt.timedelta(days=12),
    )
    page = login(manager).get(technician.get_absolute_url()).content.decode()
    assert "Air conditioners" in page
    assert 'data-state="expiring"' in page and "Expires in 12 days" in page


def test_the_page_marks_an_expired_certificate(manager, lapsed, login):
    page = login(manager).get(lapsed.get_absolute_url()).content.decode()
    assert 'data-state="expired"' in page and "Expired" in page


def test_a_manager_adds_a_certificate_lasting_the_qualifications_validity(
    manager, certified, f_gas, login
):
    technician = TechnicianFactory(last_name="Newcomer")
    data = {"qualification": f_gas.pk, "number": "FG-77", "issued_on": "2026-03-31"}
    response = login(manager).post(f"/technicians/{technician.pk}/certifications/new/", data)
    assert response.status_code == 302
    certification = Certification.objects.get(technician=technician)
    assert certification.expires_on == dt.date(2028, 3, 31)  # 24 months


def test_a_certificate_expiring_before_its_issue_is_refused_and_nothing_is_saved(
    manager, f_gas, login
):
    technician = TechnicianFactory(last_name="Backwards")
    data = {"qualification": f_gas.pk, "issued_on": "2026-05-01", "expires_on": "2026-04-01"}
    response = login(manager).post(f"/technicians/{technician.pk}/certifications/new/", data)
    assert response.status_code == 400
    assert "A certificate cannot expire before it is issued." in response.content.decode()
    assert not Certification.objects.filter(technician=technician).exists()


def test_a_persian_manager_types_jalali_dates(manager, f_gas, login):
    manager.language = "fa"
    manager.save()
    technician = TechnicianFactory(last_name="Jalali")
    data = {"qualification": f_gas.pk, "issued_on": "۱۴۰۵/۰۱/۰۱", "expires_on": "1406/01/01"}
    response = login(manager).post(f"/technicians/{technician.pk}/certifications/new/", data)
    assert response.status_code == 302
    certification = Certification.objects.get(technician=technician)
    assert certification.issued_on == dt.date(2026, 3, 21)
    assert certification.expires_on == dt.date(2027, 3, 21)


def test_only_a_manager_adds_or_edits_certificates(operator, dispatcher, certified, login):
    certification = certified.certifications.get()
    for user in (operator, dispatcher):
        client = login(user)
        assert client.get(f"/technicians/{certified.pk}/certifications/new/").status_code == 404
        assert (
            client.get(f"/technicians/certifications/{certification.pk}/edit/").status_code == 404
        )
        assert "add-certification" not in client.get(certified.get_absolute_url()).content.decode()


def test_the_expiring_list_shows_only_what_expires_within_30_days_and_is_not_renewed(
    operator, cooling, f_gas, today, login
):
    soon = TechnicianFactory(first_name="Soon", last_name="Sadeghi")
    renewed = TechnicianFactory(first_name="Renewed", last_name="Rahimi")
    later = TechnicianFactory(first_name="Later", last_name="Latifi")
    certify(
        soon,
        f_gas,
        issued_on=today - dt.timedelta(days=700),
        expires_on=today + dt.timedelta(days=5),
    )
    certify(
        renewed,
        f_gas,
        issued_on=today - dt.timedelta(days=700),
        expires_on=today + dt.timedelta(days=5),
    )
    certify(renewed, f_gas, issued_on=today, expires_on=today + dt.timedelta(days=730))
    certify(later, f_gas, issued_on=today, expires_on=today + dt.timedelta(days=90))
    page = (
        login(operator).get("/technicians/certifications/", {"state": "expiring"}).content.decode()
    )
    assert "Soon Sadeghi" in page
    assert "Renewed Rahimi" not in page and "Later Latifi" not in page


def test_the_certifications_list_exports_csv(operator, certified, login):
    import csv
    import io

    response = login(operator).get("/technicians/certifications/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Technician", "Agent", "Qualification"]
    assert rows[1][0] == "Valid Vahidi" and rows[1][2] == "F-gas handling"


def test_agent_staff_see_only_their_technicians_certificates(
    agent_user, agent, other_agent, f_gas, today, login
):
    ours = TechnicianFactory(last_name="Ours", agent=agent)
    theirs = TechnicianFactory(last_name="Theirs", agent=other_agent)
    certify(ours, f_gas, issued_on=today, expires_on=None)
    certify(theirs, f_gas, issued_on=today, expires_on=None)
    page = login(agent_user).get("/technicians/certifications/").content.decode()
    assert "Ours" in page and "Theirs" not in page


def test_a_manager_defines_a_qualification_for_categories_and_service_types(
    manager, cooling, service_data, login
):
    from tests.service.factories import service_type

    data = {
        "name": "Gas safety",
        "categories": [cooling.pk],
        "service_types": [service_type("installation").pk],
        "validity_months": "36",
        "is_active": "on",
    }
    response = login(manager).post("/technicians/qualifications/new/", data)
    assert response.status_code == 302
    qualification = Qualification.objects.get(name="Gas safety")
    assert list(qualification.categories.all()) == [cooling]
    assert qualification.validity_months == 36
    page = login(manager).get("/technicians/qualifications/").content.decode()
    assert "Gas safety" in page


def test_a_duplicate_qualification_name_is_refused(manager, f_gas, login):
    response = login(manager).post("/technicians/qualifications/new/", {"name": "F-gas handling"})
    assert response.status_code == 400
    assert Qualification.objects.filter(name="F-gas handling").count() == 1


def test_others_read_a_qualification_but_may_not_define_one(operator, f_gas, certified, login):
    client = login(operator)
    assert client.get("/technicians/qualifications/new/").status_code == 404
    page = client.get(f"/technicians/qualifications/{f_gas.pk}/").content.decode()
    assert "Valid Vahidi" in page and "<form" not in page.split("</nav>")[-1]
