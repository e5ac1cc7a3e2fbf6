"""Training: courses, sessions, enrolment of staff, agents' staff and customers, attendance, and
certificates of attendance that create or renew a certification."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from aftersales.workforce import services
from aftersales.workforce.models import Attendance, Course, TrainingSession
from tests.factories import CustomerFactory, PhoneFactory, TechnicianFactory


@pytest.fixture
def f_gas_course(f_gas):
    return Course.objects.create(
        code="FG-1", title="Refrigerant handling", qualification=f_gas, hours=16
    )


@pytest.fixture
def held_session(f_gas_course, today):
    return TrainingSession.objects.create(
        course=f_gas_course,
        starts_on=today - dt.timedelta(days=3),
        ends_on=today - dt.timedelta(days=2),
        location="Tehran",
        status="held",
        capacity=3,
    )


def _attend(session, manager, **attendee):
    attendance = services.attendance_register(session=session, by=manager, **attendee)
    return services.attendance_mark(attendance=attendance, status="attended", by=manager)


def test_a_manager_creates_a_course_and_plans_a_session_in_the_ui(manager, f_gas, login):
    client = login(manager)
    data = {
        "code": "C-1",
        "title": "Split installs",
        "audience": "staff",
        "hours": "8",
        "qualification": f_gas.pk,
        "is_active": "on",
    }
    response = client.post("/technicians/training/courses/new/", data)
    course = Course.objects.get(code="C-1")
    assert response.status_code == 302 and response.url == course.get_absolute_url()
    data = {
        "course": course.pk,
        "starts_on": "2026-12-01",
        "ends_on": "2026-11-30",
        "status": "planned",
    }
    response = client.post("/technicians/training/sessions/new/", data)
    assert response.status_code == 400
    assert "A session cannot end before it starts." in response.content.decode()
    assert not TrainingSession.objects.exists()
    data["ends_on"] = "2026-12-02"
    assert client.post("/technicians/training/sessions/new/", data).status_code == 302
    assert TrainingSession.objects.get().course == course


def test_the_session_page_enrols_a_technician_a_customer_by_phone_and_staff_by_name(
    manager, held_session, agent, login
):
    held_session.course.audience = "everyone"
    held_session.course.save()
    technician = TechnicianFactory(first_name="Tara", last_name="Tavakoli", agent=agent)
    customer = CustomerFactory(first_name="Cyrus", last_name="Kamali")
    PhoneFactory(customer=customer, number="+989121110000")
    client = login(manager)
    url = f"/technicians/training/sessions/{held_session.pk}/enrol/"
    client.post(url, {"technician": technician.pk})
    client.post(url, {"customer_phone": "0912 111 0000"})
    client.post(url, {"name": "Office clerk", "agent": agent.pk})
    page = client.get(held_session.get_absolute_url()).content.decode()
    assert "Tara Tavakoli" in page and "Cyrus Kamali" in page and "Office clerk" in page
    attendees = Attendance.objects.filter(session=held_session)
    assert attendees.count() == 3
    assert attendees.get(technician=technician).agent == agent
    response = client.post(url, {"name": "Fourth"}, follow=True)
    assert "The session is full." in response.content.decode()
    response = client.post(url, {"customer_phone": "0912 999 9999"}, follow=True)
    assert "No customer has this phone number." in response.content.decode()


def test_a_customer_cannot_join_a_course_for_staff(manager, held_session):
    with pytest.raises(ValidationError, match="not for customers"):
        services.attendance_register(session=held_session, by=manager, customer=CustomerFactory())


def test_the_same_technician_is_enrolled_once(manager, held_session, certified):
    services.attendance_register(session=held_session, by=manager, technician=certified)
    with pytest.raises(ValidationError, match="Already enrolled"):
        services.attendance_register(session=held_session, by=manager, technician=certified)


def test_attendance_is_not_taken_before_the_session_starts(manager, f_gas_course, certified, today):
    future = TrainingSession.objects.create(
        course=f_gas_course,
        starts_on=today + dt.timedelta(days=5),
        ends_on=today + dt.timedelta(days=6),
    )
    attendance = services.attendance_register(session=future, by=manager, technician=certified)
    with pytest.raises(ValidationError, match="once the session has started"):
        services.attendance_mark(attendance=attendance, status="attended", by=manager)


def test_a_certificate_of_attendance_creates_the_certification(
    manager, held_session, cooling, login
):
    newcomer = TechnicianFactory(first_name="New", last_name="Comer")
    newcomer.categories.set([cooling])
    attendance = _attend(held_session, manager, technician=newcomer)
    response = login(manager).post(f"/technicians/training/attendance/{attendance.pk}/certify/")
    assert response.status_code == 302
    attendance.refresh_from_db()
    certification = attendance.certification
    assert (
        certification.technician == newcomer
        and certification.qualification.name == "F-gas handling"
    )
    assert certification.issued_on == held_session.ends_on
    assert certification.expires_on == held_session.ends_on.replace(
        year=held_session.ends_on.year + 2
    )
    assert attendance.certificate_number.startswith(f"TRC-{held_session.ends_on.year}-")
    pdf = login(manager).get(f"/technicians/training/certificates/{attendance.pk}/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_certificate_of_attendance_renews_an_expired_certification_and_restores_the_candidate(
    manager, held_session, lapsed, ac_request, today
):
    from aftersales.workforce.models import Technician
    from aftersales.workforce.selectors import Work, qualified

    work = Work.of_request(ac_request)
    assert lapsed not in qualified(Technician.objects.all(), **work.kwargs(), on=today)
    attendance = _attend(held_session, manager, technician=lapsed)
    services.attendance_certify(attendance=attendance, by=manager)
    certification = lapsed.certifications.get()  # renewed, not duplicated
    assert certification.issued_on == held_session.ends_on
    assert certification.expires_on > today
    assert lapsed in qualified(Technician.objects.all(), **work.kwargs(), on=today)


def test_only_who_attended_gets_one_certificate(manager, held_session, certified):
    attendance = services.attendance_register(
        session=held_session, by=manager, technician=certified
    )
    with pytest.raises(ValidationError, match="Only someone who attended"):
        services.attendance_certify(attendance=attendance, by=manager)
    services.attendance_mark(attendance=attendance, status="attended", by=manager)
    services.attendance_certify(attendance=attendance, by=manager)
    with pytest.raises(ValidationError, match="already issued"):
        services.attendance_certify(attendance=attendance, by=manager)


def test_a_customer_training_is_recorded_and_listed(manager, operator, today, login):
    course = Course.objects.create(code="USE-1", title="Using your heat pump", audience="customers")
    session = TrainingSession.objects.create(
        course=course, starts_on=today - dt.timedelta(days=1), ends_on=today - dt.timedelta(days=1)
    )
    customer = CustomerFactory(first_name="Mina", last_name="Moradi")
    attendance = _attend(session, manager, customer=customer)
    services.attendance_certify(attendance=attendance, by=manager)
    page = (
        login(operator).get("/technicians/training/people/", {"kind": "customer"}).content.decode()
    )
    assert "Mina Moradi" in page and "Using your heat pump" in page
    with pytest.raises(ValidationError, match="for customers only"):
        services.attendance_register(session=session, by=manager, name="Staff member")


def test_others_may_read_training_but_not_change_it(
    operator, held_session, certified, login, manager
):
    attendance = services.attendance_register(
        session=held_session, by=manager, technician=certified
    )
    client = login(operator)
    assert client.get(held_session.get_absolute_url()).status_code == 200
    assert client.get("/technicians/training/courses/new/").status_code == 404
    assert (
        client.post(
            f"/technicians/training/sessions/{held_session.pk}/enrol/", {"name": "X"}
        ).status_code
        == 404
    )
    assert (
        client.post(f"/technicians/training/attendance/{attendance.pk}/certify/").status_code == 404
    )


def test_training_lists_filter_and_export(operator, held_session, manager, certified, login):
    import csv
    import io

    _attend(held_session, manager, technician=certified)
    client = login(operator)
    page = client.get("/technicians/training/sessions/", {"status": "held"}).content.decode()
    assert "Refrigerant handling" in page
    assert (
        "Refrigerant handling"
        not in client.get("/technicians/training/sessions/", {"status": "planned"}).content.decode()
    )
    response = client.get("/technicians/training/people/", {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][0] == "Valid Vahidi" and rows[1][3] == "Refrigerant handling"
    assert client.get("/technicians/training/courses/", {"export": "xlsx"}).status_code == 200
