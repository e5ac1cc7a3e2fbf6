"""Every workforce page renders in Persian, right to left, with Jalali dates."""

import datetime as dt

from aftersales.workforce import services
from aftersales.workforce.models import Course, TrainingSession

from .conftest import signature_data_url


def test_the_workforce_pages_render_in_persian(
    manager, certified, lapsed, van, drill, today, login
):
    manager.language = "fa"
    manager.save()
    course = Course.objects.create(
        code="FG", title="F-gas", qualification=certified.certifications.get().qualification
    )
    session = TrainingSession.objects.create(
        course=course,
        starts_on=today - dt.timedelta(days=2),
        ends_on=today - dt.timedelta(days=1),
        status="held",
    )
    attendance = services.attendance_register(session=session, by=manager, technician=lapsed)
    services.attendance_mark(attendance=attendance, status="attended", by=manager)
    services.attendance_certify(attendance=attendance, by=manager)
    handover = services.handover_issue(
        asset=van,
        technician=certified,
        signature=signature_data_url(),
        signed_by="V",
        by=manager,
        km_out=100,
    )
    client = login(manager)
    urls = [
        certified.get_absolute_url(),
        "/technicians/",
        "/technicians/overview/",
        "/technicians/certifications/",
        "/technicians/qualifications/",
        "/technicians/training/courses/",
        course.get_absolute_url(),
        "/technicians/training/sessions/",
        session.get_absolute_url(),
        "/technicians/training/people/",
        "/technicians/equipment/",
        van.get_absolute_url(),
        drill.get_absolute_url(),
        "/technicians/handovers/",
        handover.get_absolute_url(),
        "/technicians/mileage/",
        "/technicians/equipment/new/",
        "/technicians/training/sessions/new/",
        f"/technicians/{certified.pk}/certifications/new/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert 'dir="rtl"' in page, url
    jalali_year = "۱۴۰"  # Jalali years 140x in Persian digits
    assert jalali_year in client.get(certified.get_absolute_url()).content.decode()
    for pdf in (
        f"/technicians/handovers/{handover.pk}/receipt/",
        f"/technicians/training/certificates/{attendance.pk}/",
    ):
        response = client.get(pdf)
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), pdf
